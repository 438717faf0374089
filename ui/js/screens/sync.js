// @ts-check
/**
 * The sync screen (Sinkronisasi) for clerks, couriers and admins. At the office: the planned and out trips,
 * each taken onto this laptop with one button (the core writes the van's register into the app-data folder
 * and the window switches to it: the crew then signs in there). On the van laptop: what waits, the office
 * register the van file remembers (or an office file chosen in the dialog), "finished for today", and the
 * check-in with a progress bar and its result (applied, applied before, conflicts); a finished day puts
 * the window back on the office register.
 * @module screens/sync
 */

import * as api from '../api/offline.js';
import { formatDate, t } from '../i18n/dictionary.js';
import { errorMessage, formatDateTime } from '../i18n/format.js';
import { tripBadge } from '../widgets/badges.js';
import { h, replace } from '../widgets/dom.js';
import { field, showError, valueOf } from '../widgets/forms.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../api/offline.js').SyncScreen} SyncScreen */
/** @typedef {import('../api/offline.js').CheckinReport} CheckinReport */
/** @typedef {import('../router.js').ScreenContext} ScreenContext */

/**
 * What a check-in's result says.
 * @param {CheckinReport} r
 * @returns {string}
 */
export function checkinText(r) {
  return t('sync.result', {
    actions: String(r.actions),
    applied: String(r.applied),
    already: String(r.already_applied),
    conflicts: String(r.conflicts),
  });
}

/**
 * The office's side: the trips a laptop can take.
 * @param {ScreenContext} ctx
 * @param {SyncScreen} data
 * @param {HTMLElement} message
 */
