// @ts-check
/**
 * One trip's page. For the planner: the stops in order with their permits, the pool of waiting permits of
 * each stop to assign (the whole village in one click, or one by one), taking a permit off while the trip
 * is planned. For everyone: the manifest and handover record as PDFs, starting and closing the trip. For
 * the crew (courier, trip out): the stop list with big buttons to record each permit's outcome and the
 * optional satisfaction survey after a handover. A closed trip is read-only.
 * @module screens/van/trip
 */

import * as api from '../../api/van.js';
import { formatDate, has, t } from '../../i18n/dictionary.js';
import { errorMessage } from '../../i18n/format.js';
import { tripBadge } from '../../widgets/badges.js';
import { h, replace } from '../../widgets/dom.js';
import { clearErrors, field, showError, valueOf } from '../../widgets/forms.js';
import { intakeCard } from './intake.js';
import {
  FAIL_REASONS, PICKUP_OUTCOMES, SURVEY_ITEMS, daysBetween, issuedAgo, outcomeText,
  poolByStop, surveyAnswers, tally,
} from './model.js';

/** @typedef {import('../../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../../api/van.js').Carried} Carried */
/** @typedef {import('../../api/van.js').DeliveryOutcome} DeliveryOutcome */
/** @typedef {import('../../api/van.js').TripPage} TripPage */
/** @typedef {import('../../router.js').ScreenContext} ScreenContext */

/**
 * A permit number that may wrap after its slashes only (never inside a token), as text and `<wbr>`s.
 * @param {string} number
 * @returns {(string | HTMLElement)[]}
 */
export function breakable(number) {
  return number.split('/').flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), `/${part}`]));
}

/**
 * An invalid-input error with the field's own explanation in the window's language before the core's
 * detail (which is in English), e.g. "NIK penerima kuasa tidak sah (the proxy's NIK is not valid: …)".
 * @param {CommandError} error
 * @returns {CommandError}
 */
export function fieldError(error) {
  const key = `van.error.${error.field}`;
  if (error.code !== 'invalid' || !error.field || !has(key)) return error;
  return { ...error, message: `${t(key)} (${error.message})`, translated: true };
}

/**
 * Shows trip `id` in the screen's section.
 * @param {ScreenContext} ctx
 * @param {number} id
 * @param {() => void} backToTrips
 */
