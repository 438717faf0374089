// @ts-check
/**
 * The case list screen: a search box, a status filter and the table of cases, newest first, a page at a
 * time ("show more" asks for the next page); a tile of the today strip shows its own list instead until
 * the search is used.
 * @module screens/cases
 */

import * as api from '../api/cases.js';
import { STATUSES, formatDate, statusLabel, t } from '../i18n/dictionary.js';
import { statusBadge } from '../widgets/badges.js';
import { append, h, one, replace } from '../widgets/dom.js';

/** @typedef {import('../api/cases.js').CaseFilter} CaseFilter */
/** @typedef {import('../api/cases.js').CaseSummary} CaseSummary */
/** @typedef {import('../api/ipc.js').CommandError} CommandError */

/** How many cases one page shows; the search narrows it down, "show more" adds the next page. Fifty rows
 * fill the screen several times over, and draw in a quarter of the time 200 took (most of a keystroke's
 * wait for the list: bench/window_search.mjs). */
export const PAGE_LIMIT = 50;

/** Statuses in which the SLA clock runs: only these can be late. */
const SLA_RUNNING = new Set(['verified', 'in_review', 'approved']);

/**
 * Whether a case is past its due date while its SLA clock still runs.
 * @param {Pick<CaseSummary, 'status' | 'due_date'>} c
 * @param {string | null} today ISO date of the office's day (null when not known: nothing is marked)
 * @returns {boolean}
 */
export function isOverdue(c, today) {
  return Boolean(today) && SLA_RUNNING.has(c.status) && Boolean(c.due_date) && /** @type {string} */ (c.due_date) < /** @type {string} */ (today);
}

/** Rows drawn in the frame that answers a key: as many as a window can show (its height over the lowest
 * row, one line of text), at least this many. The rest of the page follows after that frame, below the
 * fold: laying out 50 rows took longer than finding them (bench/window_search.mjs). */
const FIRST_ROWS_MIN = 12;
const ROW_MIN_PX = 37;

/**
 * How many rows of a page are drawn at once, for a window of `height` px.
 * @param {number} height
 * @returns {number}
 */
export function firstRows(height) {
  return Math.max(FIRST_ROWS_MIN, Math.ceil((Number(height) || 0) / ROW_MIN_PX));
}

/**
 * One case's row.
 * @param {CaseSummary} c
 * @param {string | null} today the office's day, to mark late cases
 * @returns {HTMLElement}
 */
export function caseRow(c, today) {
  return h('tr', { 'data-case-id': c.id, 'data-registration': c.registration_number },
    h('td', { class: 'col-registration mono' },
      h('button', { type: 'button', class: 'link', 'data-open': c.id, 'aria-label': t('case.open', { number: c.registration_number }) },
        c.registration_number)),
    h('td', { class: 'col-applicant' },
      h('span', { class: 'applicant-name' }, c.applicant_name),
      c.village ? h('span', { class: 'sub' }, c.village) : null),
    h('td', { class: 'col-permit' }, h('span', { class: 'permit-code' }, c.permit_type_code), ' ', c.permit_type_name),
    h('td', { class: 'col-status' }, statusBadge(c.status)),
    h('td', { class: 'col-due' },
      c.due_date ? formatDate(c.due_date) : t('cases.due.none'),
      isOverdue(c, today) ? h('span', { class: 'overdue' }, t('cases.overdue')) : null));
}

/**
 * The table of cases (or a short message when there is none). Long names wrap inside their column.
 * @param {CaseSummary[]} cases
 * @param {boolean} filtered whether a search or filter is active, for the empty message
 * @param {string | null} [today] the office's day, to mark late cases
 * @returns {HTMLElement}
 */
