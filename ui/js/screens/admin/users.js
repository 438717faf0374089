// @ts-check
/**
 * The users tab: every staff account with its role and state; add an account, change a role,
 * deactivate / reactivate (accounts are never deleted), reset a password. The password policy is shown
 * beside every password field, and a refusal of the core (a weak password, the last active admin) is
 * shown beside what it concerns, in the window's language.
 * @module screens/admin/users
 */

import * as api from '../../api/users.js';
import { t } from '../../i18n/dictionary.js';
import { errorMessage, formatDateTime, roleLabel } from '../../i18n/format.js';
import { h, replace } from '../../widgets/dom.js';
import { clearErrors, field, showError, valueOf } from '../../widgets/forms.js';

/** @typedef {import('../../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../../api/users.js').User} User */

/** The roles an account can have, in the order the role lists offer them. */
export const ROLES = ['clerk', 'verifier', 'signer', 'courier', 'admin'];

/** The core's password-policy sentences and their dictionary keys. @type {[RegExp, string][]} */
const PASSWORD_RULES = [
  [/at least (\d+) characters/, 'admin.pw.short'],
  [/must not be the username/, 'admin.pw.username'],
  [/two kinds of character/, 'admin.pw.kinds'],
];

/** The core's refusals about the last admin or oneself. @type {[RegExp, string][]} */
const ACCOUNT_RULES = [
  [/last active admin/, 'admin.user.last_admin'],
  [/your own account/, 'admin.user.self'],
];

/**
 * A refusal of the core about a password or an account, in the window's language when it is one the
 * window knows; otherwise the core's own words.
 * @param {CommandError} error
 * @returns {string}
 */
export function accountMessage(error) {
  for (const [pattern, key] of [...PASSWORD_RULES, ...ACCOUNT_RULES]) {
    const match = pattern.exec(error.message);
    if (match) return t(key, { n: match[1] ?? '' });
  }
  return errorMessage(error);
}

/**
 * A password field with the policy written under it; an error takes the policy's place until cleared.
 * @param {string} id
 * @param {string} labelKey
 */
function passwordField(id, labelKey) {
  return field(id, labelKey, { type: 'password', required: true, autocomplete: 'new-password', hint: t('admin.pw.policy') });
}

/**
 * Shows an account refusal beside the field it names, translated.
 * @param {HTMLElement} form
 * @param {string} prefix
 * @param {CommandError} error
 */
function showAccountError(form, prefix, error) {
  showError(form, prefix, { ...error, code: 'invalid', message: accountMessage(error), translated: true });
}

/**
 * Shows the users tab.
 * @param {import('./tabs.js').AdminTabContext} ctx
 * @param {string} [notice] what the last change did
 */
