// @ts-check
/**
 * The Laporan screen: one of the five reports for a period (a month, a quarter, a year, a range, or the
 * next N days for expiring permits) narrowed by permit type, district, village and channel; each table
 * with its chart beside it, and the report saved as PDF, XLSX or CSV. What a user may read (a clerk: their
 * own counter) and every figure come from the core; this module only draws them.
 * @module screens/reports
 */

import * as api from '../api/reports.js';
import { formatDate, has, language, t } from '../i18n/dictionary.js';
import { errorMessage } from '../i18n/format.js';
import { chart, formatNumber } from '../widgets/chart.js';
import { h, replace } from '../widgets/dom.js';
import { fileActions } from '../widgets/file-actions.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../api/reports.js').Cell} Cell */
/** @typedef {import('../api/reports.js').Choices} Choices */
/** @typedef {import('../api/reports.js').Report} Report */
/** @typedef {import('../api/reports.js').ReportKind} ReportKind */
/** @typedef {import('../api/reports.js').ReportQuery} ReportQuery */
/** @typedef {import('../router.js').ScreenContext} ScreenContext */

/**
 * What the form asks for, kept when the screen is drawn again (a language switch, the navigation).
 * @typedef {object} Asked
 * @property {ReportKind} kind
 * @property {'month' | 'quarter' | 'year' | 'range' | 'next'} period
 * @property {number} year
 * @property {number} month
 * @property {number} quarter
 * @property {string} from
 * @property {string} to
 * @property {number} days
 * @property {string} permitType
 * @property {string} district
 * @property {string} village
 * @property {string} channel
 */

/** What the signed-in user last asked; another user starts afresh. @type {{ user: string, ask: Asked } | null} */
let asked = null;

/**
 * The form's first state: this month's recap, everything.
 * @param {string} today ISO day
 * @returns {Asked}
 */
export function initialAsk(today) {
  const [year, month] = today.split('-').map(Number);
  return {
    kind: 'recap', period: 'month', year, month, quarter: Math.ceil(month / 3), from: today, to: today,
    days: 30, permitType: '', district: '', village: '', channel: '',
  };
}

/**
 * An ISO day `n` days after `iso`.
 * @param {string} iso
 * @param {number} n
 * @returns {string}
 */
