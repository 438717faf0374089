// @ts-check
/**
 * The holiday calendar tab: a year's national holidays and cuti bersama, add / edit / remove, whether
 * cuti bersama counts as a working day, importing a year from a CSV file (chosen with the native dialog),
 * and after every change the open cases whose due date moved.
 * @module screens/admin/calendar
 */

import * as api from '../../api/calendar.js';
import { formatDate, t } from '../../i18n/dictionary.js';
import { errorMessage as refusal } from '../../i18n/format.js';
import { dayField, weekdayKey } from '../../widgets/day-field.js';
import { h, replace } from '../../widgets/dom.js';
import { clearErrors, showError } from '../../widgets/forms.js';

/** @typedef {import('../../api/calendar.js').DueDateChange} DueDateChange */
/** @typedef {import('../../api/ipc.js').CommandError} CommandError */

/** The year shown last (kept while the window is open). */
let shownYear = new Date().getFullYear();

/**
 * The line that sums up what a calendar change did to open cases.
 * @param {{ registration_number: string }[]} moved
 * @returns {string}
 */
export function movedSummary(moved) {
  return moved.length === 0 ? t('admin.cal.moved.none') : t('admin.cal.moved.some', { n: moved.length });
}

/**
 * The list of moved due dates, shown after a change.
 * @param {import('./tabs.js').AdminTabContext} ctx
 * @param {DueDateChange[]} moved
 * @param {string} what what was done (already translated)
 */
function movedPanel(ctx, moved, what) {
  return h('section', { class: 'card moved', id: 'moved-cases', 'data-count': String(moved.length), role: 'status' },
    h('p', { class: 'done-line' }, what),
    h('p', {}, movedSummary(moved)),
    moved.length === 0 ? null : h('table', { class: 'data-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('admin.cal.moved.case')),
        h('th', { scope: 'col' }, t('admin.cal.moved.old')),
        h('th', { scope: 'col' }, t('admin.cal.moved.new')))),
      h('tbody', {}, moved.map((m) => {
        const open = h('button', { type: 'button', class: 'link mono' }, m.registration_number);
        open.addEventListener('click', () => ctx.openCase(m.case_id));
        return h('tr', { 'data-case': m.registration_number },
          h('td', {}, open), h('td', {}, formatDate(m.old_due)), h('td', {}, formatDate(m.new_due)));
      }))));
}

/**
 * Shows the calendar of `shownYear` in the tab's panel.
 * @param {import('./tabs.js').AdminTabContext} ctx
 * @param {HTMLElement | null} [after] what the last change did, shown above the list
 */
