// @ts-check
/**
 * The settings screen for an admin: the office profile and the staff accounts. (The language switch is in
 * the header for everyone and remembered on this computer.)
 * @module settings
 */

import * as api from './api.js';
import { h, replace } from './dom.js';
import { clearErrors, field, showError, valueOf } from './forms.js';
import { roleLabel } from './format.js';
import { t } from './i18n.js';
import { settingsExtras } from './settings-extras.js';

const OFFICE_FIELDS = ['government', 'name', 'unit', 'regency_code', 'address', 'phone', 'email', 'sign_place',
  'head_title', 'head_name', 'head_rank', 'head_nip'];
const ROLES = ['clerk', 'verifier', 'signer', 'courier', 'admin'];

/**
 * Shows the settings screen in `container`.
 * @param {HTMLElement} container
 * @param {Record<string, string | number>} office the current profile
 * @param {{ back: () => void, saved: () => void, error: (e: api.CommandError) => void,
 *   logoChanged?: () => void | Promise<void>, language?: (lang: 'id' | 'en') => void }} on
 */
export async function showSettings(container, office, on) {
  let users;
  try {
    users = await api.listUsers();
  } catch (error) {
    on.error(/** @type {api.CommandError} */ (error));
    return;
  }
  const officeForm = h('form', { id: 'office-form', class: 'gate-form', novalidate: true },
    h('div', { class: 'grid' }, OFFICE_FIELDS.map((k) => field(`office-${k}`, `office.${k}`, { value: String(office[k] ?? '') }))),
    h('p', { class: 'form-message', role: 'status', id: 'office-message' }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', id: 'office-save' }, t('settings.save'))));
  officeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const profile = { ...office };
    for (const k of OFFICE_FIELDS) profile[k] = valueOf(officeForm, `office-${k}`);
    try {
      await api.updateOffice(profile);
      clearErrors(officeForm);
      const line = officeForm.querySelector('#office-message');
      if (line) line.textContent = t('settings.saved');
      on.saved();
    } catch (error) {
      const e = /** @type {api.CommandError} */ (error);
      showError(officeForm, 'office-', e.field === 'nip' ? { ...e, field: 'head_nip' } : e);
    }
  });

  const roleSelect = h('select', { id: 'user-role', name: 'role' }, ROLES.map((r) => h('option', { value: r }, roleLabel(r))));
  const userForm = h('form', { id: 'user-form', class: 'gate-form', novalidate: true },
    h('div', { class: 'grid' },
      field('user-username', 'user.username', { required: true }),
      field('user-full_name', 'user.full_name', { required: true }),
      h('div', { class: 'field' }, h('label', { for: 'user-role' }, t('settings.role')), roleSelect),
      field('user-password', 'user.password', { type: 'password', required: true, autocomplete: 'new-password' }),
      field('user-nip', 'user.nip')),
    h('p', { class: 'form-message', role: 'status', id: 'user-message' }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', id: 'user-add' }, t('settings.user.add'))));
  userForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const nip = valueOf(userForm, 'user-nip');
    try {
      await api.addUser({
        username: valueOf(userForm, 'user-username'),
        full_name: valueOf(userForm, 'user-full_name'),
        role: /** @type {HTMLSelectElement} */ (roleSelect).value,
        password: valueOf(userForm, 'user-password'),
        nip: nip || null,
      });
      await showSettings(container, office, on);
    } catch (error) {
      showError(userForm, 'user-', /** @type {api.CommandError} */ (error));
    }
  });

  const table = h('table', { class: 'data-table', id: 'users-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('user.username')),
      h('th', { scope: 'col' }, t('user.full_name')),
      h('th', { scope: 'col' }, t('settings.role')),
      h('th', { scope: 'col' }, t('settings.active')))),
    h('tbody', {}, users.map((u) => h('tr', { 'data-username': u.username },
      h('td', { class: 'mono' }, u.username), h('td', {}, u.full_name), h('td', {}, roleLabel(u.role)),
      h('td', {}, u.active ? t('settings.active.yes') : t('settings.active.no'))))));

  const back = h('button', { type: 'button', class: 'button button-quiet', id: 'settings-back' }, `← ${t('case.back')}`);
  back.addEventListener('click', on.back);
  replace(container,
    h('div', { class: 'case-bar' }, back, h('h2', { id: 'settings-title' }, t('settings.title'))),
    await settingsExtras({ logoChanged: on.logoChanged ?? (() => {}), language: on.language ?? (() => {}) }),
    h('section', { class: 'card' }, h('h3', {}, t('setup.office')), officeForm),
    h('section', { class: 'card' }, h('h3', {}, t('settings.users')), table, userForm));
  document.body.dataset.screen = 'settings';
  back.focus();
}