export function caseTable(cases, filtered, today = null) {
  if (cases.length === 0) {
    return h('p', { class: 'empty', id: 'cases-empty' }, t(filtered ? 'cases.empty.filtered' : 'cases.empty'));
  }
  const head = h('thead', {}, h('tr', {},
    h('th', { scope: 'col', class: 'col-registration' }, t('cases.col.registration')),
    h('th', { scope: 'col', class: 'col-applicant' }, t('cases.col.applicant')),
    h('th', { scope: 'col', class: 'col-permit' }, t('cases.col.permit_type')),
    h('th', { scope: 'col', class: 'col-status' }, t('cases.col.status')),
    h('th', { scope: 'col', class: 'col-due' }, t('cases.col.due'))));
  return h('table', { id: 'cases-table', class: 'data-table' }, head, h('tbody', {}, cases.map((c) => caseRow(c, today))));
}

/**
 * Runs `then` once the next frame is on screen: the frame after it has started (at once where there are
 * no frames: the unit tests). What `then` draws comes in a later frame and does not delay this one.
 * @param {() => void} then
 */
function afterFrame(then) {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(then, 0);
    return;
  }
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(then, 0)));
}

/**
 * Fills the status filter with every status, keeping the current choice.
 * @param {HTMLSelectElement} select
 */
function fillStatusOptions(select) {
  const chosen = select.value;
  replace(select,
    h('option', { value: '' }, t('cases.status.all')),
    STATUSES.map((s) => h('option', { value: s, selected: s === chosen }, statusLabel(s))));
}

/**
 * @typedef {object} CaseList What the window does with the mounted list.
 * @property {() => Promise<void>} reload runs the search again
 * @property {() => Promise<void>} refresh reads the list on show again (the search, or the today tile's
 *   list), keeping what is typed and where the keyboard is: another desk changed something
 * @property {() => void} translate draws it again in the current language
 * @property {(label: string, filter: CaseFilter, total: number) => Promise<void>} showOnly lists one tile
 *   of the today strip (`total` is its count)
 * @property {(day: string | null) => void} setToday the office's day, for marking late cases
 */

/**
 * Starts the screen: wires the search and loads the first page.
 * @param {(error: CommandError) => void} onError shows an error the screen cannot handle
 * @param {(id: number) => void} onOpen opens one case
 * @returns {CaseList}
 */
