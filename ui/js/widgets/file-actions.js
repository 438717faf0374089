// @ts-check
/**
 * What can be done with a file the window wrote (a certificate, a batch, a label sheet): show its path,
 * open it in the system viewer, save a copy elsewhere, or send it to a CUPS printer chosen from a list
 * with the default preselected. The file is named to the Rust side by its id only.
 * @module widgets/file-actions
 */

import * as api from '../api/documents.js';
import { t } from '../i18n/dictionary.js';
import { errorMessage } from '../i18n/format.js';
import { h, replace } from './dom.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../api/cases.js').SavedFile} SavedFile */

/**
 * The printer choice: the default first and preselected, then the others as CUPS lists them.
 * @param {{ names: string[], default: string | null }} printers
 * @returns {{ value: string, label: string, selected: boolean }[]}
 */
export function printerOptions(printers) {
  const names = [...printers.names];
  const def = printers.default && names.includes(printers.default) ? printers.default : null;
  const ordered = def ? [def, ...names.filter((n) => n !== def)] : names;
  return ordered.map((name) => ({
    value: name,
    label: name === def ? `${name} (${t('files.printer.default')})` : name,
    selected: name === (def ?? ordered[0]),
  }));
}

/**
 * The job id in CUPS's answer (`request id is PDF-12 (1 file(s))` → `PDF-12`); the whole line otherwise.
 * @param {string} line
 * @returns {string}
 */
export function jobId(line) {
  return /request id is (\S+)/.exec(line)?.[1] ?? line.trim();
}

/**
 * Buttons for a saved file, with a status line for their results.
 * @param {SavedFile} file
 * @param {string} prefix id prefix of the buttons (`case`, `batch`, `labels`) so tests can find them
 * @param {{ showPath?: boolean }} [options] `showPath: false` where the screen already shows the path
 * @returns {HTMLElement}
 */
export function fileActions(file, prefix, options = {}) {
  const status = h('p', { class: 'form-message', id: `${prefix}-file-message`, role: 'status', 'aria-live': 'polite' });
  const printBox = h('div', { class: 'printer-box', id: `${prefix}-file-printer-box` });
  const print = h('button', { type: 'button', class: 'button button-quiet', id: `${prefix}-file-print` }, t('files.print'));
  print.addEventListener('click', () => void choosePrinter(file, prefix, printBox, status));
  const open = h('button', { type: 'button', class: 'button button-quiet', id: `${prefix}-file-open` }, t('files.open'));
  open.addEventListener('click', async () => {
    try {
      await api.openOutput(file.id);
      status.textContent = t('files.opened');
    } catch (error) {
      status.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  });
  const saveAs = h('button', { type: 'button', class: 'button button-quiet', id: `${prefix}-file-save-as` }, t('files.save_as'));
  saveAs.addEventListener('click', async () => {
    try {
      const path = await api.saveOutputAs(file.id);
      status.textContent = path ? t('files.saved_as', { path }) : t('files.save_as.cancelled');
    } catch (error) {
      status.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  });
  return h('div', { class: 'file-actions', id: `${prefix}-file`, 'data-file': file.id },
    options.showPath === false ? null
      : h('p', { class: 'file-path' }, h('span', { class: 'muted' }, `${t('files.saved')} `), h('span', { class: 'mono', id: `${prefix}-file-path` }, file.path)),
    h('div', { class: 'actions file-buttons' }, open, saveAs, print),
    printBox,
    status);
}

/**
 * Shows the printer picker in `box`; sending reports the job or the error in `status`.
 * @param {SavedFile} file
 * @param {string} prefix
 * @param {HTMLElement} box
 * @param {HTMLElement} status
 */
export async function choosePrinter(file, prefix, box, status) {
  /** @type {{ names: string[], default: string | null }} */
  let printers;
  try {
    printers = await api.listPrinters();
  } catch (error) {
    status.textContent = errorMessage(/** @type {CommandError} */ (error));
    return;
  }
  if (printers.names.length === 0) {
    replace(box);
    status.textContent = t('files.printer.none');
    status.dataset.state = 'error';
    return;
  }
  const selectId = `${prefix}-file-printer`;
  const select = /** @type {HTMLSelectElement} */ (h('select', { id: selectId },
    printerOptions(printers).map((o) => h('option', { value: o.value, selected: o.selected }, o.label))));
  const send = h('button', { type: 'submit', class: 'button', id: `${prefix}-file-print-send` }, t('files.print.send'));
  const cancel = h('button', { type: 'button', class: 'button button-quiet' }, t('case.cancel'));
  const form = h('form', { class: 'printer-form' },
    h('label', { for: selectId }, t('files.printer')), select,
    h('div', { class: 'form-actions' }, send, cancel));
  cancel.addEventListener('click', () => replace(box));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    send.setAttribute('disabled', '');
    status.textContent = t('files.print.sending');
    try {
      const job = await api.printOutput(file.id, select.value);
      status.textContent = t('files.print.sent', { printer: select.value, job: jobId(job) });
      status.dataset.state = 'sent';
      status.dataset.job = job;
      replace(box);
    } catch (error) {
      status.textContent = errorMessage(/** @type {CommandError} */ (error));
      status.dataset.state = 'error';
      send.removeAttribute('disabled');
    }
  });
  replace(box, form);
  select.focus();
}