export async function showUsersTab(ctx, notice) {
  let users;
  try {
    users = await api.listUsers();
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  const redraw = (/** @type {string} */ text) => void showUsersTab(ctx, text);

  // The row being worked on (role, state, password), with its own message line.
  const rowMessage = h('p', { class: 'form-message', id: 'users-message', role: 'status' }, notice ?? '');
  const resetSlot = h('div', { id: 'reset-slot' });

  /** @param {User} u */
  const openReset = (u) => {
    const form = h('form', { class: 'inline-form card', id: 'reset-form', novalidate: true, 'data-username': u.username },
      h('h3', {}, t('admin.user.reset.title', { user: u.username })),
      passwordField('reset-password', 'admin.user.new_password'),
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'button', id: 'reset-save' }, t('admin.user.reset.save'))),
      h('p', { class: 'form-message', role: 'status' }));
    const cancel = h('button', { type: 'button', class: 'button button-quiet', id: 'reset-cancel' }, t('admin.cal.cancel'));
    cancel.addEventListener('click', () => replace(resetSlot));
    form.querySelector('.form-actions')?.appendChild(cancel);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.resetPassword(u.id, valueOf(form, 'reset-password'));
        redraw(t('admin.user.reset.done', { user: u.username }));
      } catch (error) {
        showAccountError(form, 'reset-', /** @type {CommandError} */ (error));
      }
    });
    replace(resetSlot, form);
    /** @type {HTMLElement | null} */ (form.querySelector('#reset-password'))?.focus();
  };

  const rows = users.map((u) => {
    const role = /** @type {HTMLSelectElement} */ (h('select', { id: `role-${u.username}`, 'aria-label': t('admin.user.role_of', { user: u.username }), 'data-role-of': u.username },
      ROLES.map((r) => h('option', { value: r, selected: r === u.role }, roleLabel(r)))));
    role.addEventListener('change', async () => {
      try {
        await api.changeRole(u.id, role.value);
        redraw(t('admin.user.role.done', { user: u.username, role: roleLabel(role.value) }));
      } catch (error) {
        role.value = u.role;
        rowMessage.textContent = `${u.username}: ${accountMessage(/** @type {CommandError} */ (error))}`;
        rowMessage.dataset.error = 'true';
      }
    });
    // The core refuses deactivating oneself; the button says so instead of offering it.
    const self = u.id === ctx.user.id;
    const toggle = h('button', { type: 'button', class: 'button button-quiet button-small', 'data-toggle': u.username,
      disabled: self && u.active, title: self && u.active ? t('admin.user.self') : null },
      t(u.active ? 'admin.user.deactivate' : 'admin.user.reactivate'));
    toggle.addEventListener('click', async () => {
      if (u.active && !window.confirm(t('admin.user.deactivate.confirm', { user: u.username }))) return;
      try {
        await api.setUserActive(u.id, !u.active);
        redraw(t(u.active ? 'admin.user.deactivated' : 'admin.user.reactivated', { user: u.username }));
      } catch (error) {
        rowMessage.textContent = `${u.username}: ${accountMessage(/** @type {CommandError} */ (error))}`;
        rowMessage.dataset.error = 'true';
      }
    });
    const reset = h('button', { type: 'button', class: 'button button-quiet button-small', 'data-reset': u.username }, t('admin.user.reset'));
    reset.addEventListener('click', () => openReset(u));
    return h('tr', { 'data-username': u.username, 'data-active': String(u.active), class: u.active ? null : 'row-inactive' },
      h('td', { class: 'mono' }, u.username),
      h('td', {}, u.full_name, u.nip ? h('span', { class: 'sub mono' }, `NIP ${u.nip}`) : null),
      h('td', {}, role),
      h('td', {}, h('span', { class: `badge badge-${u.active ? 'success' : 'neutral'}` }, t(u.active ? 'settings.active.yes' : 'admin.user.inactive'))),
      h('td', { class: 'nowrap muted' }, formatDateTime(u.created_at)),
      h('td', { class: 'nowrap row-tools' }, toggle, reset));
  });

  // Adding an account.
  const roleSelect = h('select', { id: 'user-role', name: 'role' }, ROLES.map((r) => h('option', { value: r }, roleLabel(r))));
  const addForm = h('form', { id: 'user-form', class: 'gate-form', novalidate: true },
    h('div', { class: 'grid' },
      field('user-username', 'user.username', { required: true }),
      field('user-full_name', 'user.full_name', { required: true }),
      h('div', { class: 'field' }, h('label', { for: 'user-role' }, t('settings.role')), roleSelect),
      passwordField('user-password', 'user.password'),
      field('user-nip', 'user.nip')),
    h('p', { class: 'form-message', role: 'status', id: 'user-message' }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', id: 'user-add' }, t('settings.user.add'))));
  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(addForm);
    const nip = valueOf(addForm, 'user-nip');
    try {
      const added = await api.addUser({
        username: valueOf(addForm, 'user-username'),
        full_name: valueOf(addForm, 'user-full_name'),
        role: /** @type {HTMLSelectElement} */ (roleSelect).value,
        password: valueOf(addForm, 'user-password'),
        nip: nip || null,
      });
      redraw(t('admin.user.added', { user: added.username }));
    } catch (error) {
      showAccountError(addForm, 'user-', /** @type {CommandError} */ (error));
    }
  });

  replace(ctx.panel,
    h('div', { class: 'admin-bar' }, h('h3', {}, t('settings.users')), h('p', { class: 'muted' }, t('admin.user.never_deleted'))),
    rowMessage,
    resetSlot,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', id: 'users-table' },
      h('thead', {}, h('tr', {}, ['user.username', 'user.full_name', 'settings.role', 'settings.active', 'admin.user.created']
        .map((k) => h('th', { scope: 'col' }, t(k))),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('admin.cal.actions'))))),
      h('tbody', {}, rows))),
    h('details', { class: 'card', id: 'user-add-card' }, h('summary', {}, t('settings.user.add')), addForm));
}