export function mountCases(onError, onOpen) {
  const form = /** @type {HTMLFormElement} */ (one('#case-search'));
  const query = /** @type {HTMLInputElement} */ (one('#case-query'));
  const status = /** @type {HTMLSelectElement} */ (one('#case-status'));
  const body = one('#cases-body');
  const count = one('#cases-count');
  /** @type {CaseSummary[]} */
  let shown = [];
  let filtered = false;
  let generation = 0;
  /** Whether a search typed in the box is running, and whether the box changed meanwhile. */
  let searching = false;
  let typedAgain = false;
  /** A list chosen from the today strip, shown instead of the search until the search is used. */
  let preset = '';
  /** The tile's count (the whole list, of which a page is shown). @type {number | null} */
  let total = null;
  /** What the shown list was asked with, for its next page. @type {CaseFilter} */
  let asked = {};
  /** Whether the last page came back full (there may be more). */
  let more = false;
  /** @type {string | null} */
  let today = null;
  /** The today tile's filter while its list is shown. @type {CaseFilter | null} */
  let tileFilter = null;

  /** Counts the lists drawn, so the rest of a page is not added to a newer list. */
  let drawn = 0;
  const next = h('button', { type: 'button', class: 'button button-quiet', id: 'cases-more' }, '');
  const moreRow = h('div', { class: 'more-row' }, next);
  next.addEventListener('click', () => void nextPage());

  function showCount() {
    const line = t('cases.count', { count: total ?? shown.length });
    count.textContent = preset ? `${preset}: ${line}` : line;
    next.textContent = t('cases.more', { count: PAGE_LIMIT });
  }

  /** Draws the list: a windowful of rows now, the rest of the page after the frame that shows them. */
  function render() {
    const mine = ++drawn;
    showCount();
    const now = firstRows(globalThis.innerHeight);
    const table = caseTable(shown.slice(0, now), filtered, today);
    const rest = shown.slice(now);
    replace(body, table, more && rest.length === 0 ? moreRow : null);
    if (rest.length === 0) return;
    const tbody = table.querySelector('tbody');
    afterFrame(() => {
      if (mine !== drawn || !tbody || !table.isConnected) return;
      append(tbody, rest.map((c) => caseRow(c, today)));
      if (more) body.append(moreRow);
    });
  }

  /**
   * Lists the first page of `filter`.
   * @param {CaseFilter} filter
   * @returns {Promise<CaseSummary[] | null>} the cases, or null when a newer list already answered
   */
  async function first(filter) {
    const mine = ++generation;
    asked = { ...filter, limit: PAGE_LIMIT };
    const cases = await api.listCases(asked);
    if (mine !== generation) return null;
    shown = cases;
    more = cases.length >= PAGE_LIMIT;
    return cases;
  }

  /** Adds the next page below the rows shown; the button keeps the keyboard while there is more. */
  async function nextPage() {
    const last = shown[shown.length - 1];
    if (!last) return;
    const mine = generation;
    try {
      const page = await api.listCases({ ...asked, before: last.id });
      if (mine !== generation) return;
      shown = [...shown, ...page];
      more = page.length >= PAGE_LIMIT;
      const tbody = body.querySelector('#cases-table tbody');
      if (!tbody) {
        render();
        return;
      }
      append(tbody, page.map((c) => caseRow(c, today)));
      showCount();
      if (!more) moreRow.remove();
    } catch (error) {
      onError(/** @type {CommandError} */ (error));
    }
  }

  /**
   * Reloads the list; `exact` opens the case at once when the text is its registration number (a barcode
   * scanner types the number and Enter).
   * @param {boolean} [exact]
   */
  async function reload(exact = false) {
    preset = '';
    total = null;
    /** @type {CaseFilter} */
    const filter = {};
    const text = query.value.trim();
    if (text) filter.query = text;
    if (status.value) filter.status = status.value;
    try {
      const cases = await first(filter);
      if (!cases) return; // a newer search already answered
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
      onError(/** @type {CommandError} */ (error));
    }
  }

  /**
   * Searches for what the box holds now, as each key is typed: the core answers in milliseconds at any
   * register size, so there is no pause to wait out. One search at a time: keys typed while it runs
   * (a barcode scanner types a whole number at once) make one more search, for the text as it is then.
   */
  async function searchTyped() {
    if (searching) {
      typedAgain = true;
      return;
    }
    searching = true;
    try {
      await reload();
    } finally {
      searching = false;
    }
    if (typedAgain) {
      typedAgain = false;
      await searchTyped();
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Enter searches now and may open the case: no typed search may come after it and answer instead.
    typedAgain = false;
    void reload(true);
  });
  body.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('[data-open]');
    if (button instanceof HTMLElement) onOpen(Number(button.dataset.open));
  });
  query.addEventListener('input', () => void searchTyped());
  status.addEventListener('change', () => void reload());

  fillStatusOptions(status);
  return {
    reload,
    async refresh() {
      if (!preset || !tileFilter) {
        await reload();
        return;
      }
      try {
        const cases = await first(tileFilter);
        if (!cases) return;
        // A whole list is its own count; a full page keeps the tile's (the strip is read again too).
        if (cases.length < PAGE_LIMIT) total = null;
        render();
      } catch {
        // The connection banner says why; the list stays as shown.
      }
    },
    async showOnly(label, filter, count) {
      tileFilter = filter;
      try {
        const cases = await first(filter);
        if (!cases) return;
        query.value = '';
        status.value = '';
        preset = label;
        total = count;
        filtered = true;
        render();
      } catch (error) {
        onError(/** @type {CommandError} */ (error));
      }
    },
    translate() {
      fillStatusOptions(status);
      render();
    },
    setToday(day) {
      if (day === today) return;
      today = day;
      if (body.firstChild) render();
    },
  };
}
