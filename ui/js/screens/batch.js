// @ts-check
/**
 * The batch printing screen: choose issued permits by village, by van trip, by issue date range or by
 * ticking rows; see how many; print them into one PDF with the progress shown per certificate and a
 * Cancel that really stops (nothing written, nothing logged); then open, save or print the result; and
 * the envelope label sheet for the same selection.
 * @module screens/batch
 */

import { listCases } from '../api/cases.js';
import * as api from '../api/documents.js';
import { formatDate, t } from '../i18n/dictionary.js';
import { errorMessage } from '../i18n/format.js';
import { statusBadge } from '../widgets/badges.js';
import { dayField } from '../widgets/day-field.js';
import { h, replace } from '../widgets/dom.js';
import { fileActions } from '../widgets/file-actions.js';
import { villagePicker } from '../widgets/village-picker.js';

/** @typedef {import('../api/documents.js').BatchRow} BatchRow */
/** @typedef {import('../api/documents.js').Selection} Selection */
/** @typedef {import('../api/ipc.js').CommandError} CommandError */

/** The ways to choose, in the order the screen offers them. */
export const MODES = Object.freeze(['village', 'trip', 'dates', 'cases']);

/**
 * The core's `Selection` for what the form holds, or null when it is not complete yet.
 * @param {string} mode
 * @param {{ village?: string | null, trip?: string | null, from?: string, to?: string, ids?: number[] }} form
 * @returns {Selection | null}
 */
export function selectionFor(mode, form) {
  switch (mode) {
    case 'village':
      return form.village ? { by: 'village', code: form.village } : null;
    case 'trip':
      return form.trip ? { by: 'trip', trip: Number(form.trip) } : null;
    case 'dates':
      return form.from && form.to ? { by: 'issued_between', from: form.from, to: form.to } : null;
    case 'cases':
      return form.ids && form.ids.length > 0 ? { by: 'cases', ids: [...form.ids] } : null;
    default:
      return null;
  }
}

/**
 * The progress line: `12 dari 40 surat izin (30%)`, then that the PDF is being assembled.
 * @param {{ done: number, total: number }} p
 * @returns {string}
 */
export function progressText(p) {
  // Every certificate is ready: the file itself is being assembled, the longest step (still cancellable).
  if (p.total > 0 && p.done >= p.total) return t('batch.assembling', { total: p.total });
  const percent = p.total > 0 ? Math.floor((p.done * 100) / p.total) : 0;
  return t('batch.progress', { done: p.done, total: p.total, percent });
}

/** How many permits the hand-pick list shows for one search. */
const PICK_LIMIT = 200;

/**
 * Shows the batch printing screen in `ctx.root`.
 * @param {{ root: HTMLElement, error: (e: CommandError) => void, openCase?: (id: number) => void }} ctx
 */
