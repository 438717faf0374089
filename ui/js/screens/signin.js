// @ts-check
/**
 * Sign-in, and the lock screen (the same form with the username kept). Resolves with the signed-in user
 * once the Rust side holds the session.
 * @module screens/signin
 */

import * as api from '../api/session.js';
import { h, replace } from '../widgets/dom.js';
import { field, showError } from '../widgets/forms.js';
import { gateCard, live } from '../widgets/gate.js';
import { showConnectionGate } from './connection.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../api/session.js').Actor} Actor */
/** @typedef {import('../api/session.js').SignedIn} SignedIn */

/**
 * Sign-in, or the lock screen when `lockedUser` is given (its username is kept, only the password is
 * asked); resolves with the signed-in user.
 * @param {HTMLElement} main
 * @param {Actor | null} [lockedUser]
 * @returns {Promise<SignedIn>}
 */
export function showSignIn(main, lockedUser = null) {
  return new Promise((resolve) => {
    const form = h(
      'form',
      { id: 'signin-form', class: 'gate-form gate-narrow', novalidate: true },
      field('signin-username', 'session.username', {
        value: lockedUser?.username ?? '', required: true, autocomplete: 'username',
      }),
      field('signin-password', 'session.password', { type: 'password', required: true, autocomplete: 'current-password' }),
      h('p', { class: 'form-message', role: 'alert', id: 'signin-message' }),
      h('div', { class: 'form-actions' }, live('button', { type: 'submit', class: 'button', id: 'signin-submit' }, 'session.signin')),
    );
    const username = /** @type {HTMLInputElement} */ (form.querySelector('#signin-username'));
    const password = /** @type {HTMLInputElement} */ (form.querySelector('#signin-password'));
    if (lockedUser) {
      username.readOnly = true;
      const other = live('button', { type: 'button', class: 'button button-quiet', id: 'signin-other' }, 'session.other_user');
      other.addEventListener('click', () => {
        username.readOnly = false;
        username.value = '';
        username.focus();
      });
      form.querySelector('.form-actions')?.append(other);
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        resolve(await api.signIn(username.value.trim(), password.value));
      } catch (error) {
        password.value = '';
        showError(form, 'signin-', /** @type {CommandError} */ (error));
        password.focus();
      }
    });
    const hint = lockedUser
      ? live('p', { class: 'muted' }, 'session.locked.hint', { name: lockedUser.full_name })
      : live('p', { class: 'muted' }, 'session.signin.hint');
    // Before anyone signs in, the desk may be pointed at the office server (the lock keeps the register).
    let connect = null;
    if (!lockedUser) {
      connect = live('button', { type: 'button', class: 'button button-quiet', id: 'open-connection' }, 'conn.open');
      connect.addEventListener('click', () => void showConnectionGate(main));
    }
    replace(main, gateCard('signin', lockedUser ? 'session.locked.title' : 'session.signin.title', hint, form,
      ...(connect ? [h('div', { class: 'form-actions gate-extra' }, connect)] : [])));
    document.body.dataset.screen = lockedUser ? 'locked' : 'signin';
    (lockedUser ? password : username).focus();
  });
}
