// @ts-check
/**
 * The Backups tab of the administration area: the folder, the backups with why the rotation keeps them,
 * backup now, restore one, the last automatic backup. Files are named by their name in the backup
 * folder, never by a path.
 * @module screens/backups
 */

import * as api from '../api/safety.js';
import { language, t } from '../i18n/dictionary.js';
import { errorMessage, formatBytes, formatDateTime, keptLabel } from '../i18n/format.js';
import { h, replace } from '../widgets/dom.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../api/safety.js').AutoBackup} AutoBackup */
/** @typedef {import('../api/safety.js').BackupEntry} BackupEntry */
/** @typedef {import('../api/safety.js').BackupOverview} BackupOverview */

/**
 * What the tab gets: `panel` is set when it is shown as a tab of the administration area.
 * @typedef {object} BackupsContext
 * @property {HTMLElement} [panel]
 * @property {(e: CommandError) => void} error
 */

/**
 * The last automatic backup as a line of text and its tone.
 * @param {AutoBackup | null} last
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
 * @param {BackupsContext} ctx
 */
export async function showBackups(root, ctx) {
  /** @type {BackupOverview} */
  let overview;
  try {
    overview = await api.backupOverview();
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
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
      say(errorMessage(/** @type {CommandError} */ (error)), false);
    }
  });

  const choose = h('button', { type: 'button', class: 'button button-quiet', id: 'backup-folder-choose' }, t('backups.folder.choose'));
  choose.addEventListener('click', async () => {
    try {
      if (await api.chooseBackupFolder()) await showBackups(root, ctx);
    } catch (error) {
      say(errorMessage(/** @type {CommandError} */ (error)), false);
    }
  });

  const confirmBox = h('div', { id: 'restore-confirm-box' });
  /** @param {BackupEntry} backup */
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
        replace(confirmBox, h('p', { class: 'form-message', role: 'alert' }, errorMessage(/** @type {CommandError} */ (error))));
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