export function showBatch(ctx) {
  let mode = 'village';
  /** @type {number[]} */
  let ticked = [];
  /** @type {Selection | null} */
  let selection = null;
  let running = false;
  /** Answers to earlier choices that come back late are dropped. */
  let asked = 0;
  /** The trips to choose from, once the core has answered. */
  let tripsLoaded = false;

  // Ticking by hand starts from a search: a register of ten years has far too many permits to list whole.
  const find = /** @type {HTMLInputElement} */ (h('input', { type: 'search', id: 'batch-find', autocomplete: 'off' }));
  const pickNote = h('p', { class: 'sub', id: 'batch-find-note', role: 'status', 'aria-live': 'polite' });
  let findTimer = 0;
  find.addEventListener('input', () => {
    clearTimeout(findTimer);
    findTimer = window.setTimeout(() => void loadIssued(), 200);
  });

  const village = villagePicker({ id: 'batch-village', label: t('batch.village'), onChange: () => void refresh() });
  const trip = /** @type {HTMLSelectElement} */ (h('select', { id: 'batch-trip' }));
  trip.addEventListener('change', () => void refresh());
  // Dates typed the Indonesian way (DD-MM-YYYY), each echoed in words under its field.
  const from = dayField('batch-from', 'batch.from');
  const to = dayField('batch-to', 'batch.to');
  from.input.addEventListener('input', () => void refresh());
  to.input.addEventListener('input', () => void refresh());

  const panels = {
    village: h('div', { class: 'batch-panel', 'data-mode': 'village' }, village.element),
    trip: h('div', { class: 'batch-panel', 'data-mode': 'trip' },
      h('label', { for: 'batch-trip' }, t('batch.trip')), trip),
    dates: h('div', { class: 'batch-panel', 'data-mode': 'dates' },
      h('div', { class: 'batch-dates' }, from.node, to.node)),
    cases: h('div', { class: 'batch-panel', 'data-mode': 'cases' },
      h('p', { class: 'sub' }, t('batch.cases.help')),
      h('label', { for: 'batch-find' }, t('batch.cases.find')), find, pickNote),
  };

  const modes = h('fieldset', { class: 'batch-modes' },
    h('legend', {}, t('batch.by')),
    MODES.map((m) => {
      const radio = h('input', { type: 'radio', name: 'batch-mode', id: `batch-mode-${m}`, value: m, checked: m === mode });
      radio.addEventListener('change', () => {
        mode = m;
        void switchMode();
      });
      return h('label', { class: 'radio', for: `batch-mode-${m}` }, radio, ` ${t(`batch.by.${m}`)}`);
    }));

  const count = h('p', { class: 'batch-count', id: 'batch-count', role: 'status', 'aria-live': 'polite' });
  // The list scrolls on its own: it takes the keyboard (arrow keys scroll it) and is named for screen readers.
  const list = h('div', { class: 'batch-list', id: 'batch-list', tabindex: '0', role: 'region', 'aria-label': t('batch.list') });
  const printButton = h('button', { type: 'button', class: 'button', id: 'batch-print', disabled: true }, t('batch.print'));
  const labelsButton = h('button', { type: 'button', class: 'button button-quiet', id: 'batch-labels', disabled: true }, t('batch.labels'));
  const progress = /** @type {HTMLProgressElement} */ (h('progress', { id: 'batch-progress-bar', max: 1, value: 0, 'aria-labelledby': 'batch-progress-text' }));
  const progressLine = h('p', { id: 'batch-progress-text', class: 'batch-progress-text' });
  const cancel = h('button', { type: 'button', class: 'button button-danger', id: 'batch-cancel' }, t('batch.cancel'));
  const progressBox = h('div', { class: 'batch-progress', id: 'batch-progress', hidden: true }, progressLine, progress, cancel);
  const message = h('p', { class: 'form-message', id: 'batch-message', role: 'status', 'aria-live': 'polite' });
  const result = h('div', { id: 'batch-result' });
  const labelsResult = h('div', { id: 'batch-labels-result' });

  function setEnabled() {
    const ok = selection !== null && !running;
    for (const b of [printButton, labelsButton]) {
      if (ok) b.removeAttribute('disabled');
      else b.setAttribute('disabled', '');
    }
  }

  async function switchMode() {
    for (const [m, panel] of Object.entries(panels)) panel.hidden = m !== mode;
    if (mode === 'trip' && !tripsLoaded) await start();
    if (mode === 'cases') await loadIssued();
    await refresh();
  }

  /** The office's day and the trips around it, from the core; the dates start on its month. */
  async function start() {
    try {
      const choices = await api.batchTrips();
      if (!from.read()) from.set(choices.month_start);
      if (!to.read()) to.set(choices.today);
      tripsLoaded = true;
      replace(trip,
        h('option', { value: '' }, choices.trips.length ? t('batch.trip.choose') : t('batch.trip.none')),
        choices.trips.map((tr) => h('option', { value: tr.id },
          `${formatDate(tr.date)} · ${tr.vehicle} · ${t('batch.trip.permits', { count: tr.permits })} · ${t(`batch.trip.status.${tr.status}`)}`)));
    } catch (error) {
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  }

  /** Issued permits to tick by hand: the first PICK_LIMIT that match the search box, newest first. */
  async function loadIssued() {
    try {
      const query = find.value.trim();
      const rows = await listCases({ statuses: ['issued', 'out_for_delivery'], ...(query ? { query } : {}), limit: PICK_LIMIT });
      // A ticked permit stays ticked while the search changes; it is listed again when it matches.
      replace(list, table(rows.map((r) => ({
        id: r.id, registration_number: r.registration_number, permit_number: r.permit_number,
        holder: r.applicant_name, village: r.village, permit_type_code: r.permit_type_code, status: r.status,
      })), true));
      pickNote.textContent = rows.length >= PICK_LIMIT ? t('batch.cases.more', { count: PICK_LIMIT }) : '';
    } catch (error) {
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  }

  /**
   * @param {BatchRow[]} rows
   * @param {boolean} tickable
   */
  function table(rows, tickable) {
    return h('table', { class: 'data-table batch-table' },
      h('thead', {}, h('tr', {},
        tickable ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('batch.col.pick'))) : null,
        h('th', { scope: 'col' }, t('batch.col.permit_number')),
        h('th', { scope: 'col' }, t('batch.col.holder')),
        h('th', { scope: 'col' }, t('batch.col.village')),
        h('th', { scope: 'col' }, t('batch.col.status')))),
      h('tbody', {}, rows.map((r) => {
        let tick = null;
        if (tickable) {
          const box = /** @type {HTMLInputElement} */ (h('input', {
            type: 'checkbox', id: `batch-pick-${r.id}`, 'data-id': r.id, checked: ticked.includes(r.id),
            'aria-label': `${r.permit_number ?? r.registration_number} ${r.holder}`,
          }));
          box.addEventListener('change', () => {
            ticked = box.checked ? [...ticked, r.id] : ticked.filter((id) => id !== r.id);
            void refresh();
          });
          tick = h('td', {}, box);
        }
        return h('tr', { 'data-id': r.id },
          tick,
          h('td', { class: 'mono nowrap' }, r.permit_number ?? '—'),
          h('td', {}, r.holder),
          h('td', {}, r.village ?? '—'),
          h('td', {}, statusBadge(r.status)));
      })));
  }

  /** Recomputes the selection and its count (and the list, except when ticking by hand). */
  async function refresh() {
    const ticket = ++asked;
    selection = selectionFor(mode, {
      village: village.value()?.code ?? null, trip: trip.value, from: from.read() || '', to: to.read() || '', ids: ticked,
    });
    message.textContent = '';
    // A result belongs to the selection it was made from.
    replace(result);
    replace(labelsResult);
    delete result.dataset.saved;
    delete labelsResult.dataset.saved;
    if (!selection) {
      count.textContent = t(mode === 'cases' ? 'batch.count.none_ticked' : 'batch.count.choose');
      count.dataset.count = '0';
      if (mode !== 'cases') replace(list);
      setEnabled();
      return;
    }
    try {
      const rows = await api.batchPreview(selection);
      if (ticket !== asked) return;
      count.textContent = t('batch.count', { count: rows.length });
      count.dataset.count = String(rows.length);
      if (mode !== 'cases') replace(list, table(rows, false));
    } catch (error) {
      if (ticket !== asked) return;
      const e = /** @type {CommandError} */ (error);
      count.textContent = e.field === 'selection' ? t('batch.count.empty') : errorMessage(e);
      count.dataset.count = '0';
      if (mode !== 'cases') replace(list);
      selection = null;
    }
    setEnabled();
  }

  printButton.addEventListener('click', async () => {
    if (!selection) return;
    running = true;
    setEnabled();
    replace(result);
    message.textContent = '';
    delete message.dataset.state;
    progress.max = 1;
    progress.value = 0;
    progressLine.textContent = t('batch.starting');
    progressBox.hidden = false;
    cancel.removeAttribute('disabled');
    cancel.focus();
    try {
      const done = await api.printBatch(selection, (p) => {
        progress.max = p.total;
        // Every certificate ready: assembling the file has no steps to count, so the bar just moves.
        if (p.done >= p.total) progress.removeAttribute('value');
        else progress.value = p.done;
        progressLine.textContent = progressText(p);
        progressBox.dataset.done = String(p.done);
      });
      if (done) {
        message.textContent = t('batch.done', { count: done.count, copies: done.copies });
        message.dataset.state = 'done';
        replace(result, fileActions(done.file, 'batch'));
        result.dataset.saved = done.file.path;
      } else {
        message.textContent = t('batch.cancelled');
        message.dataset.state = 'cancelled';
      }
    } catch (error) {
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
      message.dataset.state = 'error';
    } finally {
      running = false;
      progressBox.hidden = true;
      setEnabled();
    }
  });

  cancel.addEventListener('click', () => {
    cancel.setAttribute('disabled', '');
    progressLine.textContent = t('batch.cancelling');
    void api.cancelBatch();
  });

  labelsButton.addEventListener('click', async () => {
    if (!selection) return;
    try {
      const file = await api.batchLabels(selection);
      replace(labelsResult, h('h3', {}, t('batch.labels.title')), fileActions(file, 'labels'));
      labelsResult.dataset.saved = file.path;
    } catch (error) {
      replace(labelsResult, h('p', { class: 'form-message' }, errorMessage(/** @type {CommandError} */ (error))));
    }
  });

  replace(ctx.root,
    h('h2', { id: 'batch-title' }, t('batch.title')),
    h('div', { class: 'batch-layout' },
      h('section', { class: 'card batch-choose' },
        modes, Object.values(panels), count, list),
      h('aside', { class: 'card batch-side' },
        h('h3', {}, t('batch.output')),
        h('div', { class: 'actions' }, printButton, labelsButton),
        progressBox, message, result, labelsResult)));
  document.body.dataset.screen = 'batch';
  void start().then(switchMode);
  village.input.focus();
}
