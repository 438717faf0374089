// @ts-check
/**
 * The van's trips screen: the trips still to do and the recent ones, and the form to plan a trip (date,
 * vehicle, crew from the couriers, villages in visiting order chosen from the villages that need the van
 * most). A trip opens on its own page (`tripview.js`).
 * @module trips
 */

import * as api from './api.js';
import { h, replace } from './dom.js';
import { clearErrors, field, showError, valueOf } from './forms.js';
import { formatDate, t } from './i18n.js';
import { pickupCard, villageSelect } from './pickups.js';
import { fieldError, showTrip } from './tripview.js';
import { PLANNERS, addStop, daysText, mineFirst, moveItem, removeStop, splitTrips, tripTone } from './van.js';

/**
 * The screen context the navigation hands over.
 * @typedef {object} ScreenContext
 * @property {HTMLElement} root the screen's section
 * @property {api.Actor} user the signed-in user
 * @property {() => void} back back to the case list
 * @property {(e: api.CommandError) => void} error shows a command error
 * @property {(id: number) => void} openCase opens the case screen
 * @property {(returnTo?: () => void | Promise<void>) => void} register opens the register screen, coming back here
 */

/**
 * A trip status badge: colour and words.
 * @param {string} status
 * @returns {HTMLElement}
 */
export function tripBadge(status) {
  return h('span', { class: `badge badge-${tripTone(status)}`, 'data-trip-status': status }, t(`van.status.${status}`));
}

/**
 * A table of trips; a row's button opens the trip.
 * @param {api.Trip[]} trips
 * @param {string} id
 * @param {(trip: api.Trip) => void} open
 * @param {string} [me] the signed-in username: their trips are marked
 * @returns {HTMLElement}
 */
export function tripTable(trips, id, open, me) {
  if (trips.length === 0) return h('p', { class: 'empty', id }, t('van.trips.none'));
  return h('table', { class: 'data-table', id },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('van.col.date')),
      h('th', { scope: 'col' }, t('van.col.vehicle')),
      h('th', { scope: 'col' }, t('van.col.crew')),
      h('th', { scope: 'col' }, t('van.col.stops')),
      h('th', { scope: 'col' }, t('van.col.permits')),
      h('th', { scope: 'col' }, t('van.col.status')),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('van.open'))))),
    h('tbody', {}, trips.map((trip) => {
      const button = h('button', { type: 'button', class: 'button button-quiet', 'data-open-trip': trip.id },
        t('van.open'));
      button.addEventListener('click', () => open(trip));
      const mine = me !== undefined && trip.crew.includes(me);
      return h('tr', { 'data-trip': trip.id, class: mine ? 'trip-mine' : null, 'data-mine': mine ? 'true' : null },
        h('td', { class: 'nowrap' }, formatDate(trip.date)),
        h('td', {}, trip.vehicle),
        h('td', {}, trip.crew.join(', '), mine ? h('span', { class: 'tag tag-mine' }, t('van.trips.mine')) : null),
        h('td', {}, trip.stops),
        h('td', {}, trip.permits),
        h('td', {}, tripBadge(trip.status)),
        h('td', {}, button));
    })));
}

/**
 * Shows the trips screen.
 * @param {ScreenContext} ctx
 */
export async function showTrips(ctx) {
  let data;
  try {
    data = await api.listTrips();
  } catch (error) {
    ctx.error(/** @type {api.CommandError} */ (error));
    return;
  }
  const split = splitTrips(data.trips);
  const me = ctx.user.username;
  // The crew find their own van first.
  const open = ctx.user.role === 'courier' ? mineFirst(split.open, me) : split.open;
  const closed = split.closed;
  const openTrip = (/** @type {api.Trip} */ trip) => void showTrip(ctx, trip.id, () => void showTrips(ctx));
  const head = h('div', { class: 'toolbar' },
    h('div', { class: 'toolbar-title' },
      h('h2', { id: 'trips-title' }, t('van.trips.title')),
      h('p', { class: 'muted' }, t('van.trips.today', { date: formatDate(data.today) }))));
  if (PLANNERS.has(ctx.user.role)) {
    const plan = h('button', { type: 'button', class: 'button', id: 'trips-plan' }, t('van.plan.open'));
    plan.addEventListener('click', () => void showPlanForm(ctx));
    head.append(plan);
  }
  const pickups = await pickupCard(ctx, open).catch((error) => {
    ctx.error(/** @type {api.CommandError} */ (error));
    return null;
  });
  if (!pickups) return;
  replace(ctx.root,
    head,
    h('div', { class: 'van-body' },
      h('section', { class: 'card' }, h('h3', {}, t('van.trips.open')), tripTable(open, 'trips-open', openTrip, me)),
      pickups,
      h('section', { class: 'card' }, h('h3', {}, t('van.trips.closed')), tripTable(closed, 'trips-closed', openTrip, me))));
  document.body.dataset.screen = 'trips';
  document.body.dataset.tripsLoaded = String(Date.now());
}

