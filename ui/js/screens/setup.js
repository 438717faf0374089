// @ts-check
/**
 * First-run setup on a new register: the office profile, the head of office and the first admin (who is
 * then signed in), then the office logo, which may wait. Both resolve once their step is done.
 * @module screens/setup
 */

import * as api from '../api/session.js';
import { h, replace } from '../widgets/dom.js';
import { field, showError, valueOf } from '../widgets/forms.js';
import { gateCard, live } from '../widgets/gate.js';
import { logoCard } from '../widgets/logo.js';
import { showConnectionGate } from './connection.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../api/session.js').SignedIn} SignedIn */

/** The office profile fields of the setup form, in the order they are typed. */
const OFFICE_FIELDS = ['government', 'name', 'unit', 'regency_code', 'address', 'phone', 'email', 'sign_place'];
const HEAD_FIELDS = ['head_title', 'head_name', 'head_rank', 'head_nip'];

/**
 * First-run setup: office profile, head of office and the first admin; resolves when they are saved.
 * @param {HTMLElement} main
 * @param {Record<string, string | number>} example a profile to start from
 * @returns {Promise<SignedIn>}
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
        showError(form, 'setup-', /** @type {CommandError} */ (error));
      }
    });
    // An office with a server sets it up once there (`petromaks server init`); each desk only connects.
    const connect = live('button', { type: 'button', class: 'button button-quiet', id: 'open-connection' }, 'conn.open');
    connect.addEventListener('click', () => void showConnectionGate(main));
    replace(main, gateCard('setup', 'setup.title', live('p', { class: 'muted' }, 'setup.hint'),
      h('div', { class: 'form-actions gate-extra' }, connect), form));
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
    replace(main, gateCard('setup-logo', 'setup.logo.title', live('p', { class: 'muted' }, 'setup.logo.hint'), logo,
      h('div', { class: 'form-actions' }, next)));
    document.body.dataset.screen = 'setup-logo';
    next.focus();
  });
}
