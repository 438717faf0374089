// @ts-check
/**
 * Applications taken in the van, on a trip's page. The crew (courier, trip out) puts the paper originals
 * of each application registered in the van into a sealed bag, ticking which checklist items went in; the
 * front office (clerk) receives each bag on return and writes down any discrepancy. Every step lands in
 * the cases' timelines; the core checks the roles, the crew and the bag.
 * @module screens/van/intake
 */

import * as api from '../../api/van.js';
import { t } from '../../i18n/dictionary.js';
import { formatDateTime } from '../../i18n/format.js';
import { h, replace } from '../../widgets/dom.js';
import { clearErrors, field, showError, valueOf } from '../../widgets/forms.js';

/** @typedef {import('../../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../../api/van.js').Bag} Bag */
/** @typedef {import('../../api/van.js').IntakeView} IntakeView */
/** @typedef {import('../../api/van.js').Unbagged} Unbagged */

/** The seal typed last in this window, offered again: a crew fills one bag with several applications. */
let lastSeal = '';

/**
 * The checklist positions ticked in a bag form, in checklist order.
 * @param {{ position: number, checked: boolean }[]} boxes
 * @returns {number[]}
 */
export function tickedPositions(boxes) {
  return boxes.filter((b) => b.checked).map((b) => b.position).sort((a, b) => a - b);
}

/**
 * The state line of a bag: with the crew, received, or received with a discrepancy.
 * @param {{ handed_over_at: string | null, received_by: string | null, discrepancy: string | null }} bag
 * @returns {{ text: string, tone: 'transit' | 'done' | 'warning' }}
 */
export function bagState(bag) {
  if (!bag.handed_over_at) return { text: t('intake.bag.with_crew'), tone: 'transit' };
  const received = t('intake.bag.received', { at: formatDateTime(bag.handed_over_at), by: bag.received_by ?? '' });
  if (bag.discrepancy) return { text: `${received} · ${t('intake.bag.discrepancy', { what: bag.discrepancy })}`, tone: 'warning' };
  return { text: received, tone: 'done' };
}

/**
 * The field-intake card of trip `tripId`, filled once its data arrives.
 * @param {{ tripId: number, status: string, crew: boolean, counter: boolean, register: () => void,
 *   openCase: (id: number) => void,
 *   message: (text: string) => void }} options
 * @returns {HTMLElement}
 */
