// @ts-check
/**
 * The van's trips screen: the trips still to do and the recent ones, and the form to plan a trip (date,
 * vehicle, crew from the couriers, villages in visiting order chosen from the villages that need the van
 * most). A trip opens on its own page (`screens/van/trip.js`), the plan form on its own (`plan.js`).
 * @module screens/van/trips
 */

import * as api from '../../api/van.js';
import { formatDate, t } from '../../i18n/dictionary.js';
import { tripBadge } from '../../widgets/badges.js';
import { h, replace } from '../../widgets/dom.js';
import { mineFirst, splitTrips } from './model.js';
import { pickupCard } from './pickups.js';
import { showPlanForm } from './plan.js';
import { showTrip } from './trip.js';

/** @typedef {import('../../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../../api/van.js').Trip} Trip */
/** @typedef {import('../../router.js').ScreenContext} ScreenContext */

export { tripBadge };

/**
 * A table of trips; a row's button opens the trip.
 * @param {Trip[]} trips
 * @param {string} id
 * @param {(trip: Trip) => void} open
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
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  const split = splitTrips(data.trips);
  const me = ctx.user.username;
  // The crew find their own van first.
  const open = ctx.user.role === 'courier' ? mineFirst(split.open, me) : split.open;
  const closed = split.closed;
  const openTrip = (/** @type {Trip} */ trip) => void showTrip(ctx, trip.id, () => void showTrips(ctx));
  const head = h('div', { class: 'toolbar' },
    h('div', { class: 'toolbar-title' },
      h('h2', { id: 'trips-title' }, t('van.trips.title')),
      h('p', { class: 'muted' }, t('van.trips.today', { date: formatDate(data.today) }))));
  if (ctx.can('plan_trips')) {
    const plan = h('button', { type: 'button', class: 'button', id: 'trips-plan' }, t('van.plan.open'));
    const back = () => void showTrips(ctx);
    plan.addEventListener('click', () => void showPlanForm(ctx, back, (id) => void showTrip(ctx, id, back)));
    head.append(plan);
  }
  const pickups = await pickupCard(ctx, open).catch((error) => {
    ctx.error(/** @type {CommandError} */ (error));
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
