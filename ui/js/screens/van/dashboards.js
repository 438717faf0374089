// @ts-check
/**
 * The dashboards screen: issued permits not yet handed over by village and age, permits expiring within N
 * days by village (the van carries renewal forms), the week's trips, and the satisfaction index (IKM).
 * @module screens/van/dashboards
 */

import * as api from '../../api/van.js';
import { formatDate, language, t } from '../../i18n/dictionary.js';
import { tripBadge } from '../../widgets/badges.js';
import { h, replace } from '../../widgets/dom.js';
import { clearErrors, field, showError } from '../../widgets/forms.js';
import { dataTable as table } from '../../widgets/table.js';

/** @typedef {import('../../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../../api/van.js').Trip} Trip */
/** @typedef {import('../../router.js').ScreenContext} ScreenContext */

/** The default window of the expiring list, in days. */
export const DEFAULT_DAYS = 30;

/** The window last shown, kept when the screen is drawn again (a language switch, the navigation). */
let lastDays = DEFAULT_DAYS;

/**
 * An IKM number as the office writes it: two decimals with a comma in Indonesian.
 * @param {number} value
 * @param {string} lang
 * @returns {string}
 */
export function ikmText(value, lang) {
  const fixed = value.toFixed(2);
  return lang === 'id' ? fixed.replace('.', ',') : fixed;
}

/**
 * Shows the dashboards.
 * @param {ScreenContext} ctx
 * @param {number} [days]
 */
export async function showDashboards(ctx, days = lastDays) {
  let d;
  try {
    d = await api.dashboards(days);
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  const lang = language();
  const village = (/** @type {{ village: string | null, village_code: string | null }} */ r) =>
    r.village ?? r.village_code ?? t('dash.village.none');

  const form = h('form', { class: 'dash-days', id: 'dash-form', novalidate: true },
    field('dash-days', 'dash.days', { type: 'number', value: String(d.days) }),
    h('button', { type: 'submit', class: 'button', id: 'dash-refresh' }, t('dash.refresh')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const input = /** @type {HTMLInputElement} */ (form.querySelector('#dash-days'));
    const n = Number(input.value);
    if (!Number.isInteger(n) || n < 1) {
      showError(form, 'dash-', { code: 'invalid', message: t('dash.days.invalid'), field: 'days' });
      return;
    }
    try {
      await api.dashboards(n);
      await showDashboards(ctx, n);
    } catch (error) {
      showError(form, 'dash-', /** @type {CommandError} */ (error));
    }
  });

  const undelivered = table('dash-undelivered',
    ['dash.col.village', 'dash.col.total', 'dash.col.week', 'dash.col.month', 'dash.col.older', 'dash.col.oldest'],
    d.undelivered.map((r) => [village(r), r.total, r.up_to_7_days, r.days_8_to_30, r.over_30_days, formatDate(r.oldest_issued_on)]),
    'dash.undelivered.none');
  const expiring = table('dash-expiring',
    ['dash.col.village', 'dash.col.count', 'dash.col.first_expiry'],
    d.expiring.map((r) => [village(r), r.count, formatDate(r.first_expiry)]),
    'dash.expiring.none');
  const trips = table('dash-trips',
    ['van.col.date', 'van.col.vehicle', 'van.col.stops', 'van.col.permits', 'van.col.status'],
    d.trips.map((r) => [formatDate(r.date), r.vehicle, r.stops, r.permits, tripBadge(r.status)]),
    'dash.trips.none');
  const ikm = d.ikm.responses === 0
    ? h('p', { class: 'empty', id: 'dash-ikm' }, t('dash.ikm.none'))
    : h('div', { id: 'dash-ikm' },
      h('p', { class: 'ikm-total' },
        h('span', { class: 'ikm-value' }, ikmText(d.ikm.ikm, lang)),
        ` ${t('dash.ikm.grade', { grade: d.ikm.grade ?? '—' })} · ${t('dash.ikm.responses', { count: d.ikm.responses })}`),
      table('dash-ikm-types', ['dash.col.permit_type', 'dash.col.responses', 'dash.col.ikm', 'dash.col.grade'],
        d.ikm_by_type.map((r) => [r.permit_type, r.responses, ikmText(r.ikm, lang), r.grade ?? '—']),
        'dash.ikm.none'));

  replace(ctx.root,
    h('div', { class: 'toolbar' },
      h('div', { class: 'toolbar-title' },
        h('h2', { id: 'dash-title' }, t('dash.title')),
        h('p', { class: 'muted' }, t('van.trips.today', { date: formatDate(d.today) })))),
    h('div', { class: 'dash-grid' },
      h('section', { class: 'card' }, h('h3', {}, t('dash.undelivered')), undelivered),
      h('section', { class: 'card' },
        h('h3', {}, t('dash.expiring', { days: d.days })), form, expiring),
      h('section', { class: 'card' }, h('h3', {}, t('dash.trips')), trips),
      h('section', { class: 'card' },
        h('h3', {}, t('dash.ikm', { from: formatDate(d.survey_from), to: formatDate(d.survey_to) })), ikm)));
  document.body.dataset.screen = 'dashboards';
  document.body.dataset.dashDays = String(d.days);
  lastDays = d.days;
}
