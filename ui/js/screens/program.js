// @ts-check
/**
 * The program on this computer, in the window's frame: the About dialog (version, which register, the
 * licences), the notice shown once after a start that upgraded the register, and the admin's notice when
 * other accounts of the computer can read the register's files, with the button that makes them private.
 * @module screens/program
 */

import * as api from '../api/program.js';
import { t } from '../i18n/dictionary.js';
import { errorMessage } from '../i18n/format.js';
import { h, replace } from '../widgets/dom.js';

/** @typedef {import('../api/app.js').Upgraded} Upgraded */
/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../api/program.js').Privacy} Privacy */
/** @typedef {import('../api/session.js').Actor} Actor */

/**
 * Puts a notice above the screens with a button that dismisses it; a notice of the same id is replaced.
 * @param {string} id
 * @param {...(Node | string)} content
 * @returns {HTMLElement | null} the notice, or null when an error screen took the window's place
 */
function notice(id, ...content) {
  const area = document.querySelector('#notices');
  if (!area) return null;
  area.querySelector(`#${id}`)?.remove();
  const close = h('button', { type: 'button', class: 'button button-quiet notice-close' }, t('notice.dismiss'));
  const box = h('div', { class: 'notice', id, role: 'status' }, ...content, close);
  close.addEventListener('click', () => box.remove());
  area.append(box);
  return box;
}

/**
 * Says once, after the start that did it, that the register was upgraded and where the copy from before is.
 * @param {Upgraded | null | undefined} upgraded
 */
export function showUpgraded(upgraded) {
  if (!upgraded) return;
  const args = { version: upgraded.version, from: upgraded.from, to: upgraded.to, backup: upgraded.backup ?? '' };
  notice('upgrade-notice', h('p', {}, t(upgraded.backup ? 'upgrade.done' : 'upgrade.done.server', args)));
}

/**
 * The list of what other accounts can read, and what a fix could not change.
 * @param {Privacy} privacy
 */
function exposedList(privacy) {
  return [
    h('ul', { class: 'privacy-list' }, privacy.exposed.map((e) =>
      h('li', {}, t(`privacy.kind.${e.kind}`), ' ', h('code', {}, e.path), ' ', t('privacy.mode', { mode: e.mode })))),
    privacy.not_fixed.length
      ? h('p', { class: 'form-message' }, t('privacy.not_fixed', { items: privacy.not_fixed.join('; ') }))
      : null,
  ].filter((n) => n !== null);
}

/**
 * For an administrator: tells when the register's files (or its folder, its backups) are readable by other
 * accounts of this computer, and offers to make them private. Others are never told: the core refuses.
 * @param {Actor} user
 */
export async function checkPrivacy(user) {
  if (user.role !== 'admin') return;
  /** @type {Privacy} */
  let found;
  try {
    found = await api.privacyCheck();
  } catch {
    return; // The notice is a courtesy: a register that cannot be checked says so elsewhere.
  }
  if (found.exposed.length === 0) return;
  const list = h('div', {}, ...exposedList(found));
  const fix = h('button', { type: 'button', class: 'button', id: 'privacy-fix' }, t('privacy.fix'));
  const box = notice('privacy-notice',
    h('p', {}, h('strong', {}, t('privacy.title'))), h('p', {}, t('privacy.hint')), list, fix);
  box?.setAttribute('role', 'alert');
  fix.addEventListener('click', async () => {
    fix.setAttribute('disabled', '');
    try {
      const after = await api.privacyFix();
      if (after.exposed.length === 0) {
        replace(list, h('p', { class: 'form-message form-message-ok', id: 'privacy-done' }, t('privacy.fixed')));
        fix.remove();
      } else {
        replace(list, ...exposedList(after));
        fix.removeAttribute('disabled');
      }
    } catch (error) {
      replace(list, h('p', { class: 'form-message' }, errorMessage(/** @type {CommandError} */ (error))));
      fix.removeAttribute('disabled');
    }
  });
}

/** Opens the About dialog: the version, where the register is, and the licences of what the program ships. */
export async function openAbout() {
  const info = await api.about();
  document.querySelector('#about-dialog')?.remove();
  const close = h('button', { type: 'button', class: 'button', id: 'about-close' }, t('about.close'));
  const dialog = /** @type {HTMLDialogElement} */ (h('dialog', { id: 'about-dialog', class: 'about', 'aria-labelledby': 'about-title' },
    h('h2', { id: 'about-title' }, t('about.title')),
    h('p', { id: 'about-version' }, t('app.version', { version: info.version })),
    h('p', { id: 'about-register' }, t(`about.register.${info.engine}`), ' ', h('code', {}, info.register)),
    h('h3', {}, t('about.credits')),
    h('ul', { class: 'about-credits' }, info.credits.map((c) =>
      h('li', {}, h('strong', {}, c.what), h('br'), `${c.source} — `, h('span', { class: 'mono' }, c.licence)))),
    h('p', { class: 'muted' }, t('about.licences.full')),
    h('div', { class: 'form-actions' }, close)));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}