export async function showCalendarTab(ctx, after = null) {
  let data;
  try {
    data = await api.holidayYear(shownYear);
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  /** The change that ran, with its answer shown; then the year is drawn again. */
  const done = async (/** @type {Promise<DueDateChange[]>} */ change, /** @type {string} */ what, /** @type {HTMLElement} */ form) => {
    try {
      const moved = await change;
      await showCalendarTab(ctx, movedPanel(ctx, moved, what));
    } catch (error) {
      const e = /** @type {CommandError} */ (error);
      showError(form, 'hol-', e.code === 'invalid' ? e : { ...e, message: refusal(e), field: null });
      if (e.code !== 'invalid') {
        const line = form.querySelector('.form-message');
        if (line) line.textContent = refusal(e);
      }
    }
  };

  // Year picker.
  const year = /** @type {HTMLInputElement} */ (h('input', { id: 'hol-year', type: 'number', min: 1900, max: 2999, value: String(shownYear) }));
  const go = (/** @type {number} */ y) => { shownYear = y; void showCalendarTab(ctx); };
  year.addEventListener('change', () => { const y = Number(year.value); if (y >= 1900 && y <= 2999) go(y); });
  // The year is the button's name as it is shown (a voice user says "2025"); the arrow is decoration and
  // the direction a hint for screen readers after the number.
  const prev = h('button', { type: 'button', class: 'button button-quiet', id: 'hol-prev' },
    h('span', { 'aria-hidden': 'true' }, '← '), String(shownYear - 1), h('span', { class: 'visually-hidden' }, ` (${t('admin.cal.prev')})`));
  prev.addEventListener('click', () => go(shownYear - 1));
  const next = h('button', { type: 'button', class: 'button button-quiet', id: 'hol-next' },
    String(shownYear + 1), h('span', { class: 'visually-hidden' }, ` (${t('admin.cal.next')})`), h('span', { 'aria-hidden': 'true' }, ' →'));
  next.addEventListener('click', () => go(shownYear + 1));

  // Add / edit form: editing fills it with a day and remembers which.
  /** @type {string | null} */
  let editing = null;
  const day = dayField('hol-day', 'admin.cal.day');
  const name = /** @type {HTMLInputElement} */ (h('input', { id: 'hol-name', autocomplete: 'off', 'aria-describedby': 'hol-name-message' }));
  const kind = /** @type {HTMLSelectElement} */ (h('select', { id: 'hol-kind' },
    ['national', 'cuti_bersama'].map((k) => h('option', { value: k }, t(`admin.cal.kind.${k}`)))));
  const submit = h('button', { type: 'submit', class: 'button', id: 'hol-save' }, t('admin.cal.add'));
  const cancel = h('button', { type: 'button', class: 'button button-quiet', id: 'hol-cancel', hidden: true }, t('admin.cal.cancel'));
  const formTitle = h('h3', { id: 'hol-form-title' }, t('admin.cal.add_title'));
  const form = h('form', { id: 'hol-form', class: 'inline-form', novalidate: true },
    day.node,
    h('div', { class: 'field field-grow' }, h('label', { for: 'hol-name' }, t('admin.cal.name')), name, h('p', { class: 'field-message', id: 'hol-name-message' })),
    h('div', { class: 'field' }, h('label', { for: 'hol-kind' }, t('admin.cal.kind')), kind, h('p', { class: 'field-message' })),
    h('div', { class: 'form-actions' }, submit, cancel),
    h('p', { class: 'form-message', id: 'hol-message', role: 'status' }));
  const startEdit = (/** @type {{ day: string, name: string, kind: string }} */ x) => {
    editing = x.day;
    day.set(x.day);
    name.value = x.name;
    kind.value = x.kind;
    submit.textContent = t('admin.cal.save');
    formTitle.textContent = t('admin.cal.edit_title', { day: formatDate(x.day) });
    cancel.hidden = false;
    day.input.focus();
  };
  cancel.addEventListener('click', () => void showCalendarTab(ctx));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const iso = day.read();
    if (!iso) {
      showError(form, 'hol-', { code: 'invalid', field: 'day', message: t(iso === '' ? 'admin.cal.need.day' : 'admin.day.bad') });
      return;
    }
    const holiday = { day: iso, name: name.value.trim(), kind: kind.value };
    const what = editing
      ? t('admin.cal.edited', { day: formatDate(holiday.day), name: holiday.name })
      : t('admin.cal.added', { day: formatDate(holiday.day), name: holiday.name });
    void done(editing ? api.editHoliday(editing, holiday) : api.addHoliday(holiday), what, form);
  });

  const rows = data.holidays.map((x) => {
    const edit = h('button', { type: 'button', class: 'button button-quiet button-small', 'data-edit': x.day }, t('admin.cal.edit'));
    edit.addEventListener('click', () => startEdit(x));
    const remove = h('button', { type: 'button', class: 'button button-quiet button-small', 'data-remove': x.day }, t('admin.cal.remove'));
    remove.addEventListener('click', () => {
      if (!window.confirm(t('admin.cal.remove.confirm', { day: formatDate(x.day), name: x.name }))) return;
      void done(api.removeHoliday(x.day), t('admin.cal.removed', { day: formatDate(x.day), name: x.name }), form);
    });
    return h('tr', { 'data-day': x.day },
      h('td', { class: 'nowrap' }, formatDate(x.day)),
      h('td', { class: 'nowrap muted' }, t(weekdayKey(x.day))),
      h('td', {}, x.name),
      h('td', {}, h('span', { class: `badge badge-${x.kind === 'national' ? 'danger' : 'warning'}` }, t(`admin.cal.kind.${x.kind}`))),
      h('td', { class: 'nowrap row-tools' }, edit, remove));
  });

  const working = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: 'hol-cuti-working', checked: data.cuti_bersama_is_working }));
  working.addEventListener('change', () => {
    const what = t(working.checked ? 'admin.cal.cuti.now_working' : 'admin.cal.cuti.now_off');
    void done(api.setCutiBersama(working.checked), what, form);
  });
  const importButton = h('button', { type: 'button', class: 'button button-quiet', id: 'hol-import' }, t('admin.cal.import', { year: shownYear }));
  importButton.addEventListener('click', async () => {
    if (!window.confirm(t('admin.cal.import.confirm', { year: shownYear }))) return;
    try {
      const moved = await api.importHolidays(shownYear);
      if (moved === null) return; // the dialog was cancelled
      await showCalendarTab(ctx, movedPanel(ctx, moved, t('admin.cal.imported', { year: shownYear })));
    } catch (error) {
      const line = form.querySelector('.form-message');
      if (line) line.textContent = refusal(/** @type {CommandError} */ (error));
    }
  });

  replace(ctx.panel,
    h('div', { class: 'admin-bar' },
      h('h3', {}, t('admin.cal.title')),
      h('div', { class: 'year-picker' }, prev,
        h('div', { class: 'field' }, h('label', { for: 'hol-year' }, t('admin.cal.year')), year), next),
      h('label', { class: 'check', for: 'hol-cuti-working' }, working, t('admin.cal.cuti.working')),
      importButton),
    after,
    h('section', { class: 'card' }, formTitle, form),
    h('div', { class: 'table-wrap' }, rows.length === 0
      ? h('p', { class: 'empty', id: 'hol-empty' }, t('admin.cal.empty', { year: shownYear }))
      : h('table', { class: 'data-table', id: 'hol-table' },
        h('caption', { class: 'muted' }, t('admin.cal.count', { n: rows.length, year: shownYear })),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('admin.cal.day')), h('th', { scope: 'col' }, t('admin.cal.weekday')),
          h('th', { scope: 'col' }, t('admin.cal.name')), h('th', { scope: 'col' }, t('admin.cal.kind')),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('admin.cal.actions'))))),
        h('tbody', {}, rows))));
  document.body.dataset.holidayYear = String(shownYear);
}