export function addDays(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * The query the core is asked: a preset, or the days of a range.
 * @param {Asked} a
 * @param {string} today
 * @returns {ReportQuery}
 */
export function queryOf(a, today) {
  /** @type {ReportQuery} */
  const q = {
    permit_type: a.permitType || null,
    district: a.district || null,
    village: a.village || null,
    channel: a.channel === 'counter' || a.channel === 'van' ? a.channel : null,
  };
  if (a.period === 'month') q.preset = { kind: 'month', year: a.year, month: a.month };
  else if (a.period === 'quarter') q.preset = { kind: 'quarter', year: a.year, quarter: a.quarter };
  else if (a.period === 'year') q.preset = { kind: 'year', year: a.year };
  else if (a.period === 'next') {
    q.from = today;
    q.to = addDays(today, a.days);
  } else {
    q.from = a.from;
    q.to = a.to;
  }
  return q;
}

/**
 * A label from the dictionary, or the core's Indonesian text when the window has none.
 * @param {string} key
 * @param {string} fallback
 * @returns {string}
 */
function label(key, fallback) {
  return has(key) ? t(key) : fallback;
}

/**
 * A month key (`2026-11`) as the window writes it.
 * @param {string} key
 * @returns {string}
 */
export function monthText(key) {
  const [y, m] = key.split('-').map(Number);
  return `${t(`month.${m}`)} ${y}`;
}

/**
 * A cell as the window writes it in its language.
 * @param {Cell} c
 * @param {string} lang
 * @returns {string}
 */
export function cellText(c, lang) {
  switch (c.t) {
    case 'text': return c.v === 'Jumlah' ? t('report.total') : label(`report.text.${c.v}`, c.v);
    case 'int': return formatNumber(c.v, 0, lang);
    case 'num': return formatNumber(c.v.value, c.v.places, lang);
    case 'pct': return c.v === null ? '–' : formatNumber(c.v, 1, lang);
    case 'date': return formatDate(c.v);
    case 'month': return monthText(c.v);
    default: return '–';
  }
}

/**
 * A report's table, numbers right-aligned, the total row in bold.
 * @param {Report} r
 * @param {import('../api/reports.js').Table} table
 * @param {string} lang
 * @returns {HTMLElement}
 */
function tableOf(r, table, lang) {
  const id = `report-table-${table.key}`;
  if (table.rows.length === 0) return h('p', { class: 'empty', id }, t('report.empty'));
  return h('table', { class: 'data-table report-table', id },
    h('caption', {}, label(`report.table.${r.kind}.${table.key}`, table.title)),
    h('thead', {}, h('tr', {}, table.columns.map((c) =>
      h('th', { scope: 'col', class: c.numeric ? 'num' : null, 'data-col': c.key }, label(`report.col.${c.key}`, c.title))))),
    h('tbody', {}, table.rows.map((row) => h('tr', { class: row.total ? 'total' : null },
      row.cells.map((cell, i) => h(i === 0 ? 'th' : 'td', {
        scope: i === 0 ? 'row' : null,
        class: table.columns[i]?.numeric ? 'num' : null,
        'data-col': table.columns[i]?.key,
      }, cellText(cell, lang)))))));
}

/**
 * The report drawn: its title and filters, then each table with its charts beside it.
 * @param {Report} r
 * @returns {HTMLElement[]}
 */
function reportBody(r) {
  const lang = language();
  const head = h('div', { class: 'report-head' },
    h('h3', { id: 'report-title' }, `${label(`report.kind.${r.kind}`, r.title)} · ${periodText(r)}`),
    h('p', { class: 'muted', id: 'report-filters' }, r.filters.map((f) => `${t(`report.filter.${f.key}`)}: ${filterText(r, f)}`).join(' · ')),
    r.scope_note ? h('p', { class: 'muted', id: 'report-scope' }, t('report.own_counter')) : null);
  const blocks = r.tables.map((table) => {
    const charts = r.charts.filter((c) => c.table === table.key);
    const note = table.note ? h('p', { class: 'muted report-note' }, label(`report.note.${r.kind}.${table.key}`, table.note)) : null;
    if (charts.length === 0) return h('section', { class: 'card report-block' }, tableOf(r, table, lang), note);
    return h('section', { class: 'card report-block report-pair' },
      h('div', { class: 'report-charts' }, charts.map((c) => h('figure', { class: 'report-chart' },
        chart(c, {
          title: label(`report.chart.${r.kind}.${c.key}`, c.title),
          categories: c.categories.map((cell) => cellText(cell, lang)),
          series: c.series.map((s) => label(`report.col.${s.key}`, s.title)),
          lang,
        }, `report-chart-${c.key}`),
        h('figcaption', {}, label(`report.chart.${r.kind}.${c.key}`, c.title))))),
      h('div', { class: 'report-side' }, tableOf(r, table, lang), note));
  });
  return [head, ...blocks];
}

/**
 * A filter's value as the window writes it: the window's own words for "all" and for a channel, the
 * register's names for a permit type, district or village.
 * @param {Report} r
 * @param {{ key: string, value: string }} f
 * @returns {string}
 */
export function filterText(r, f) {
  const q = r.query;
  switch (f.key) {
    case 'permit_type': return q.permit_type ? f.value : t('report.filter.all.permit_type');
    case 'district': return q.district || q.village ? f.value : t('report.filter.all.district');
    case 'village': return q.village ? f.value : t('report.filter.all.village');
    case 'channel': return q.channel ? t(`report.channel.${q.channel}`) : t('report.filter.all.channel');
    default: return f.value;
  }
}

/**
 * A quarter as an office writes it: `Triwulan IV`, `Q4`.
 * @param {number} n 1 to 4
 * @returns {string}
 */
export function quarterText(n) {
  return t('report.quarter.n', { n, roman: ['I', 'II', 'III', 'IV'][n - 1] ?? String(n) });
}

/**
 * The period as the window writes it: a whole month, quarter or year by its name, any other run of days
 * by its two ends.
 * @param {Report} r
 * @returns {string}
 */
export function periodText(r) {
  const { from, to } = r.period;
  const [y, m, d] = from.split('-').map(Number);
  const lastOf = (/** @type {number} */ months) => addDays(new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10), -1);
  if (d === 1 && to === lastOf(1)) return monthText(from.slice(0, 7));
  if (d === 1 && m % 3 === 1 && to === lastOf(3)) return `${quarterText((m + 2) / 3)} ${y}`;
  if (d === 1 && m === 1 && to === lastOf(12)) return String(y);
  return from === to ? formatDate(from) : t('report.period.range', { from: formatDate(from), to: formatDate(to) });
}

/**
 * A labelled select.
 * @param {string} id
 * @param {string} labelKey
 * @param {{ value: string, label: string }[]} options
 * @param {string} value
 * @returns {HTMLElement}
 */
function select(id, labelKey, options, value) {
  return h('div', { class: 'field' },
    h('label', { for: id }, t(labelKey)),
    h('select', { id, name: id }, options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label))));
}

/**
 * A labelled number or date input.
 * @param {string} id @param {string} labelKey @param {string} type @param {string} value
 * @returns {HTMLElement}
 */
function input(id, labelKey, type, value) {
  return h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), h('input', { id, name: id, type, value }));
}

/**
 * Shows the Laporan screen.
 * @param {ScreenContext} ctx
 */
