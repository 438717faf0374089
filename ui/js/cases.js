// @ts-check
/**
 * The case list screen: a search box, a status filter and the table of cases.
 * @module cases
 */

import * as api from './api.js';
import { h, one, replace } from './dom.js';
import { STATUSES, formatDate, statusLabel, statusTone, t } from './i18n.js';

/** How many cases one screen shows; the search narrows it down. */
const PAGE_LIMIT = 200;

/** Milliseconds of quiet typing before the search runs. */
const SEARCH_DELAY = 250;

/** Statuses in which the SLA clock runs: only these can be late. */
const SLA_RUNNING = new Set(['verified', 'in_review', 'approved']);

/**
 * Whether a case is past its due date while its SLA clock still runs.
 * @param {Pick<import('./api.js').CaseSummary, 'status' | 'due_date'>} c
 * @param {string} today ISO date of the office's today
 * @returns {boolean}
 */
export function isOverdue(c, today) {
  return SLA_RUNNING.has(c.status) && Boolean(c.due_date) && /** @type {string} */ (c.due_date) < today;
}

/**
 * Today's date on this computer as an ISO date (the office's local day).
 * @param {Date} [now]
 * @returns {string}
 */
export function localToday(now = new Date()) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A status badge: the colour follows the status, and the label always says it in words.
 * @param {string} status
 * @returns {HTMLElement}
 */
export function statusBadge(status) {
  return h('span', { class: `badge badge-${statusTone(status)}`, 'data-status': status }, statusLabel(status));
}

/**
 * The table of cases (or a short message when there is none).
 * @param {import('./api.js').CaseSummary[]} cases
 * @param {boolean} filtered whether a search or filter is active, for the empty message
 * @param {string} [today] ISO date used to mark late cases
 * @returns {HTMLElement}
 */
export function caseTable(cases, filtered, today = localToday()) {
  if (cases.length === 0) {
    return h('p', { class: 'empty', id: 'cases-empty' }, t(filtered ? 'cases.empty.filtered' : 'cases.empty'));
  }
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'col-registration' }, t('cases.col.registration')),
      h('th', { scope: 'col', class: 'col-applicant' }, t('cases.col.applicant')),
      h('th', { scope: 'col', class: 'col-permit' }, t('cases.col.permit_type')),
      h('th', { scope: 'col', class: 'col-status' }, t('cases.col.status')),
      h('th', { scope: 'col', class: 'col-due' }, t('cases.col.due')),
    ),
  );
  const rows = cases.map((c) =>
    h(
      'tr',
      { 'data-case-id': c.id, 'data-registration': c.registration_number },
      h(
        'td',
        { class: 'col-registration mono' },
        h('button', { type: 'button', class: 'link', 'data-open': c.id, 'aria-label': t('case.open', { number: c.registration_number }) },
          c.registration_number),
      ),
      h(
        'td',
        { class: 'col-applicant' },
        h('span', { class: 'applicant-name' }, c.applicant_name),
        c.village ? h('span', { class: 'sub' }, c.village) : null,
      ),
      h(
        'td',
        { class: 'col-permit' },
        h('span', { class: 'permit-code' }, c.permit_type_code),
        ' ',
        c.permit_type_name,
      ),
      h('td', { class: 'col-status' }, statusBadge(c.status)),
      h(
        'td',
        { class: 'col-due' },
        c.due_date ? formatDate(c.due_date) : t('cases.due.none'),
        isOverdue(c, today) ? h('span', { class: 'overdue' }, t('cases.overdue')) : null,
      ),
    ),
  );
  return h('table', { id: 'cases-table', class: 'data-table' }, head, h('tbody', {}, rows));
}

/**
 * Fills the status filter with every status, keeping the current choice.
 * @param {HTMLSelectElement} select
 */
function fillStatusOptions(select) {
  const chosen = select.value;
  replace(
    select,
    h('option', { value: '' }, t('cases.status.all')),
    STATUSES.map((s) => h('option', { value: s, selected: s === chosen }, statusLabel(s))),
  );
}

/**
 * Starts the screen: wires the search and loads the first page.
 * @param {(error: import('./api.js').CommandError) => void} onError shows an error the screen cannot handle
 * @param {(id: number) => void} onOpen opens one case
 * @returns {{ reload: () => Promise<void>, translate: () => void, showOnly: (label: string, list: () => Promise<import('./api.js').CaseSummary[]>) => Promise<void> }}
 */
export function mountCases(onError, onOpen) {
  const form = /** @type {HTMLFormElement} */ (one('#case-search'));
  const query = /** @type {HTMLInputElement} */ (one('#case-query'));
  const status = /** @type {HTMLSelectElement} */ (one('#case-status'));
  const body = one('#cases-body');
  const count = one('#cases-count');
  /** @type {import('./api.js').CaseSummary[]} */
  let shown = [];
  let filtered = false;
  let generation = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** A list chosen from the today strip, shown instead of the search until the search is used. */
  let preset = '';

  function render() {
    count.textContent = preset ? `${preset}: ${t('cases.count', { count: shown.length })}` : t('cases.count', { count: shown.length });
    replace(body, caseTable(shown, filtered));
  }

  /**
   * Reloads the list; `exact` opens the case at once when the text is its registration number (a barcode
   * scanner types the number and Enter).
   * @param {boolean} [exact]
   */
  async function reload(exact = false) {
    const mine = ++generation;
    preset = '';
    /** @type {import('./api.js').CaseFilter} */
    const filter = { limit: PAGE_LIMIT };
    const text = query.value.trim();
    if (text) filter.query = text;
    if (status.value) filter.status = status.value;
    try {
      const cases = await api.listCases(filter);
      if (mine !== generation) return; // a newer search already answered
      shown = cases;
      filtered = Boolean(filter.query || filter.status);
      render();
      document.body.dataset.casesLoaded = 'true';
      const hit = exact ? cases.find((c) => c.registration_number.toUpperCase() === text.toUpperCase()) : undefined;
      if (hit) {
        // The next scan types into an empty box, not after this number.
        query.value = '';
        onOpen(hit.id);
      }
    } catch (error) {
      onError(/** @type {import('./api.js').CommandError} */ (error));
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void reload(true);
  });
  body.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('[data-open]');
    if (button instanceof HTMLElement) onOpen(Number(button.dataset.open));
  });
  query.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), SEARCH_DELAY);
  });
  status.addEventListener('change', () => void reload());

  /**
   * Shows one list from the today strip.
   * @param {string} label
   * @param {() => Promise<import('./api.js').CaseSummary[]>} list
   */
  async function showOnly(label, list) {
    const mine = ++generation;
    try {
      const cases = await list();
      if (mine !== generation) return;
      query.value = '';
      status.value = '';
      preset = label;
      shown = cases;
      filtered = true;
      render();
    } catch (error) {
      onError(/** @type {import('./api.js').CommandError} */ (error));
    }
  }

  fillStatusOptions(status);
  return {
    reload,
    showOnly,
    translate() {
      fillStatusOptions(status);
      render();
    },
  };
}