/**
 * Shows the plan form: date, vehicle, crew, and the villages in visiting order.
 * @param {ScreenContext} ctx
 */
export async function showPlanForm(ctx) {
  let choices;
  try {
    choices = await api.tripPlanChoices();
  } catch (error) {
    ctx.error(/** @type {api.CommandError} */ (error));
    return;
  }
  /** @type {string[]} */
  let chosen = [];
  /** @type {Map<string, { village: string, district: string }>} */
  const names = new Map(choices.all_villages.map((v) => [v.code, { village: v.name, district: v.district }]));
  for (const v of choices.villages) names.set(v.village_code, v);
  const other = villageSelect('plan-other', choices.all_villages);
  const addOther = h('button', { type: 'button', class: 'button button-quiet', id: 'plan-other-add' }, t('van.plan.add'));
  addOther.addEventListener('click', () => {
    const code = /** @type {HTMLSelectElement} */ (other).value;
    if (code) { chosen = addStop(chosen, code); redraw(); }
  });

  const chosenList = h('ol', { class: 'stops-chosen', id: 'plan-stops', 'aria-live': 'polite' });
  const suggestions = h('tbody', {});

  function drawChosen() {
    replace(chosenList, chosen.length === 0
      ? h('li', { class: 'muted' }, t('van.plan.stops.none'))
      : chosen.map((code, i) => {
        const v = names.get(code);
        const label = v ? `${v.village} (${v.district})` : code;
        const up = h('button', { type: 'button', class: 'button button-quiet icon-button', 'data-stop-up': code,
          'aria-label': t('van.plan.up', { village: label }), disabled: i === 0 }, '↑');
        const down = h('button', { type: 'button', class: 'button button-quiet icon-button', 'data-stop-down': code,
          'aria-label': t('van.plan.down', { village: label }), disabled: i === chosen.length - 1 }, '↓');
        const remove = h('button', { type: 'button', class: 'button button-quiet icon-button', 'data-stop-remove': code,
          'aria-label': t('van.plan.remove', { village: label }) }, '✕');
        up.addEventListener('click', () => { chosen = moveItem(chosen, i, -1); redraw(); });
        down.addEventListener('click', () => { chosen = moveItem(chosen, i, 1); redraw(); });
        remove.addEventListener('click', () => { chosen = removeStop(chosen, code); redraw(); });
        return h('li', { 'data-stop': code }, h('span', { class: 'stop-name' }, label), h('span', { class: 'stop-tools' }, up, down, remove));
      }));
  }

  function drawSuggestions() {
    replace(suggestions, choices.villages.length === 0
      ? h('tr', {}, h('td', { colspan: 6, class: 'empty' }, t('van.plan.villages.none')))
      : choices.villages.map((v) => {
        const add = h('button', { type: 'button', class: 'button button-quiet', 'data-suggest': v.village_code,
          disabled: chosen.includes(v.village_code) }, chosen.includes(v.village_code) ? t('van.plan.added') : t('van.plan.add'));
        add.addEventListener('click', () => { chosen = addStop(chosen, v.village_code); redraw(); });
        return h('tr', { 'data-village': v.village_code },
          h('td', {}, v.village, h('span', { class: 'sub' }, `${v.district} · ${v.village_code}`)),
          h('td', {}, v.undelivered),
          h('td', {}, v.open_pickups),
          h('td', { class: 'nowrap' }, daysText(v.oldest_days)),
          h('td', {}, add));
      }));
  }

  function redraw() {
    drawChosen();
    drawSuggestions();
  }

  const crew = h('fieldset', { id: 'plan-crew', class: 'crew-choice', 'aria-describedby': 'plan-crew-message' },
    h('legend', {}, t('van.plan.crew')),
    choices.couriers.length === 0 ? h('p', { class: 'muted' }, t('van.plan.crew.none')) : null,
    choices.couriers.map((c) => h('label', { class: 'check', for: `plan-crew-${c.username}` },
      h('input', { type: 'checkbox', id: `plan-crew-${c.username}`, value: c.username, 'data-crew': c.username }),
      `${c.full_name} (${c.username})`)),
    h('p', { class: 'field-message', id: 'plan-crew-message' }));

  // A plain ISO date with the day written out beside it: a date picker would show the system locale's
  // order (mm/dd/yyyy under an English locale), not the Indonesian one.
  const dateField = field('plan-date', 'van.plan.date', { value: choices.today, required: true });
  const dateInput = /** @type {HTMLInputElement} */ (dateField.querySelector('input'));
  dateInput.setAttribute('placeholder', 'YYYY-MM-DD');
  dateInput.setAttribute('inputmode', 'numeric');
  const dateHint = h('p', { class: 'nik-info', id: 'plan-date-info', 'aria-live': 'polite' }, formatDate(choices.today));
  dateField.insertBefore(dateHint, dateField.querySelector('.field-message'));
  dateInput.addEventListener('input', () => { dateHint.textContent = formatDate(dateInput.value.trim()); });
  const form = h('form', { id: 'plan-form', class: 'plan-form', novalidate: true },
    h('div', { class: 'plan-grid' },
      h('div', { class: 'plan-left' },
        h('div', { class: 'grid' },
          dateField,
          field('plan-vehicle', 'van.plan.vehicle', { required: true }),
          field('plan-note', 'van.plan.note')),
        crew,
        h('fieldset', { class: 'stops-box' },
          h('legend', {}, t('van.plan.stops')),
          chosenList,
          h('p', { class: 'field-message', id: 'plan-villages-message' }),
          h('div', { class: 'other-village' },
            h('div', { class: 'field field-grow' }, h('label', { for: 'plan-other' }, t('van.plan.other')), other),
            addOther))),
      h('section', { class: 'plan-right', 'aria-labelledby': 'plan-villages-title' },
        h('h3', { id: 'plan-villages-title' }, t('van.plan.villages')),
        h('p', { class: 'muted small' }, t('van.plan.villages.hint')),
        h('div', { class: 'table-wrap suggest-wrap' },
          h('table', { class: 'data-table', id: 'plan-villages' },
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col' }, t('van.col.village')),
              h('th', { scope: 'col' }, t('van.col.waiting')),
              h('th', { scope: 'col' }, t('van.col.requests')),
              h('th', { scope: 'col' }, t('van.col.oldest')),
              h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('van.plan.add'))))),
            suggestions)))),
    h('p', { class: 'form-message', id: 'plan-message', role: 'status' }));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const crewNames = [...form.querySelectorAll('[data-crew]')]
      .filter((i) => /** @type {HTMLInputElement} */ (i).checked)
      .map((i) => /** @type {HTMLInputElement} */ (i).value);
    const note = valueOf(form, 'plan-note');
    try {
      const id = await api.createTrip({
        date: valueOf(form, 'plan-date'),
        vehicle: valueOf(form, 'plan-vehicle'),
        crew: crewNames,
        villages: chosen,
        note: note || null,
      });
      await showTrip(ctx, id, () => void showTrips(ctx));
    } catch (error) {
      const e = /** @type {api.CommandError} */ (error);
      if (e.field === 'crew' || e.field === 'villages') {
        const line = form.querySelector(`#plan-${e.field}-message`);
        if (line) line.textContent = fieldError(e).message;
      } else showError(form, 'plan-', fieldError(e));
    }
  });

  const back = h('button', { type: 'button', class: 'button button-quiet', id: 'plan-back' }, `← ${t('van.trips.back')}`);
  back.addEventListener('click', () => void showTrips(ctx));
  redraw();
  // The save button sits in the bar, always in view however long the list of stops grows.
  const save = h('button', { type: 'submit', class: 'button', id: 'plan-save', form: 'plan-form' }, t('van.plan.save'));
  replace(ctx.root,
    h('div', { class: 'case-bar plan-bar' }, back, h('h2', { id: 'plan-title' }, t('van.plan.title')), save),
    form);
  document.body.dataset.screen = 'trip-plan';
  /** @type {HTMLElement | null} */ (form.querySelector('#plan-vehicle'))?.focus();
}
