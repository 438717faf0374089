// @ts-check
/**
 * The start-up screen for a damaged register: what is wrong, which file (left as it is), and the offer of
 * the latest good backup or a backup file picked in the system's dialog. After the restore the window
 * starts again on the restored register.
 * @module screens/damaged
 */

import * as api from '../api/safety.js';
import { language, t } from '../i18n/dictionary.js';
import { errorMessage, formatBytes, formatDateTime } from '../i18n/format.js';
import { h, replace } from '../widgets/dom.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../api/safety.js').DamagedInfo} DamagedInfo */

/**
 * The start-up screen for a damaged register: what is wrong, which file (left as it is), and the offer of
 * the latest good backup. After the restore the window starts again on the restored register.
 * @param {HTMLElement} main
 * @param {DamagedInfo} damaged
 */
export function showDamaged(main, damaged) {
  const latest = damaged.latest_good;
  const message = h('p', { class: 'form-message', id: 'damaged-message', role: 'status', 'aria-live': 'polite' });
  const other = h('button', { type: 'button', class: 'button button-quiet', id: 'restore-other' }, t('damaged.other'));
  other.addEventListener('click', async () => {
    other.setAttribute('disabled', '');
    try {
      if (await api.restoreDamagedFromFile()) {
        message.textContent = t('damaged.restored');
        window.location.reload();
        return;
      }
    } catch (error) {
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
    other.removeAttribute('disabled');
  });
  let offer;
  if (latest) {
    const restore = h('button', { type: 'button', class: 'button', id: 'restore-latest' }, t('damaged.restore'));
    restore.addEventListener('click', async () => {
      restore.setAttribute('disabled', '');
      message.textContent = t('damaged.restoring');
      try {
        await api.restoreDamaged();
        message.textContent = t('damaged.restored');
        window.location.reload();
      } catch (error) {
        restore.removeAttribute('disabled');
        message.textContent = errorMessage(/** @type {CommandError} */ (error));
      }
    });
    offer = h('div', { class: 'card', id: 'damaged-offer' },
      h('h3', {}, t('damaged.offer')),
      h('p', {}, t('damaged.offer.line', { when: formatDateTime(latest.taken_at), size: formatBytes(latest.bytes, language()) })),
      h('p', { class: 'mono' }, latest.name),
      h('p', { class: 'sub' }, t('damaged.offer.note')),
      h('div', { class: 'form-actions' }, restore, other),
      message);
  } else {
    offer = h('div', { class: 'card', id: 'damaged-no-backup' },
      h('h3', {}, t('damaged.none')),
      h('p', {}, t('damaged.none.line')),
      h('p', { class: 'mono' }, damaged.backup_folder),
      h('div', { class: 'form-actions' }, other),
      message);
  }
  replace(main,
    h('section', { class: 'panel error-panel', role: 'alert', id: 'app-error', 'data-code': 'db_damaged' },
      h('h2', {}, t('damaged.title')),
      h('p', {}, t('damaged.explain')),
      h('p', { class: 'mono', id: 'damaged-file' }, damaged.file),
      h('p', {}, t('damaged.untouched')),
      offer,
      h('details', {}, h('summary', {}, t('damaged.detail')), h('pre', { class: 'error-detail' }, damaged.message))));
  document.body.dataset.error = 'db_damaged';
  // The keyboard starts on the way out: the offered backup, else the file dialog.
  /** @type {HTMLElement | null} */ (main.querySelector('#restore-latest') ?? main.querySelector('#restore-other'))?.focus();
}