export async function showReports(ctx) {
  /** @type {Choices} */
  let choices;
  try {
    choices = await api.reportChoices();
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  const a = asked?.user === ctx.user.username ? asked.ask : initialAsk(choices.today);
  asked = { user: ctx.user.username, ask: a };
  const body = h('div', { class: 'report-body', id: 'report-body', 'aria-live': 'polite' });
  const message = h('p', { class: 'form-message', id: 'report-message', role: 'status' });
  const files = h('div', { id: 'report-files' });
  const all = { value: '', label: t('report.all') };
  const kinds = choices.kinds.map((k) => ({ value: k, label: t(`report.kind.${k}`) }));
  const periods = ['month', 'quarter', 'year', 'range', 'next'].map((p) => ({ value: p, label: t(p === 'range' ? 'report.period.range_kind' : `report.period.${p}`) }));
  const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t(`month.${i + 1}`) }));
  const quarters = [1, 2, 3, 4].map((q) => ({ value: String(q), label: quarterText(q) }));
  const villagesOf = (/** @type {string} */ district) => [
    all,
    ...choices.villages.filter((v) => !district || v.district === district).map((v) => ({ value: v.code, label: v.name })),
  ];
  const form = h('form', { class: 'report-form', id: 'report-form', novalidate: true },
    select('report-kind', 'report.field.kind', kinds, a.kind),
    select('report-period', 'report.field.period', periods, a.period),
    input('report-year', 'report.field.year', 'number', String(a.year)),
    select('report-month', 'report.field.month', months, String(a.month)),
    select('report-quarter', 'report.field.quarter', quarters, String(a.quarter)),
    input('report-from', 'report.field.from', 'date', a.from),
    input('report-to', 'report.field.to', 'date', a.to),
    input('report-days', 'report.field.days', 'number', String(a.days)),
    select('report-type', 'report.field.permit_type', [all, ...choices.permit_types.map((p) => ({ value: p.code, label: `${p.code} – ${p.name}` }))], a.permitType),
    select('report-district', 'report.field.district', [all, ...choices.districts.map((d) => ({ value: d.code, label: d.name }))], a.district),
    select('report-village', 'report.field.village', villagesOf(a.district), a.village),
    select('report-channel', 'report.field.channel', [all, { value: 'counter', label: t('report.channel.counter') }, { value: 'van', label: t('report.channel.van') }], a.channel),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button', id: 'report-show' }, t('report.show'))));
  const value = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (form.querySelector(`#${id}`)).value;
  /** Shows only the period's own inputs. */
  const periodFields = () => {
    const p = value('report-period');
    const shown = {
      'report-year': ['month', 'quarter', 'year'].includes(p), 'report-month': p === 'month', 'report-quarter': p === 'quarter',
      'report-from': p === 'range', 'report-to': p === 'range', 'report-days': p === 'next',
    };
    for (const [id, on] of Object.entries(shown)) {
      const box = /** @type {HTMLElement} */ (form.querySelector(`#${id}`)?.parentElement);
      box.hidden = !on;
    }
  };
  const read = () => {
    Object.assign(a, {
      kind: /** @type {ReportKind} */ (value('report-kind')),
      period: /** @type {Asked['period']} */ (value('report-period')),
      year: Number(value('report-year')), month: Number(value('report-month')), quarter: Number(value('report-quarter')),
      from: value('report-from'), to: value('report-to'), days: Number(value('report-days')),
      permitType: value('report-type'), district: value('report-district'), village: value('report-village'), channel: value('report-channel'),
    });
  };
  const draw = async () => {
    read();
    message.textContent = '';
    replace(files);
    try {
      const r = await api.report(a.kind, queryOf(a, choices.today));
      replace(body, ...reportBody(r));
      document.body.dataset.reportFrom = r.period.from;
      document.body.dataset.reportTo = r.period.to;
      document.body.dataset.reportKind = r.kind;
    } catch (error) {
      replace(body);
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void draw();
  });
  form.querySelector('#report-period')?.addEventListener('change', periodFields);
  form.querySelector('#report-district')?.addEventListener('change', () => {
    const villages = /** @type {HTMLSelectElement} */ (form.querySelector('#report-village'));
    replace(villages, villagesOf(value('report-district')).map((o) => h('option', { value: o.value }, o.label)));
  });
  const save = (/** @type {'pdf' | 'xlsx' | 'csv'} */ format) => {
    const button = h('button', { type: 'button', class: 'button button-quiet', id: `report-save-${format}` }, t(`report.save.${format}`));
    button.addEventListener('click', async () => {
      read();
      message.textContent = t('report.saving');
      try {
        const file = await api.saveReport(a.kind, queryOf(a, choices.today), format);
        message.textContent = '';
        replace(files, fileActions(file, `report-${format}`, {}));
      } catch (error) {
        message.textContent = errorMessage(/** @type {CommandError} */ (error));
      }
    });
    return button;
  };
  replace(ctx.root,
    h('div', { class: 'toolbar' },
      h('div', { class: 'toolbar-title' },
        h('h2', { id: 'report-screen-title' }, t('report.title')),
        h('p', { class: 'muted' }, t('van.trips.today', { date: formatDate(choices.today) })))),
    h('div', { class: 'report-grid' },
      form,
      h('div', { class: 'actions report-save' }, h('span', { class: 'muted' }, t('report.save')), save('pdf'), save('xlsx'), save('csv')),
      message,
      files,
      body));
  periodFields();
  document.body.dataset.screen = 'reports';
  await draw();
}