export async function showTrip(ctx, id, backToTrips) {
  /** @type {TripPage} */
  let page;
  const message = h('p', { class: 'form-message', id: 'trip-message', role: 'status', 'aria-live': 'polite' });
  /** The case whose survey form is open after a handover, if any. @type {number | null} */
  let surveyFor = null;

  /**
   * Runs a change and redraws with the page it answers; an error shows in the message line.
   * @param {() => Promise<TripPage>} change
   * @param {string} [done] the message on success
   */
  async function apply(change, done) {
    try {
      page = await change();
      render();
      message.textContent = done ?? '';
    } catch (error) {
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
      message.dataset.code = /** @type {CommandError} */ (error).code;
    }
  }

  /** @param {'manifest' | 'handover'} paper */
  function paperButton(paper) {
    const button = h('button', { type: 'button', class: 'button button-quiet', id: `trip-${paper}` }, t(`van.paper.${paper}`));
    button.addEventListener('click', async () => {
      try {
        const path = await api.saveTripPdf(id, paper);
        const view = h('button', { type: 'button', class: 'link', id: 'trip-view-pdf' }, t('van.paper.view'));
        view.addEventListener('click', () => {
          api.openTripPdf(id, paper).catch((error) => {
            message.textContent = errorMessage(/** @type {CommandError} */ (error));
          });
        });
        replace(message, t('van.saved', { path }), ' ', view);
        message.dataset.saved = path;
      } catch (error) {
        message.textContent = errorMessage(/** @type {CommandError} */ (error));
      }
    });
    return button;
  }

  /** Back to the top of the page, where the trip's new status shows. */
  function top() {
    ctx.root.scrollTop = 0;
  }

  function actions() {
    const box = h('div', { class: 'trip-actions', id: 'trip-actions' }, paperButton('manifest'), paperButton('handover'));
    const status = page.trip.status;
    if (status === 'planned' && ctx.can('drive_trips')) {
      const start = h('button', { type: 'button', class: 'button', id: 'trip-start' }, t('van.start'));
      start.addEventListener('click', () => void apply(() => api.startTrip(id), t('van.started')).then(top));
      box.append(start);
    }
    if (status === 'out' && ctx.can('drive_trips')) {
      const close = h('button', { type: 'button', class: 'button', id: 'trip-close' }, t('van.close'));
      close.addEventListener('click', () => void apply(() => api.closeTrip(id), t('van.closed')).then(top));
      box.append(close);
    }
    return box;
  }

  /**
   * The outcome form for one permit, in a row under it.
   * @param {Carried} c
   * @param {'holder' | 'proxy' | 'failed'} kind
   * @param {HTMLElement} row the permit's row
   */
  function outcomeForm(c, kind, row) {
    for (const open of ctx.root.querySelectorAll('.outcome-row')) open.remove();
    const inputs = kind === 'holder'
      ? [h('p', { class: 'muted' }, t('van.holder.hint', { name: c.holder })), field('out-nik', 'van.holder.nik', { required: true })]
      : kind === 'proxy'
        ? [h('div', { class: 'grid' },
          field('out-recipient_name', 'van.proxy.name', { required: true }),
          field('out-recipient_nik', 'van.proxy.nik', { required: true }),
          field('out-relation', 'van.proxy.relation', { required: true }),
          field('out-authority_letter', 'van.proxy.letter', { required: true }))]
        : [h('fieldset', { class: 'reasons' }, h('legend', {}, t('van.failed.reason')),
          FAIL_REASONS.map((r, i) => h('label', { class: 'reason', for: `out-reason-${r}` },
            h('input', { type: 'radio', name: 'out-reason', id: `out-reason-${r}`, value: r, checked: i === 0 }),
            t(`van.reason.${r}`)))),
        field('out-note', 'van.failed.note', { grow: true })];
    const form = h('form', { class: 'outcome-form', id: 'outcome-form', 'data-kind': kind, novalidate: true },
      h('h4', {}, t(`van.record.${kind}`), ' — ', c.permit_number ?? '', ' · ', c.holder),
      inputs,
      h('p', { class: 'form-message', role: 'status' }),
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'button big', id: 'outcome-save' }, t('van.record.save')),
        h('button', { type: 'button', class: 'button button-quiet big', id: 'outcome-cancel' }, t('case.cancel'))));
    form.querySelector('#outcome-cancel')?.addEventListener('click', () => render());
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      /** @type {DeliveryOutcome} */
      let outcome;
      if (kind === 'holder') outcome = { outcome: 'delivered', recipient: { kind: 'holder', nik: valueOf(form, 'out-nik') } };
      else if (kind === 'proxy') {
        outcome = {
          outcome: 'delivered',
          recipient: {
            kind: 'proxy',
            name: valueOf(form, 'out-recipient_name'),
            nik: valueOf(form, 'out-recipient_nik'),
            relation: valueOf(form, 'out-relation'),
            authority_letter: valueOf(form, 'out-authority_letter'),
          },
        };
      } else {
        const picked = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="out-reason"]:checked'));
        const note = valueOf(form, 'out-note');
        outcome = { outcome: 'not_delivered', reason: picked?.value ?? 'not_home', note: note || null };
      }
      try {
        page = await api.recordDelivery(id, c.case_id, outcome);
        surveyFor = kind === 'failed' ? null : c.case_id;
        render();
        message.textContent = t('van.recorded', { number: c.permit_number ?? '' });
      } catch (error) {
        showError(form, 'out-', fieldError(/** @type {CommandError} */ (error)));
      }
    });
    const cells = row.children.length;
    row.after(h('tr', { class: 'outcome-row' }, h('td', { colspan: cells }, form)));
    form.scrollIntoView({ block: 'nearest' });
    /** @type {HTMLElement | null} */ (form.querySelector('input:not([type="radio"]), input'))?.focus();
  }

  /**
   * The optional SKM survey after a handover: nine items scored 1–4.
   * @param {Carried} c
   */
  function surveyForm(c) {
    const form = h('form', { class: 'survey-form', id: 'survey-form', novalidate: true },
      h('h4', {}, t('van.survey.title'), ' — ', c.permit_number ?? ''),
      h('p', { class: 'muted' }, t('van.survey.hint')),
      h('div', { class: 'survey-items' }, Array.from({ length: SURVEY_ITEMS }, (_, i) => h('fieldset', { class: 'survey-item' },
        h('legend', {}, `${i + 1}. ${t(`survey.item.${i + 1}`)}`),
        [1, 2, 3, 4].map((score) => h('label', { class: 'score', for: `survey-${i + 1}-${score}` },
          h('input', { type: 'radio', name: `survey-${i + 1}`, id: `survey-${i + 1}-${score}`, value: score }),
          h('span', {}, String(score))))))),
      h('p', { class: 'form-message', id: 'survey-message', role: 'status' }),
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'button big', id: 'survey-save' }, t('van.survey.save')),
        h('button', { type: 'button', class: 'button button-quiet big', id: 'survey-skip' }, t('van.survey.skip'))));
    form.querySelector('#survey-skip')?.addEventListener('click', () => { surveyFor = null; render(); });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = Array.from({ length: SURVEY_ITEMS }, (_, i) => {
        const picked = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="survey-${i + 1}"]:checked`));
        return picked ? Number(picked.value) : null;
      });
      const checked = surveyAnswers(values);
      const line = /** @type {HTMLElement} */ (form.querySelector('#survey-message'));
      if ('missing' in checked) {
        line.textContent = t('van.survey.missing', { items: checked.missing.join(', ') });
        return;
      }
      try {
        await api.recordSurvey(c.case_id, checked.answers);
        surveyFor = null;
        render();
        message.textContent = t('van.survey.saved');
      } catch (error) {
        line.textContent = errorMessage(/** @type {CommandError} */ (error));
      }
    });
    return form;
  }

  /**
   * One permit's row on a stop.
   * @param {Carried} c
   */
  function permitRow(c) {
    const outcome = outcomeText(c);
    const tools = h('div', { class: 'row-tools' });
    const open = h('button', { type: 'button', class: 'link', 'data-open-case': c.case_id }, t('van.case'));
    open.addEventListener('click', () => ctx.openCase(c.case_id));
    const row = h('tr', { 'data-case': c.case_id, 'data-outcome': c.outcome ?? '' },
      h('td', { class: 'permit-cell' }, h('span', { class: 'mono' }, breakable(c.permit_number ?? '—')), h('span', { class: 'sub' }, c.permit_type), open),
      h('td', {}, c.holder, h('span', { class: 'sub' }, c.address)),
      h('td', {}, h('span', { class: `outcome outcome-${outcome.tone}` }, outcome.text)),
      hasTools() ? h('td', {}, tools) : null);
    const status = page.trip.status;
    if (status === 'planned' && ctx.can('plan_trips')) {
      const off = h('button', { type: 'button', class: 'button button-quiet', 'data-unassign': c.case_id }, t('van.unassign'));
      off.addEventListener('click', () => void apply(() => api.unassignPermit(id, c.case_id)));
      tools.append(off);
    }
    if (status === 'out' && ctx.can('record_deliveries') && !c.outcome) {
      for (const kind of /** @type {const} */ (['holder', 'proxy', 'failed'])) {
        const b = h('button', { type: 'button', class: `button big record-${kind}`, 'data-record': kind, 'data-case': c.case_id },
          t(`van.record.${kind}`));
        b.addEventListener('click', () => outcomeForm(c, kind, row));
        tools.append(b);
      }
    }
    const rows = [row];
    if (surveyFor === c.case_id && (c.outcome === 'holder' || c.outcome === 'proxy')) {
      rows.push(h('tr', { class: 'outcome-row' }, h('td', { colspan: 4 }, surveyForm(c))));
    }
    return rows;
  }

  /** Whether the signed-in user has buttons on the permits' rows (else the table has no tools column). */
  function hasTools() {
    const status = page.trip.status;
    return (status === 'planned' && ctx.can('plan_trips')) || (status === 'out' && ctx.can('record_deliveries'));
  }

  function stops() {
    return page.stops.map((s) => h('section', { class: 'card stop', 'data-stop': s.village_code, 'data-position': s.position },
      h('h3', {}, `${s.position}. ${s.village}`, h('span', { class: 'sub-inline' }, ` · ${s.district} · ${s.village_code}`)),
      s.permits.length === 0
        ? h('p', { class: 'muted' }, t('van.stop.empty'))
        : h('table', { class: hasTools() ? 'data-table stop-table' : 'data-table stop-table stop-table-readonly' },
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col', class: 'col-permit' }, t('van.col.permit')),
            h('th', { scope: 'col', class: 'col-holder' }, t('van.col.holder')),
            h('th', { scope: 'col', class: 'col-outcome' }, t('van.col.outcome')),
            hasTools() ? h('th', { scope: 'col', class: 'col-tools' }, h('span', { class: 'sr-only' }, t('van.col.actions'))) : null)),
          h('tbody', {}, s.permits.flatMap(permitRow)))));
  }

  function pool() {
    const groups = poolByStop(page.pool, page.stops);
    const canAssign = ctx.can('plan_trips') && page.trip.status !== 'closed';
    return h('section', { class: 'card', id: 'trip-pool' },
      h('h3', {}, t('van.pool.title')),
      groups.map((g) => {
        const all = h('button', { type: 'button', class: 'button', 'data-assign-village': g.village_code },
          t('van.pool.assign_all', { count: g.permits.length }));
        all.addEventListener('click', () => void apply(() => api.assignVillage(id, g.village_code)));
        return h('div', { class: 'pool-group', 'data-pool': g.village_code },
          h('div', { class: 'pool-head' }, h('h4', {}, `${g.position}. ${g.village}`), canAssign && g.permits.length > 0 ? all : null),
          g.permits.length === 0
            ? h('p', { class: 'muted' }, t('van.pool.empty'))
            : h('ul', { class: 'pool-list' }, g.permits.map((w) => {
              const one = h('button', { type: 'button', class: 'button button-quiet', 'data-assign-case': w.case_id }, t('van.pool.assign'));
              one.addEventListener('click', () => void apply(() => api.assignPermits(id, [w.case_id])));
              return h('li', { 'data-waiting': w.case_id },
                h('span', { class: 'mono' }, breakable(w.permit_number ?? '—')),
                h('span', {}, w.holder),
                h('span', { class: 'sub-inline' }, issuedAgo(daysBetween(w.issued_on, today)),
                  w.attempts > 0 ? ` · ${t('van.pool.attempts', { count: w.attempts })}` : ''),
                canAssign ? one : null);
            })));
      }));
  }

  let today = '';

  /** The pick-up requests put on this trip; the crew (or a clerk) records how each ended while it is out. */
  function pickups() {
    if (page.pickups.length === 0) return null;
    const canClose = ctx.can('close_pickups') && page.trip.status === 'out';
    return h('section', { class: 'card', id: 'trip-pickups' },
      h('h3', {}, t('van.pickup.on_trip')),
      h('ul', { class: 'pool-list' }, page.pickups.map((p) => {
        const row = h('li', { 'data-pickup': p.id },
          h('span', {}, `${p.name} · ${p.village}`, p.phone ? ` · ${p.phone}` : ''),
          h('span', { class: 'sub-inline' }, p.purpose, ' · ',
            p.outcome ? t(`van.pickup.${p.outcome}`) : t('van.outcome.none')));
        if (canClose && !p.outcome) {
          for (const o of PICKUP_OUTCOMES.slice(0, 3)) {
            const b = h('button', { type: 'button', class: 'button button-quiet', 'data-pickup-close': p.id, 'data-outcome': o },
              t(`van.pickup.${o}`));
            b.addEventListener('click', () => void apply(async () => {
              await api.closePickup(p.id, o, null);
              return api.tripPage(id);
            }));
            row.append(b);
          }
        }
        return row;
      })));
  }

  /** Applications taken in the van: the crew bags originals, the counter receives the bags. */
  function intake() {
    const status = page.trip.status;
    if (status === 'planned' || !(ctx.can('bag_originals') || ctx.can('receive_bags'))) return null;
    return intakeCard({
      tripId: id,
      status,
      crew: ctx.can('bag_originals'),
      counter: ctx.can('receive_bags'),
      register: () => ctx.register(() => showTrip(ctx, id, backToTrips)),
      openCase: ctx.openCase,
      message: (text) => {
        message.textContent = text;
      },
    });
  }

  function render() {
    const trip = page.trip;
    const count = tally(page.stops);
    const back = h('button', { type: 'button', class: 'button button-quiet', id: 'trip-back' }, `← ${t('van.trips.back')}`);
    back.addEventListener('click', backToTrips);
    const crewMode = ctx.can('record_deliveries');
    ctx.root.classList.toggle('crew-mode', crewMode);
    const showPool = ctx.can('plan_trips') && trip.status !== 'closed';
    replace(ctx.root,
      h('div', { class: 'case-bar trip-bar' }, back,
        h('h2', { id: 'trip-title' }, t('van.trip.title', { id: trip.id, date: formatDate(trip.date) })),
        tripBadge(trip.status, 'trip-status')),
      h('p', { class: 'trip-facts' },
        `${t('van.col.vehicle')}: ${trip.vehicle} · ${t('van.col.crew')}: ${page.crew_names.join(', ')} · `,
        h('span', { id: 'trip-tally' }, t('van.tally', count))),
      trip.status === 'closed' ? h('p', { class: 'notice' }, t('van.closed.readonly')) : null,
      h('div', { class: 'trip-top' }, actions(), message),
      h('div', { class: showPool ? 'trip-body' : 'trip-body trip-body-single' },
        h('div', { class: 'trip-stops', id: 'trip-stops' }, stops(), pickups(), intake()),
        showPool ? pool() : null));
    document.body.dataset.screen = crewMode ? 'stop-list' : 'trip';
    document.body.dataset.tripStatus = trip.status;
    document.body.dataset.tripId = String(trip.id);
    document.body.dataset.tripVersion = String(Number(document.body.dataset.tripVersion ?? 0) + 1);
  }

  try {
    const [p, list] = await Promise.all([api.tripPage(id), api.listTrips()]);
    page = p;
    today = list.today;
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  render();
  /** @type {HTMLElement | null} */ (ctx.root.querySelector('#trip-back'))?.focus();
}
