// @ts-check
/**
 * The screens before the work: first-run setup, sign-in and the lock screen. Each resolves with the
 * signed-in user once the Rust side holds the session.
 * @module session
 */

import * as api from './api.js';
import { h, replace } from './dom.js';
import { field, showError, valueOf } from './forms.js';
import { t } from './i18n.js';
import { logoCard } from './settings-extras.js';

/** The office profile fields of the setup form, in the order they are typed. */
const OFFICE_FIELDS = ['government', 'name', 'unit', 'regency_code', 'address', 'phone', 'email', 'sign_place'];
const HEAD_FIELDS = ['head_title', 'head_name', 'head_rank', 'head_nip'];

/**
 * A titled card in the middle of the main area.
 * @param {string} id
 * @param {string} titleKey
 * @param {HTMLElement} hint
 * @param {...HTMLElement} body
 */
function card(id, titleKey, hint, ...body) {
  return h(
    'section',
    { class: 'panel gate', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title`, 'data-i18n': titleKey }, t(titleKey)),
    hint,
    ...body,
  );
}

/**
 * A translated string in an element the header's language switch retranslates in place (the gate's
 * forms stay on screen, keeping what was typed).
 * @param {string} tag
 * @param {Record<string, string | null>} attributes
 * @param {string} key
 * @param {Record<string, string>} [args]
 */
function live(tag, attributes, key, args) {
  return h(tag, { ...attributes, 'data-i18n': key, 'data-i18n-args': args ? JSON.stringify(args) : null }, t(key, args));
}

/**
 * First-run setup: office profile, head of office and the first admin; resolves when they are saved.
 * @param {HTMLElement} main
 * @param {Record<string, string | number>} example a profile to start from
 * @returns {Promise<api.Actor>}
 */
export function showSetup(main, example) {
  return new Promise((resolve) => {
    const value = (/** @type {string} */ key) => String(example[key] ?? '');
    const form = h(
      'form',
      { id: 'setup-form', class: 'gate-form', novalidate: true },
      h('fieldset', {}, live('legend', {}, 'setup.office'),
        h('div', { class: 'grid' }, OFFICE_FIELDS.map((k) => field(`setup-${k}`, `office.${k}`, { value: value(k) })))),
      h('fieldset', {}, live('legend', {}, 'setup.head'),
        h('div', { class: 'grid' }, HEAD_FIELDS.map((k) => field(`setup-${k}`, `office.${k}`, { value: value(k) })))),
      h('fieldset', {}, live('legend', {}, 'setup.admin'),
        h('div', { class: 'grid' },
          field('setup-username', 'user.username', { required: true }),
          field('setup-full_name', 'user.full_name', { required: true }),
          field('setup-password', 'user.password', { type: 'password', required: true, autocomplete: 'new-password' }),
          field('setup-nip', 'user.nip'))),
      h('p', { class: 'form-message', role: 'alert' }),
      h('div', { class: 'form-actions' }, live('button', { type: 'submit', class: 'button', id: 'setup-save' }, 'setup.save')),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      /** @type {Record<string, string | number>} */
      const office = { ...example };
      for (const k of [...OFFICE_FIELDS, ...HEAD_FIELDS]) office[k] = valueOf(form, `setup-${k}`);
      const nip = valueOf(form, 'setup-nip');
      try {
        resolve(await api.firstRun(office, {
          username: valueOf(form, 'setup-username'),
          full_name: valueOf(form, 'setup-full_name'),
          password: valueOf(form, 'setup-password'),
          nip: nip || null,
          role: 'admin',
        }));
      } catch (error) {
        showError(form, 'setup-', /** @type {api.CommandError} */ (error));
      }
    });
    replace(main, card('setup', 'setup.title', live('p', { class: 'muted' }, 'setup.hint'), form));
    document.body.dataset.screen = 'setup';
    /** @type {HTMLElement | null} */ (form.querySelector('input'))?.focus();
  });
}

/**
 * The last step of first-run setup (the admin is signed in now): the office logo for the kop surat and the
 * header, or skip it (it can be set later in the administration area). Resolves on "Continue".
 * @param {HTMLElement} main
 * @param {() => Promise<void> | void} logoChanged redraws the header's logo
 * @returns {Promise<void>}
 */
export async function showSetupLogo(main, logoChanged) {
  const logo = await logoCard({ logoChanged });
  return new Promise((resolve) => {
    const next = live('button', { type: 'button', class: 'button', id: 'setup-logo-next' }, 'setup.logo.next');
    next.addEventListener('click', () => resolve());
    replace(main, card('setup-logo', 'setup.logo.title', live('p', { class: 'muted' }, 'setup.logo.hint'), logo,
      h('div', { class: 'form-actions' }, next)));
    document.body.dataset.screen = 'setup-logo';
    next.focus();
  });
}

/**
 * Sign-in, or the lock screen when `lockedUser` is given (its username is kept, only the password is
 * asked); resolves with the signed-in user.
 * @param {HTMLElement} main
 * @param {api.Actor | null} [lockedUser]
 * @returns {Promise<api.Actor>}
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
        showError(form, 'signin-', /** @type {api.CommandError} */ (error));
        password.focus();
      }
    });
    const hint = lockedUser
      ? live('p', { class: 'muted' }, 'session.locked.hint', { name: lockedUser.full_name })
      : live('p', { class: 'muted' }, 'session.signin.hint');
    replace(main, card('signin', lockedUser ? 'session.locked.title' : 'session.signin.title', hint, form));
    document.body.dataset.screen = lockedUser ? 'locked' : 'signin';
    (lockedUser ? password : username).focus();
  });
}
