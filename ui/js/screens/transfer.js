// @ts-check
/**
 * The Import/Export screen (a clerk's navigation screen, an admin's tab): export cases or applicants as
 * CSV or XLSX into the documents folder, with the rows written shown as they go and a Cancel that leaves
 * no file; import a CSV picked by name from the documents folder's `impor/` subfolder, with a dry run that
 * lists every bad line and a confirm button that is enabled only when the dry run is clean (the import is
 * all or nothing).
 * @module screens/transfer
 */

import * as api from '../api/safety.js';
import { language, t } from '../i18n/dictionary.js';
import { errorMessage } from '../i18n/format.js';
import { formatNumber } from '../widgets/chart.js';
import { h, replace } from '../widgets/dom.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../api/safety.js').ExportProgress} ExportProgress */
/** @typedef {import('../api/safety.js').ImportFiles} ImportFiles */
/** @typedef {import('../api/safety.js').ImportReport} ImportReport */
/** @typedef {import('../api/session.js').Actor} Actor */

/**
 * What the import screen may do after a dry run: confirm only a clean report with rows in it.
 * @param {{ dry_run: boolean, rows: number, bad: { line: number, reason: string }[] } | null} report
 * @returns {boolean}
 */
export function canConfirmImport(report) {
  return report !== null && report.dry_run && report.rows > 0 && report.bad.length === 0;
}

/**
 * A count of rows as the window's language writes it (`12.000`, `12,000`).
 * @param {number} n
 */
function rows(n) {
  return formatNumber(n, 0, language());
}

/**
 * The export's progress line: `12.000 dari 1.000.000 baris`, then that the file is being finished.
 * @param {ExportProgress} p
 * @returns {string}
 */
export function exportProgressText(p) {
  // Every row written: an XLSX is being packed now, which has no rows to count (still cancellable).
  if (p.total > 0 && p.done >= p.total) return t('transfer.export.finishing', { total: rows(p.total) });
  return t('transfer.export.progress', { done: rows(p.done), total: rows(p.total) });
}

/**
 * A labelled select.
 * @param {string} id
 * @param {string} labelKey
 * @param {[string, string][]} options value and label
 */
function select(id, labelKey, options) {
  return h('div', { class: 'field' },
    h('label', { for: id }, t(labelKey)),
    h('select', { id, name: id }, options.map(([value, label]) => h('option', { value }, label))));
}

/**
 * Shows the Import/Export tab in `root`.
 * @param {HTMLElement} root
 * @param {{ panel?: HTMLElement, user?: Actor, error: (e: CommandError) => void }} ctx
 */
