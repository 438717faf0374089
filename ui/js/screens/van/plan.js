// @ts-check
/**
 * The form that plans a van trip: date, vehicle, crew from the couriers, and the villages in visiting
 * order chosen from the villages that need the van most (or any other village of the regency).
 * @module screens/van/plan
 */

import * as api from '../../api/van.js';
import { formatDate, t } from '../../i18n/dictionary.js';
import { h, replace } from '../../widgets/dom.js';
import { clearErrors, field, showError, valueOf } from '../../widgets/forms.js';
import { villageSelect } from '../../widgets/village-select.js';
import { addStop, daysText, moveItem, removeStop } from './model.js';
import { fieldError } from './trip.js';

/** @typedef {import('../../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../../router.js').ScreenContext} ScreenContext */

/**
 * Shows the plan form: date, vehicle, crew, and the villages in visiting order.
 * @param {ScreenContext} ctx
 * @param {() => void} backToTrips
 * @param {(id: number) => void} openTrip the trip just planned
 */
export async function showPlanForm(ctx, backToTrips, openTrip) {
  /** @type {Awaited<ReturnType<typeof api.tripPlanChoices>>} */
  let choices;
  try {
    choices = await api.tripPlanChoices();
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
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
      openTrip(id);
    } catch (error) {
      const e = /** @type {CommandError} */ (error);
      if (e.field === 'crew' || e.field === 'villages') {
        const line = form.querySelector(`#plan-${e.field}-message`);
        if (line) line.textContent = fieldError(e).message;
      } else showError(form, 'plan-', fieldError(e));
    }
  });

  const back = h('button', { type: 'button', class: 'button button-quiet', id: 'plan-back' }, `← ${t('van.trips.back')}`);
  back.addEventListener('click', backToTrips);
  redraw();
  // The save button sits in the bar, always in view however long the list of stops grows.
  const save = h('button', { type: 'submit', class: 'button', id: 'plan-save', form: 'plan-form' }, t('van.plan.save'));
  replace(ctx.root,
    h('div', { class: 'case-bar plan-bar' }, back, h('h2', { id: 'plan-title' }, t('van.plan.title')), save),
    form);
  document.body.dataset.screen = 'trip-plan';
  /** @type {HTMLElement | null} */ (form.querySelector('#plan-vehicle'))?.focus();
}
