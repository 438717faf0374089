// @ts-check
/**
 * Data safety for the admin: the Backups tab (folder, backups with why the rotation keeps them, backup
 * now, restore one, the last automatic backup) and the start-up screen that offers the latest good backup
 * when the register is damaged. Files are named by their name in the backup folder, never by a path.
 * @module admin-backups
 */

import * as api from './api.js';
import { h, replace } from './dom.js';
import { errorMessage, formatDateTime } from './format.js';
import { language, t } from './i18n.js';
import { formatBytes, keptLabel } from './safety-format.js';

/**
 * @typedef {object} ScreenContext
 * @property {HTMLElement} [panel] set when shown as a tab of the administration area
 * @property {api.Actor} [user]
 * @property {() => void} [back]
 * @property {(e: api.CommandError) => void} error
 */

/**
 * The last automatic backup as a line of text and its tone.
 * @param {api.AutoBackup | null} last
 */
function lastAutoLine(last) {
  if (!last) return h('p', { id: 'backups-last', class: 'muted' }, t('backups.last.none'));
  const when = formatDateTime(last.at);
  const how = t(`backups.trigger.${last.trigger}`);
  return last.ok
    ? h('p', { id: 'backups-last', 'data-ok': 'true' },
      h('span', { class: 'badge badge-success' }, t('backups.last.ok')), ' ',
      t('backups.last.line', { when, how }), ' ', h('span', { class: 'mono' }, last.detail))
    : h('p', { id: 'backups-last', 'data-ok': 'false' },
      h('span', { class: 'badge badge-danger' }, t('backups.last.failed')), ' ',
      t('backups.last.line', { when, how }), ' ', h('span', { class: 'mono' }, last.detail));
}

/**
 * Shows the Backups tab in `root`.
 * @param {HTMLElement} root
 * @param {ScreenContext} ctx
 */
export async function showBackups(root, ctx) {
  /** @type {api.BackupOverview} */
  let overview;
  try {
    overview = await api.backupOverview();
  } catch (error) {
    ctx.error(/** @type {api.CommandError} */ (error));
    return;
  }
  const message = h('p', { class: 'form-message', id: 'backups-message', role: 'status', 'aria-live': 'polite' });
  const say = (/** @type {string} */ text, ok = true) => {
    message.textContent = text;
    message.classList.toggle('form-message-ok', ok);
  };

  const now = h('button', { type: 'button', class: 'button', id: 'backup-now' }, t('backups.now'));
  now.addEventListener('click', async () => {
    now.setAttribute('disabled', '');
    try {
      const taken = await api.backupNow();
      await showBackups(root, ctx);
      const line = root.querySelector('#backups-message');
      if (line) {
        line.textContent = t('backups.now.done', { name: taken.name });
        line.classList.add('form-message-ok');
      }
    } catch (error) {
      now.removeAttribute('disabled');
      say(errorMessage(/** @type {api.CommandError} */ (error)), false);
    }
  });

  const choose = h('button', { type: 'button', class: 'button button-quiet', id: 'backup-folder-choose' }, t('backups.folder.choose'));
  choose.addEventListener('click', async () => {
    try {
      if (await api.chooseBackupFolder()) await showBackups(root, ctx);
    } catch (error) {
      say(errorMessage(/** @type {api.CommandError} */ (error)), false);
    }
  });

  const confirmBox = h('div', { id: 'restore-confirm-box' });
  /** @param {api.BackupEntry} backup */
  const askRestore = (backup) => {
    const yes = h('button', { type: 'button', class: 'button button-danger', id: 'restore-confirm' }, t('backups.restore.yes'));
    const no = h('button', { type: 'button', class: 'button button-quiet', id: 'restore-cancel' }, t('backups.restore.no'));
    no.addEventListener('click', () => replace(confirmBox));
    yes.addEventListener('click', async () => {
      yes.setAttribute('disabled', '');
      no.setAttribute('disabled', '');
      try {
        await api.restoreBackup(backup.name);
        document.body.dataset.restored = 'true';
        replace(confirmBox, h('p', { class: 'done', role: 'status' }, t('backups.restore.done')));
        // The restored register has its own accounts and data: start the window afresh.
        setTimeout(() => window.location.reload(), 1200);
      } catch (error) {
        no.removeAttribute('disabled');
        replace(confirmBox, h('p', { class: 'form-message', role: 'alert' }, errorMessage(/** @type {api.CommandError} */ (error))));
      }
    });
    replace(confirmBox, h('section', { class: 'card confirm-card', role: 'alertdialog', 'aria-labelledby': 'restore-confirm-title',
      'aria-describedby': 'restore-confirm-text' },
    h('h3', { id: 'restore-confirm-title' }, t('backups.restore.title')),
    h('p', { id: 'restore-confirm-text' }, t('backups.restore.text', { when: formatDateTime(backup.taken_at) })),
    h('p', { class: 'mono' }, backup.name),
    h('div', { class: 'form-actions' }, yes, no)));
    no.focus();
  };

  const rows = overview.backups.map((b) => {
    const restore = h('button', { type: 'button', class: 'button button-quiet', 'data-restore': b.name }, t('backups.restore'));
    restore.addEventListener('click', () => askRestore(b));
    return h('tr', { 'data-backup': b.name },
      h('td', { class: 'nowrap' }, formatDateTime(b.taken_at), h('span', { class: 'sub mono' }, b.name)),
      h('td', { class: 'nowrap' }, formatBytes(b.bytes, language())),
      h('td', {}, keptLabel(b.kept_for)),
      h('td', {}, restore));
  });
  const table = overview.backups.length === 0
    ? h('p', { class: 'empty', id: 'backups-empty' }, t('backups.empty'))
    : h('table', { class: 'data-table', id: 'backups-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('backups.col.time')),
        h('th', { scope: 'col' }, t('backups.col.size')),
        h('th', { scope: 'col' }, t('backups.col.kept')),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('backups.col.action'))))),
      h('tbody', {}, rows));

  // As a tab of the administration area (`ctx.panel`), the tab names the screen: no heading of its own.
  const inTab = 'panel' in ctx;
  replace(root,
    inTab ? null : h('div', { class: 'case-bar' }, h('h2', { id: 'backups-title' }, t('backups.title'))),
    h('div', { class: 'case-grid' },
      h('section', { class: 'card' },
        h('h3', {}, t('backups.folder')),
        h('p', { class: 'mono', id: 'backups-folder' }, overview.folder),
        h('p', { class: 'sub' }, overview.default_folder ? t('backups.folder.default') : t('backups.folder.chosen')),
        h('p', { class: 'sub' }, t('backups.rotation')),
        h('div', { class: 'form-actions' }, choose)),
      h('section', { class: 'card' },
        h('h3', {}, t('backups.last')),
        lastAutoLine(overview.last_auto),
        h('p', { class: 'sub' }, t('backups.auto')),
        h('div', { class: 'form-actions' }, now),
        message)),
    confirmBox,
    h('section', { class: 'card' }, h('h3', {}, t('backups.list', { count: overview.backups.length })), table));
  if (!inTab) document.body.dataset.screen = 'backups';
}

/**
 * The start-up screen for a damaged register: what is wrong, which file (left as it is), and the offer of
 * the latest good backup. After the restore the window starts again on the restored register.
 * @param {HTMLElement} main
 * @param {api.DamagedInfo} damaged
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
      message.textContent = errorMessage(/** @type {api.CommandError} */ (error));
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
        message.textContent = errorMessage(/** @type {api.CommandError} */ (error));
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