export function intakeCard(options) {
  const card = h('section', { class: 'card', id: 'trip-intake' }, h('h3', {}, t('intake.title')));
  // The core says who bags originals in the field and who receives the bags at the office.
  const crew = options.crew && options.status === 'out';
  const counter = options.counter;

  /** @param {IntakeView} view */
  function draw(view) {
    /** @type {import('../../widgets/dom.js').Children[]} */
    const parts = [h('h3', {}, t('intake.title'))];
    if (crew) {
      const register = h('button', { type: 'button', class: 'button big', id: 'intake-register' }, t('intake.register'));
      register.addEventListener('click', options.register);
      parts.push(h('div', { class: 'intake-head' }, h('p', { class: 'muted' }, t('intake.crew.hint')), register));
      if (view.unbagged.length > 0) parts.push(h('h4', {}, t('intake.unbagged')), view.unbagged.map(bagForm));
    }
    if (view.bags.length === 0) parts.push(h('p', { class: 'muted', id: 'intake-no-bags' }, t('intake.bags.none')));
    else parts.push(h('h4', {}, t('intake.bags')), view.bags.map(bagCard));
    replace(card, ...parts);
    card.dataset.bags = String(view.bags.length);
    card.dataset.unbagged = String(view.unbagged.length);
  }

  /**
   * The crew's form for one van application: which originals go into which sealed bag.
   * @param {Unbagged} u
   */
  function bagForm(u) {
    const prefix = `intake-${u.case_id}-`;
    const boxes = u.documents.map(([position, label, received]) => {
      const id = `${prefix}doc-${position}`;
      return h('label', { class: 'check', for: id },
        h('input', { type: 'checkbox', id, 'data-position': position, checked: received }), `${position}. ${label}`);
    });
    const open = h('button', { type: 'button', class: 'link', 'data-open-case': u.case_id }, u.registration_number);
    open.addEventListener('click', () => options.openCase(u.case_id));
    const seal = field(`${prefix}bag_seal`, 'intake.seal', { value: lastSeal, required: true });
    const form = h('form', { class: 'intake-form', 'data-intake': u.case_id, novalidate: true },
      h('p', { class: 'intake-case' }, open, ` · ${u.applicant} · ${u.permit_type}`),
      h('fieldset', { class: 'intake-docs' }, h('legend', {}, t('intake.originals')), boxes,
        h('p', { class: 'field-message', id: `${prefix}originals-message` })),
      h('div', { class: 'intake-seal' }, seal,
        h('button', { type: 'submit', class: 'button big', 'data-bag': u.case_id }, t('intake.bag.save'))),
      h('p', { class: 'form-message', role: 'status' }));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const originals = tickedPositions([...form.querySelectorAll('input[type="checkbox"]')].map((b) => ({
        position: Number(/** @type {HTMLInputElement} */ (b).dataset.position),
        checked: /** @type {HTMLInputElement} */ (b).checked,
      })));
      const bagSeal = valueOf(form, `${prefix}bag_seal`);
      try {
        const view = await api.bagOriginals(options.tripId, { case_id: u.case_id, bag_seal: bagSeal, originals });
        lastSeal = bagSeal;
        draw(view);
        options.message(t('intake.bagged', { number: u.registration_number, seal: bagSeal }));
      } catch (error) {
        showError(form, prefix, /** @type {CommandError} */ (error));
      }
    });
    return form;
  }

  /**
   * One sealed bag: its applications and originals, and for the front office the form to receive it.
   * @param {Bag} bag
   */
  function bagCard(bag) {
    const state = bagState(bag);
    const box = h('div', { class: 'intake-bag', 'data-seal': bag.bag_seal, 'data-received': bag.handed_over_at ? 'true' : 'false' },
      h('p', { class: 'intake-bag-head' }, h('strong', { class: 'mono' }, bag.bag_seal), ' ',
        h('span', { class: `outcome outcome-${state.tone}` }, state.text)),
      h('ul', { class: 'intake-list' }, bag.cases.map((c) => {
        const open = h('button', { type: 'button', class: 'link', 'data-open-case': c.case_id }, c.registration_number);
        open.addEventListener('click', () => options.openCase(c.case_id));
        return h('li', {}, open, ` · ${c.applicant}`, h('span', { class: 'sub' }, c.originals.join('; ')));
      })));
    if (counter && !bag.handed_over_at) {
      const safe = bag.bag_seal.replace(/[^A-Za-z0-9_-]/g, '_');
      const prefix = `receive-${safe}-`;
      const form = h('form', { class: 'intake-receive', novalidate: true },
        field(`${prefix}discrepancy`, 'intake.discrepancy', { grow: true }),
        h('button', { type: 'submit', class: 'button', 'data-receive': bag.bag_seal }, t('intake.receive')),
        h('p', { class: 'form-message', role: 'status' }));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(form);
        const discrepancy = valueOf(form, `${prefix}discrepancy`);
        try {
          draw(await api.receiveBag(options.tripId, { bag_seal: bag.bag_seal, discrepancy: discrepancy || null }));
          options.message(t('intake.received', { seal: bag.bag_seal }));
        } catch (error) {
          showError(form, prefix, /** @type {CommandError} */ (error));
        }
      });
      box.append(form);
    }
    return box;
  }

  api.tripIntake(options.tripId).then(draw, (error) => {
    card.append(h('p', { class: 'form-message' }, String(/** @type {CommandError} */ (error).message)));
  });
  return card;
}