function officeSide(ctx, data, message) {
  const form = h('form', { id: 'sync-checkout-form', class: 'gate-form', novalidate: true },
    field('sync-van', 'sync.van.name', { value: 'VAN1', required: true, hint: t('sync.van.name.hint') }));
  form.addEventListener('submit', (event) => event.preventDefault());
  const rows = data.trips.map((trip) => {
    let tool;
    if (trip.checked_out_to) {
      tool = h('span', { class: 'muted', 'data-away': trip.id }, t('sync.away', { van: trip.checked_out_to }));
    } else {
      tool = h('button', { type: 'button', class: 'button', 'data-checkout': trip.id }, t('sync.checkout'));
      tool.addEventListener('click', async () => {
        message.textContent = '';
        try {
          const made = await api.checkoutTrip(trip.id, valueOf(form, 'sync-van'));
          message.textContent = t('sync.checkout.done', { trip: String(made.trip_id), van: made.van, permits: String(made.permits) });
          message.dataset.checkedOut = made.file;
          // The window works on the van's file now: start over there (sign-in for the crew).
          setTimeout(ctx.restart, 2000);
        } catch (error) {
          const e = /** @type {CommandError} */ (error);
          if (e.field === 'van') showError(form, 'sync-', e);
          else message.textContent = errorMessage(e);
        }
      });
    }
    return h('tr', { 'data-trip': trip.id },
      h('td', {}, `#${trip.id}`, h('span', { class: 'sub' }, formatDate(trip.date))),
      h('td', {}, trip.vehicle, h('span', { class: 'sub' }, trip.crew.join(', '))),
      h('td', {}, tripBadge(trip.status)),
      h('td', { class: 'num' }, String(trip.permits)),
      h('td', {}, tool));
  });
  const table = rows.length === 0
    ? h('p', { class: 'empty', id: 'sync-trips' }, t('sync.none'))
    : h('table', { class: 'data-table', id: 'sync-trips' },
      h('thead', {}, h('tr', {},
        ['sync.col.trip', 'van.col.vehicle', 'van.col.status', 'van.col.permits', 'van.col.actions']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows));
  return [h('p', { class: 'muted' }, t('sync.office.hint')), form, table, message];
}

/**
 * The van laptop's side: what waits, and the check-in.
 * @param {ScreenContext} ctx
 * @param {SyncScreen} data
 * @param {HTMLElement} message
 */
function vanSide(ctx, data, message) {
  const van = /** @type {NonNullable<SyncScreen['van']>} */ (data.van);
  let chosen = data.office_chosen;
  const office = h('p', { id: 'sync-office' });
  const drawOffice = () => {
    office.textContent = chosen
      ? t('sync.office.chosen', { file: chosen })
      : van.office_address ? t('sync.van.office', { address: van.office_address }) : t('sync.van.office.unknown');
  };
  drawOffice();
  const choose = h('button', { type: 'button', class: 'button button-quiet', id: 'sync-choose-office' }, t('sync.office.choose'));
  choose.addEventListener('click', async () => {
    try {
      const name = await api.chooseOfficeFile();
      if (name) {
        chosen = name;
        drawOffice();
      }
    } catch (error) {
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  });
  const finish = h('input', { type: 'checkbox', id: 'sync-finish' });
  const progress = /** @type {HTMLProgressElement} */ (h('progress', { id: 'sync-progress', class: 'sync-progress', max: 1, value: 0,
    'aria-labelledby': 'sync-progress-text', hidden: true }));
  const progressText = h('p', { id: 'sync-progress-text', 'aria-live': 'polite' });
  const result = h('div', { id: 'sync-result', role: 'status' });
  const checkin = h('button', { type: 'button', class: 'button', id: 'sync-checkin' }, t('sync.checkin'));
  checkin.addEventListener('click', async () => {
    checkin.setAttribute('disabled', '');
    message.textContent = '';
    replace(result);
    progress.hidden = false;
    try {
      const report = await api.checkinVan(Boolean(chosen), /** @type {HTMLInputElement} */ (finish).checked, ({ done, total }) => {
        progress.max = Math.max(total, 1);
        progress.value = done;
        progressText.textContent = t('sync.progress', { done: String(done), total: String(total) });
      });
      progress.max = Math.max(report.actions, 1);
      progress.value = report.actions;
      const next = h('button', { type: 'button', class: 'button', id: 'sync-continue' }, t('sync.continue'));
      next.addEventListener('click', report.finished ? ctx.restart : () => void showSync(ctx));
      Object.assign(result.dataset, {
        applied: String(report.applied),
        already: String(report.already_applied),
        conflicts: String(report.conflicts),
        finished: String(report.finished),
      });
      replace(result,
        h('p', { class: 'sync-result' }, checkinText(report)),
        h('p', {}, t(report.finished ? 'sync.result.finished' : 'sync.result.open')),
        h('div', { class: 'form-actions' }, next));
      next.focus();
    } catch (error) {
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
      checkin.removeAttribute('disabled');
    }
  });
  return [
    h('section', { class: 'card', id: 'sync-van-card' },
      h('h3', {}, t('sync.van.title')),
      h('p', {}, t('sync.van.trip', { trip: String(van.trip_id), van: van.van, at: formatDateTime(van.checked_out_at) })),
      h('p', { id: 'sync-pending', 'data-pending': String(van.pending) },
        t('sync.van.pending', { pending: String(van.pending), recorded: String(van.recorded) })),
      office,
      h('div', { class: 'form-actions' }, choose)),
    h('label', { class: 'check', for: 'sync-finish' }, finish, t('sync.finish')),
    h('div', { class: 'form-actions' }, checkin),
    progress, progressText, result, message,
  ];
}

/**
 * Shows the sync screen.
 * @param {ScreenContext} ctx
 */
export async function showSync(ctx) {
  /** @type {SyncScreen} */
  let data;
  try {
    data = await api.syncScreen();
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  const message = h('p', { class: 'form-message', id: 'sync-message', role: 'status', 'aria-live': 'polite' });
  const body = data.van ? vanSide(ctx, data, message) : officeSide(ctx, data, message);
  replace(ctx.root,
    h('div', { class: 'toolbar' }, h('div', { class: 'toolbar-title' },
      h('h2', { id: 'sync-title' }, t('sync.title')),
      h('p', { class: 'muted mono' }, data.address))),
    h('div', { class: 'sync-body' }, ...body));
  document.body.dataset.screen = 'sync';
  document.body.dataset.syncPlace = data.van ? 'van' : 'office';
}
