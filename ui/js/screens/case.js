// @ts-check
/**
 * The case screen: applicant, permit data, checklist, SLA, timeline, the steps the signed-in role may
 * take (only those the core lists in `moves`), and saving the certificate or receipt as a PDF (the
 * receipt again when it could not be written at registration).
 * @module screens/case
 */

import * as api from '../api/cases.js';
import { formatDate, statusLabel, t } from '../i18n/dictionary.js';
import { errorMessage, formatDateTime, moveLabel, roleLabel, slaText } from '../i18n/format.js';
import { statusBadge } from '../widgets/badges.js';
import { h, replace } from '../widgets/dom.js';
import { fileActions } from '../widgets/file-actions.js';
import { photoBox } from '../widgets/photo.js';
import { recipientForm } from '../widgets/recipient-form.js';

/** @typedef {import('../api/cases.js').CaseDetail} CaseDetail */
/** @typedef {import('../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../widgets/dom.js').Child} Child */

/**
 * Whether the case screen offers the counter handover: the core lists it among the dedicated steps the
 * signed-in user may take now (an issued permit on no trip, to a clerk).
 * @param {{ steps?: string[] }} detail the case detail (only its `steps` are read)
 * @returns {boolean}
 */
export function canHandOver(detail) {
  return (detail.steps ?? []).includes('counter_handover');
}

/** Statuses that have a certificate to save (a draft before issue). */
const HAS_CERTIFICATE = new Set(['verified', 'in_review', 'approved', 'issued', 'out_for_delivery', 'delivered', 'picked_up']);

/**
 * A definition list row.
 * @param {string} key
 * @param {string | null | undefined} value
 * @param {string} [cls]
 * @returns {Child[]}
 */
function row(key, value, cls) {
  return [h('dt', {}, t(key)), h('dd', { class: cls ?? null }, value || '—')];
}

/**
 * The read-only part of the screen, built from the detail the core sent.
 * @param {CaseDetail} d
 * @returns {HTMLElement[]}
 */
export function caseSections(d) {
  const c = d.case;
  const a = d.applicant;
  const sla = slaText(d.sla);
  const applicant = h(
    'section',
    { class: 'card', id: 'case-applicant' },
    h('h3', {}, t('case.applicant')),
    h('dl', {},
      row('case.applicant', a.name, 'applicant-name'),
      row('case.nik', a.nik, 'mono nowrap'),
      row('case.birth', `${a.birth_place}, ${formatDate(a.birth_date)}`),
      row('case.address', a.address),
      row('case.village', a.village),
      row('case.phone', a.phone)),
  );
  const permit = h(
    'section',
    { class: 'card', id: 'case-permit' },
    h('h3', {}, t('case.permit')),
    h('dl', {},
      row('case.permit_type', `${c.permit_type_code} · ${c.permit_type_name}`),
      row('case.permit_number', c.permit_number, 'mono'),
      row('case.registered', formatDateTime(c.registered_at)),
      (d.fields ?? []).map((f) => [h('dt', {}, f.label), h('dd', {}, f.value)])),
  );
  const checklist = h(
    'section',
    { class: 'card', id: 'case-checklist' },
    h('h3', {}, t('case.checklist')),
    h('ul', { class: 'checklist' }, d.documents.map((doc) => h(
      'li',
      { class: doc.received ? 'doc doc-received' : 'doc doc-missing' },
      h('span', { class: 'doc-state' }, doc.received ? `✓ ${t('case.doc.received')}` : `✗ ${t('case.doc.missing')}`),
      h('span', {}, doc.label, doc.mandatory ? null : h('span', { class: 'sub-inline' }, ` ${t('case.doc.optional')}`)),
    ))),
  );
  const timeline = h(
    'section',
    { class: 'card card-wide', id: 'case-timeline' },
    h('h3', {}, t('case.timeline')),
    h('table', { class: 'data-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('case.col.when')),
        h('th', { scope: 'col' }, t('case.col.who')),
        h('th', { scope: 'col' }, t('case.col.step')),
        h('th', { scope: 'col' }, t('case.col.reason')))),
      h('tbody', {}, d.events.map((e) => h(
        'tr',
        { 'data-to': e.to_status ?? '', 'data-actor': e.actor },
        h('td', { class: 'nowrap' }, formatDateTime(e.at)),
        h('td', {}, e.actor_name, h('span', { class: 'sub' }, `${e.actor} · ${roleLabel(e.actor_role)}`)),
        h('td', {}, e.from_status ? `${statusLabel(e.from_status)} → ` : '', e.to_status ? statusLabel(e.to_status) : e.action),
        h('td', {}, e.reason ?? e.detail ?? ''),
      )))),
  );
  return [
    h('div', { class: 'case-head' },
      h('h2', { id: 'case-number', class: 'mono' }, c.registration_number),
      statusBadge(c.status),
      h('p', { class: `sla sla-${sla.tone}`, id: 'case-sla' }, sla.text)),
    h('div', { class: 'case-grid' }, applicant, permit, checklist, timeline),
  ];
}

/**
 * Shows one case in `container` and keeps it current after each step.
 * @param {HTMLElement} container
 * @param {number} id
 * @param {{ back: () => void, error: (e: CommandError) => void, photos?: boolean, focus?: 'receipt' }} on
 *   `photos`: the core offers the signed-in user to change the pas photo; `focus: 'receipt'` puts the
 *   keyboard on "save the receipt" (the receipt could not be written before)
 * @returns {Promise<{ refresh: () => Promise<void> }>} `refresh` reads the case again and redraws it
 *   (unless a form is open on it: what is typed stays)
 */
