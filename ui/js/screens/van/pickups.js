// @ts-check
/**
 * Pick-up requests on the trips screen: the open requests, the form to write one down (name, phone,
 * village, purpose), putting a request on a trip, and recording how it ended.
 * @module screens/van/pickups
 */

import * as api from '../../api/van.js';
import { formatDate, t } from '../../i18n/dictionary.js';
import { errorMessage, formatDateTime } from '../../i18n/format.js';
import { h, replace } from '../../widgets/dom.js';
import { clearErrors, field, showError, valueOf } from '../../widgets/forms.js';
import { villageSelect } from '../../widgets/village-select.js';
import { PICKUP_OUTCOMES } from './model.js';

/** @typedef {import('../../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../../api/office.js').Village} Village */
/** @typedef {import('../../api/van.js').Pickup} Pickup */
/** @typedef {import('../../api/van.js').PickupOutcome} PickupOutcome */
/** @typedef {import('../../api/van.js').Trip} Trip */
/** @typedef {import('../../router.js').ScreenContext} ScreenContext */

/**
 * The pick-up card of the trips screen.
 * @param {ScreenContext} ctx
 * @param {readonly Trip[]} openTrips trips a request can be put on (planned or out)
 * @returns {Promise<HTMLElement>}
 */
export async function pickupCard(ctx, openTrips) {
  const card = h('section', { class: 'card', id: 'pickups', 'aria-labelledby': 'pickups-title' });
  const message = h('p', { class: 'form-message', id: 'pickup-message', role: 'status', 'aria-live': 'polite' });

  /** @param {{ pickups: Pickup[], villages: Village[] }} data */
  function draw(data) {
    const rows = data.pickups.map((p) => {
      const tools = h('div', { class: 'row-tools' });
      if (ctx.can('plan_trips') && p.trip_id === null) {
        const trips = openTrips.filter((x) => x.status !== 'closed');
        const select = h('select', { id: `pickup-trip-${p.id}`, 'aria-label': t('van.pickup.trip_for', { name: p.name }) },
          trips.map((x) => h('option', { value: x.id }, `#${x.id} · ${formatDate(x.date)} · ${x.vehicle}`)));
        const assign = h('button', { type: 'button', class: 'button button-quiet', 'data-pickup-assign': p.id, disabled: trips.length === 0 },
          t('van.pickup.assign'));
        assign.addEventListener('click', () => void change(() =>
          api.assignPickup(p.id, Number(/** @type {HTMLSelectElement} */ (select).value))));
        tools.append(select, assign);
      }
      if (ctx.can('close_pickups')) {
        const outcome = h('select', { id: `pickup-outcome-${p.id}`, 'aria-label': t('van.pickup.outcome_for', { name: p.name }) },
          PICKUP_OUTCOMES.map((o) => h('option', { value: o }, t(`van.pickup.${o}`))));
        const note = h('input', { id: `pickup-note-${p.id}`, type: 'text', 'aria-label': t('van.pickup.note'), placeholder: t('van.pickup.note') });
        const close = h('button', { type: 'button', class: 'button button-quiet', 'data-pickup-close': p.id }, t('van.pickup.close'));
        close.addEventListener('click', () => {
          const text = /** @type {HTMLInputElement} */ (note).value.trim();
          void change(() => api.closePickup(p.id, /** @type {PickupOutcome} */ (/** @type {HTMLSelectElement} */ (outcome).value), text || null));
        });
        tools.append(outcome, note, close);
      }
      return h('tr', { 'data-pickup': p.id },
        h('td', { class: 'nowrap' }, formatDateTime(p.requested_at)),
        h('td', {}, p.name, h('span', { class: 'sub' }, p.phone ?? '')),
        h('td', {}, p.village, h('span', { class: 'sub' }, p.village_code)),
        h('td', {}, p.purpose),
        h('td', {}, p.trip_id === null ? t('van.pickup.no_trip') : `#${p.trip_id}`),
        h('td', {}, tools));
    });
    const list = rows.length === 0
      ? h('p', { class: 'empty', id: 'pickups-table' }, t('van.pickup.none'))
      : h('table', { class: 'data-table', id: 'pickups-table' },
        h('thead', {}, h('tr', {},
          ['van.pickup.col.when', 'van.pickup.col.who', 'van.col.village', 'van.pickup.col.purpose', 'van.pickup.col.trip', 'van.col.actions']
            .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, rows));
    let form = null;
    if (ctx.can('request_pickups')) {
      form = h('form', { id: 'pickup-form', class: 'pickup-form', novalidate: true },
        h('div', { class: 'grid' },
          field('pickup-name', 'van.pickup.name', { required: true }),
          field('pickup-phone', 'van.pickup.phone'),
          h('div', { class: 'field' }, h('label', { for: 'pickup-village_code' }, t('van.col.village')),
            villageSelect('pickup-village_code', data.villages),
            h('p', { class: 'field-message', id: 'pickup-village_code-message' })),
          field('pickup-purpose', 'van.pickup.purpose', { required: true })),
        h('p', { class: 'form-message' }),
        h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', id: 'pickup-save' }, t('van.pickup.save'))));
      const f = form;
      f.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(f);
        const phone = valueOf(f, 'pickup-phone');
        try {
          draw(await api.requestPickup({
            name: valueOf(f, 'pickup-name'),
            phone: phone || null,
            village_code: /** @type {HTMLSelectElement} */ (f.querySelector('#pickup-village_code')).value,
            purpose: valueOf(f, 'pickup-purpose'),
          }));
          message.textContent = t('van.pickup.saved');
        } catch (error) {
          showError(f, 'pickup-', /** @type {CommandError} */ (error));
        }
      });
    }
    replace(card, h('h3', { id: 'pickups-title' }, t('van.pickup.title')), list, message, form);
  }

  /** @param {() => Promise<{ pickups: Pickup[], villages: Village[] }>} run */
  async function change(run) {
    try {
      draw(await run());
      message.textContent = t('van.pickup.done');
    } catch (error) {
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  }

  draw(await api.pickupScreen());
  return card;
}