export async function showTransfer(root, ctx) {
  /** @type {ImportFiles} */
  let files;
  try {
    files = await api.importFiles();
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }

  // Export.
  const exportMessage = h('p', { class: 'form-message', id: 'export-message', role: 'status', 'aria-live': 'polite' });
  const run = h('button', { type: 'submit', class: 'button', id: 'export-run' }, t('transfer.export.run'));
  const saveAsButton = h('button', { type: 'button', class: 'button button-quiet', id: 'export-save-as' }, t('transfer.export.save_as'));
  const bar = /** @type {HTMLProgressElement} */ (h('progress', { id: 'export-progress-bar', max: 1, value: 0, 'aria-labelledby': 'export-progress-text' }));
  const progressLine = h('p', { id: 'export-progress-text', class: 'export-progress-text' });
  const cancel = h('button', { type: 'button', class: 'button button-danger', id: 'export-cancel' }, t('transfer.export.cancel'));
  const progressBox = h('div', { class: 'export-progress', id: 'export-progress', hidden: true }, progressLine, bar, cancel);
  const exportForm = h('form', { id: 'export-form', class: 'gate-form' },
    h('div', { class: 'inline-fields' },
      select('export-what', 'transfer.export.what', [['cases', t('transfer.export.cases')], ['applicants', t('transfer.export.applicants')]]),
      select('export-format', 'transfer.export.format', [['csv', 'CSV'], ['xlsx', 'XLSX (Excel)']]),
      h('div', { class: 'form-actions' }, run, saveAsButton)),
    progressBox,
    exportMessage);
  /** Shows the progress box with Cancel (once: for "save as", when the dialog has given a place). */
  const showProgress = () => {
    if (!progressBox.hidden) return;
    progressBox.hidden = false;
    cancel.removeAttribute('disabled');
    cancel.focus();
  };
  /** @param {ExportProgress} p */
  const showRows = (p) => {
    showProgress();
    bar.max = Math.max(p.total, 1);
    if (p.total > 0 && p.done >= p.total) bar.removeAttribute('value');
    else bar.value = p.done;
    progressLine.textContent = exportProgressText(p);
    progressBox.dataset.done = String(p.done);
    progressBox.dataset.total = String(p.total);
  };
  /** @param {boolean} saveAs ask where in the system's dialog instead of the documents folder */
  const runExport = async (saveAs) => {
    const what = /** @type {'cases' | 'applicants'} */ (/** @type {HTMLSelectElement} */ (exportForm.querySelector('#export-what')).value);
    const format = /** @type {'csv' | 'xlsx'} */ (/** @type {HTMLSelectElement} */ (exportForm.querySelector('#export-format')).value);
    exportMessage.classList.remove('form-message-ok');
    exportMessage.textContent = '';
    delete exportMessage.dataset.state;
    run.setAttribute('disabled', '');
    saveAsButton.setAttribute('disabled', '');
    bar.max = 1;
    bar.value = 0;
    progressLine.textContent = t('transfer.export.starting');
    delete progressBox.dataset.done;
    delete progressBox.dataset.total;
    // The documents folder needs no dialog: the box shows at once, counting the rows.
    if (!saveAs) showProgress();
    // The channel and the answer travel apart: a report that comes after the answer must not show the
    // box again.
    let live = true;
    /** @param {ExportProgress} p */
    const onProgress = (p) => {
      if (live) showRows(p);
    };
    try {
      const done = saveAs ? await api.exportDataAs(what, format, onProgress) : await api.exportData(what, format, onProgress);
      if (done === null) return;
      if (done.outcome === 'cancelled') {
        exportMessage.textContent = t('transfer.export.cancelled');
        exportMessage.dataset.state = 'cancelled';
        return;
      }
      replace(exportMessage, t('transfer.export.done', { rows: rows(done.rows) }), ' ', h('span', { class: 'mono', id: 'export-path' }, done.path));
      exportMessage.classList.add('form-message-ok');
      exportMessage.dataset.state = 'done';
    } catch (error) {
      exportMessage.textContent = errorMessage(/** @type {CommandError} */ (error));
      exportMessage.dataset.state = 'error';
    } finally {
      live = false;
      const focused = document.activeElement === cancel;
      progressBox.hidden = true;
      run.removeAttribute('disabled');
      saveAsButton.removeAttribute('disabled');
      // Cancel had the focus and is gone: the keyboard carries on from the Export button.
      if (focused) run.focus();
    }
  };
  cancel.addEventListener('click', () => {
    cancel.setAttribute('disabled', '');
    progressLine.textContent = t('transfer.export.cancelling');
    void api.cancelExport();
  });
  exportForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void runExport(false);
  });
  exportForm.querySelector('#export-save-as')?.addEventListener('click', () => void runExport(true));

  // Import.
  const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const confirm = h('button', { type: 'button', class: 'button', id: 'import-confirm', disabled: true }, t('transfer.import.confirm'));
  const check = h('button', { type: 'submit', class: 'button button-quiet', id: 'import-check' }, t('transfer.import.check'));
  const picker = files.files.length === 0
    ? h('p', { class: 'empty', id: 'import-none' }, t('transfer.import.none'))
    : select('import-file', 'transfer.import.file', files.files.map((f) => [f, f]));
  const other = h('button', { type: 'button', class: 'button button-quiet', id: 'import-choose' }, t('transfer.import.choose'));
  /** The file checked last came from the system's dialog (its name), not from the import folder. */
  let picked = '';
  const importForm = h('form', { id: 'import-form', class: 'gate-form' },
    h('p', { class: 'sub' }, t('transfer.import.folder'), ' ', h('span', { class: 'mono', id: 'import-folder' }, files.folder)),
    h('div', { class: 'inline-fields' }, picker, h('div', { class: 'form-actions' }, check, confirm, other)),
    result);
  if (files.files.length === 0) check.setAttribute('disabled', '');
  const chosen = () => /** @type {HTMLSelectElement | null} */ (importForm.querySelector('#import-file'))?.value ?? '';
  other.addEventListener('click', async () => {
    try {
      const chosen = await api.chooseImportFile();
      if (chosen === null) return;
      picked = chosen[0];
      showReport(chosen[1]);
      result.prepend(h('p', { class: 'sub mono' }, picked));
    } catch (error) {
      replace(result, h('p', { class: 'form-message', role: 'alert', id: 'import-error' }, errorMessage(/** @type {CommandError} */ (error))));
    }
  });
  importForm.querySelector('#import-file')?.addEventListener('change', () => {
    confirm.setAttribute('disabled', '');
    replace(result);
  });

  /** @param {ImportReport} report */
  const showReport = (report) => {
    const ok = canConfirmImport(report);
    if (ok) confirm.removeAttribute('disabled');
    else confirm.setAttribute('disabled', '');
    const summary = h('p', { id: 'import-summary', 'data-bad': String(report.bad.length) },
      report.bad.length === 0
        ? h('span', { class: 'badge badge-success' }, t('transfer.import.clean'))
        : h('span', { class: 'badge badge-danger' }, t('transfer.import.bad', { count: report.bad.length })),
      ' ', t('transfer.import.summary', { rows: report.rows, applicants: report.applicants_created, cases: report.cases_registered }));
    const table = report.bad.length === 0 ? null : h('table', { class: 'data-table', id: 'import-bad' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'col-line' }, t('transfer.import.line')), h('th', { scope: 'col' }, t('transfer.import.reason')))),
      h('tbody', {}, report.bad.map((b) => h('tr', { 'data-line': String(b.line) },
        h('td', { class: 'mono nowrap' }, String(b.line)), h('td', {}, b.reason)))));
    replace(result, summary, ok ? h('p', { class: 'sub' }, t('transfer.import.ready')) : h('p', { class: 'sub' }, t('transfer.import.fix')), table);
  };

  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    confirm.setAttribute('disabled', '');
    picked = '';
    try {
      showReport(await api.importFile(chosen(), false));
      document.body.dataset.importChecked = chosen();
    } catch (error) {
      replace(result, h('p', { class: 'form-message', role: 'alert', id: 'import-error' }, errorMessage(/** @type {CommandError} */ (error))));
    }
  });
  confirm.addEventListener('click', async () => {
    confirm.setAttribute('disabled', '');
    try {
      const report = picked ? await api.importChosenFile() : await api.importFile(chosen(), true);
      replace(result, h('p', { class: 'done', id: 'import-done', role: 'status' },
        t('transfer.import.done', { rows: report.rows, applicants: report.applicants_created, cases: report.cases_registered })));
    } catch (error) {
      replace(result, h('p', { class: 'form-message', role: 'alert', id: 'import-error' }, errorMessage(/** @type {CommandError} */ (error))));
    }
  });

  // The core registers imported cases as the signed-in counter clerk: other roles see why, not a form.
  const clerk = !ctx.user || ctx.user.role === 'clerk';
  const importCard = h('section', { class: 'card' }, h('h3', {}, t('transfer.import')),
    clerk ? h('p', { class: 'sub' }, t('transfer.import.how')) : null,
    clerk ? importForm : h('p', { id: 'import-clerk-only' }, t('transfer.import.clerk_only')));
  // As a tab of the administration area (`ctx.panel`), the tab names the screen: no heading of its own.
  const inTab = 'panel' in ctx;
  replace(root,
    inTab ? null : h('div', { class: 'case-bar' }, h('h2', { id: 'transfer-title' }, t('transfer.title'))),
    h('section', { class: 'card' }, h('h3', {}, t('transfer.export')), h('p', { class: 'sub' }, t('transfer.export.how')), exportForm),
    importCard);
  if (!inTab) document.body.dataset.screen = 'transfer';
}
