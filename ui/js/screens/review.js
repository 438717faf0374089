// @ts-check
/**
 * The review screen (Tinjauan) for clerks and admins at the office: what the van's check-ins could not
 * decide. Each conflict shows its kind (with what the rule means), the rule's reason, the van's data, the
 * crew member and the van's clock, and the case and permit it names; the decisions are those the core
 * offers for it (apply, take the van's applicant data, dismiss with a reason). The core audits each one.
 * @module screens/review
 */

import * as api from '../api/offline.js';
import { t } from '../i18n/dictionary.js';
import { errorMessage, formatDateTime } from '../i18n/format.js';
import { h, replace } from '../widgets/dom.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../api/offline.js').Conflict} Conflict */
/** @typedef {import('../api/offline.js').Decision} Decision */
/** @typedef {import('../router.js').ScreenContext} ScreenContext */

/**
 * A field of a parsed payload as text.
 * @param {unknown} value
 * @returns {string}
 */
function text(value) {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * One line saying what the van did, from its data; null when the kind has no summary.
 * @param {Conflict} c
 * @returns {string | null}
 */
export function vanSummary(c) {
  /** @type {Record<string, any>} */
  let data;
  try {
    data = JSON.parse(c.payload);
  } catch {
    return null;
  }
  if (c.action === 'register') {
    const input = data.input ?? {};
    const applicant = input.applicant ?? {};
    return t('review.summary.register', {
      name: text(applicant.name), nik: text(applicant.nik), permit: text(input.permit_type), van_number: text(data.van_number),
    });
  }
  if (c.action === 'outcome') {
    const outcome = data.outcome ?? {};
    if (outcome.outcome !== 'delivered') return t('review.summary.outcome.failed');
    const r = outcome.recipient ?? {};
    return r.kind === 'proxy'
      ? t('review.summary.outcome.proxy', { name: text(r.name), nik: text(r.nik) })
      : t('review.summary.outcome.holder', { nik: text(r.nik) });
  }
  return null;
}

/**
 * The van's data, indented, for the details line.
 * @param {string} payload
 * @returns {string}
 */
export function prettyPayload(payload) {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/**
 * Shows the review list.
 * @param {ScreenContext} ctx
 * @param {boolean} [all] resolved ones too
 * @param {string} [notice] what the last decision did
 */
export async function showReview(ctx, all = false, notice = '') {
  /** @type {Conflict[]} */
  let list;
  try {
    list = await api.vanConflicts(all);
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  const message = h('p', { class: 'form-message', id: 'review-message', role: 'status', 'aria-live': 'polite' }, notice);

  /**
   * Takes a decision and redraws the list.
   * @param {Conflict} c
   * @param {import('../api/offline.js').Resolution} resolution
   */
  async function decide(c, resolution) {
    try {
      const done = await api.resolveConflict(c.id, resolution);
      await showReview(ctx, all, t('review.done', { id: String(done.id), status: t(`review.status.${done.status}`) }));
    } catch (error) {
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  }

  /**
   * The decision buttons of one conflict (and the reason field of a dismissal).
   * @param {Conflict} c
   */
  function decisions(c) {
    const box = h('div', { class: 'review-decide' });
    for (const d of c.decisions) {
      const b = h('button', { type: 'button', class: d === 'dismiss' ? 'button button-quiet' : 'button',
        'data-decide': d, 'data-conflict': c.id }, t(`review.decide.${d}`));
      b.addEventListener('click', () => {
        if (d === 'apply') void decide(c, { decision: 'apply' });
        else if (d === 'use_van_data') void decide(c, { decision: 'use_van_data' });
        else askReason(c, box);
      });
      box.append(b);
    }
    return box;
  }

  /**
   * Replaces the buttons with the reason a dismissal needs.
   * @param {Conflict} c
   * @param {HTMLElement} box
   */
  function askReason(c, box) {
    const id = `review-reason-${c.id}`;
    const input = h('input', { type: 'text', id, required: true });
    const form = h('form', { class: 'review-decide', 'data-dismiss': c.id, novalidate: true },
      h('div', { class: 'field field-grow' }, h('label', { for: id }, t('review.dismiss.reason')), input),
      h('button', { type: 'submit', class: 'button', id: `review-dismiss-${c.id}` }, t('review.dismiss.confirm')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void decide(c, { decision: 'dismiss', reason: /** @type {HTMLInputElement} */ (input).value.trim() });
    });
    replace(box, form);
    input.focus();
  }

  /** @param {Conflict} c */
  function card(c) {
    const summary = vanSummary(c);
    const open = c.case_id !== null
      ? h('button', { type: 'button', class: 'link', 'data-open-case': c.case_id }, t('review.case', { number: c.case_number ?? '' }))
      : null;
    open?.addEventListener('click', () => ctx.openCase(/** @type {number} */ (c.case_id)));
    return h('section', { class: c.status === 'open' ? 'card review-card' : 'card review-card resolved',
      'data-conflict': c.id, 'data-kind': c.kind, 'data-status': c.status, 'aria-labelledby': `review-title-${c.id}` },
    h('h3', { id: `review-title-${c.id}` }, `#${c.id} · ${t(`review.kind.${c.kind}`)} · ${t(`review.action.${c.action}`)}`,
      h('span', { class: 'sub-inline' }, ` · ${t(`review.status.${c.status}`)}`)),
    h('p', { class: 'muted' }, t(`review.kind.${c.kind}.hint`)),
    h('p', {}, t('review.by', { user: c.van_actor, at: formatDateTime(c.van_at) })),
    open || c.permit_number ? h('p', {}, open, c.permit_number ? ` · ${t('review.permit', { number: c.permit_number, holder: c.holder ?? '' })}` : '') : null,
    summary ? h('p', { class: 'review-summary' }, summary) : null,
    h('details', {}, h('summary', {}, t('review.van_data')), h('pre', { class: 'van-data' }, prettyPayload(c.payload))),
    h('p', { class: 'sub' }, `${t('review.reason')}: ${c.reason}`),
    c.resolution ? h('p', { class: 'sub' }, c.resolution) : null,
    decisions(c));
  }

  const showAll = h('input', { type: 'checkbox', id: 'review-all', checked: all });
  showAll.addEventListener('change', () => void showReview(ctx, /** @type {HTMLInputElement} */ (showAll).checked));
  replace(ctx.root,
    h('div', { class: 'toolbar' },
      h('div', { class: 'toolbar-title' }, h('h2', { id: 'review-title' }, t('review.title')),
        h('p', { class: 'muted' }, t('review.hint'))),
      h('label', { class: 'check', for: 'review-all' }, showAll, t('review.all'))),
    message,
    h('div', { class: 'review-body', id: 'review-list', 'data-count': String(list.length) },
      list.length === 0 ? h('p', { class: 'empty', id: 'review-none' }, t('review.none')) : list.map(card)));
  document.body.dataset.screen = 'review';
}