export async function showCase(container, id, on) {
  /** @type {CaseDetail} */
  let detail;
  const status = h('p', { class: 'form-message', id: 'case-message', role: 'status', 'aria-live': 'polite' });
  /** Open / save as / print for the file saved last. */
  const fileBox = h('div', { id: 'case-file-box' });

  function actions() {
    const box = h('div', { class: 'actions', id: 'case-actions' });
    // The generic steps the core lists, and the counter's own handover step (never a generic step: the
    // recipient is checked and recorded like a delivery on a trip).
    const moves = [...detail.moves];
    if (canHandOver(detail) && !moves.some((m) => m.to === 'picked_up')) {
      moves.push({ to: 'picked_up', reason_required: false });
    }
    if (moves.length === 0) box.append(h('p', { class: 'muted' }, t('case.actions.none')));
    for (const m of moves) {
      const button = h('button', { type: 'button', class: 'button', 'data-move': m.to }, moveLabel(m.to));
      const take = m.to === 'picked_up' ? askRecipient : m.reason_required ? askReason : (/** @type {string} */ to) => void step(to, null);
      button.addEventListener('click', () => take(m.to));
      box.append(button);
    }
    const pdfs = h('div', { class: 'actions', id: 'case-print' });
    if (HAS_CERTIFICATE.has(detail.case.status)) pdfs.append(pdfButton('certificate'));
    pdfs.append(pdfButton('receipt'));
    return h('aside', { class: 'case-side' },
      h('h3', {}, t('case.actions')), box, h('h3', {}, t('case.print')), pdfs, status, fileBox);
  }

  /** @param {'certificate' | 'receipt'} kind */
  function pdfButton(kind) {
    const button = h('button', { type: 'button', class: 'button button-quiet', 'data-pdf': kind }, t(`case.print.${kind}`));
    button.addEventListener('click', async () => {
      try {
        const file = await api.savePdf(id, kind);
        status.textContent = t('case.saved', { path: file.path });
        status.dataset.saved = file.path;
        replace(fileBox, fileActions(file, 'case', { showPath: false }));
      } catch (error) {
        status.textContent = errorMessage(/** @type {CommandError} */ (error));
      }
    });
    return button;
  }

  function askRecipient() {
    const form = recipientForm({
      prefix: 'collect-',
      title: moveLabel('picked_up'),
      holder: detail.applicant.name,
      cancel: render,
      submit: async (recipient) => {
        try {
          detail = await api.collectCase(id, recipient);
        } catch (error) {
          return /** @type {CommandError} */ (error);
        }
        render();
        status.textContent = t('case.done', { status: statusLabel(detail.case.status) });
        return null;
      },
    });
    replace(/** @type {HTMLElement} */ (container.querySelector('#case-actions')), form);
  }

  /** @param {string} to */
  function askReason(to) {
    const input = h('textarea', { id: 'move-reason', rows: 3, 'aria-describedby': 'case-message' });
    const confirm = h('button', { type: 'submit', class: 'button', id: 'move-confirm' }, t('case.confirm'));
    const cancel = h('button', { type: 'button', class: 'button button-quiet' }, t('case.cancel'));
    const form = h('form', { class: 'reason-form', id: 'reason-form' },
      h('label', { for: 'move-reason' }, `${moveLabel(to)} — ${t('case.reason')}`), input,
      h('div', { class: 'form-actions' }, confirm, cancel));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void step(to, /** @type {HTMLTextAreaElement} */ (input).value.trim());
    });
    cancel.addEventListener('click', render);
    replace(/** @type {HTMLElement} */ (container.querySelector('#case-actions')), form);
    input.focus();
  }

  /**
   * @param {string} to
   * @param {string | null} reason
   */
  async function step(to, reason) {
    try {
      detail = await api.moveCase(id, { to, reason });
      render();
      status.textContent = t('case.done', { status: statusLabel(detail.case.status) });
    } catch (error) {
      status.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  }

  function render() {
    const back = h('button', { type: 'button', class: 'button button-quiet', id: 'case-back' }, `← ${t('case.back')}`);
    back.addEventListener('click', on.back);
    replace(container,
      h('div', { class: 'case-bar' }, back),
      h('div', { class: 'case-body' }, h('div', { class: 'case-main' }, caseSections(detail)), actions()));
    // The pas photo printed on the certificate, beside the applicant's data.
    container.querySelector('#case-applicant')?.append(
      photoBox({ caseId: id, nik: detail.applicant.nik, editable: on.photos ?? false }));
    document.body.dataset.caseStatus = detail.case.status;
  }

  /** Another desk changed something: read the case again, unless a form on it is open. */
  async function refresh() {
    if (container.querySelector('#case-actions form, form#reason-form, #case-actions .recipient-form')) return;
    const had = document.activeElement?.id;
    try {
      detail = await api.caseDetail(id);
    } catch {
      return; // the banner says why; the case stays as shown
    }
    if (!container.isConnected || container.hidden) return;
    render();
    if (had) document.getElementById(had)?.focus();
  }

  try {
    detail = await api.caseDetail(id);
  } catch (error) {
    on.error(/** @type {CommandError} */ (error));
    return { refresh };
  }
  render();
  document.body.dataset.screen = 'case';
  const start = on.focus === 'receipt' ? '#case-print [data-pdf="receipt"]' : '#case-back';
  /** @type {HTMLElement | null} */ (container.querySelector(start))?.focus();
  return { refresh };
}
