// @ts-check
/**
 * The audit tab: the log of case events and admin changes, newest first, filtered by case number, user,
 * action and days; and a button that verifies the tamper-evident chains and names the first broken row.
 * @module screens/admin/audit
 */

import * as api from '../../api/audit.js';
import { listUsers } from '../../api/users.js';
import { statusLabel, t } from '../../i18n/dictionary.js';
import { errorMessage as refusal, formatDateTime } from '../../i18n/format.js';
import { dayField } from '../../widgets/day-field.js';
import { h, replace } from '../../widgets/dom.js';
import { showError } from '../../widgets/forms.js';

/** @typedef {import('../../api/audit.js').AuditEntry} AuditEntry */
/** @typedef {import('../../api/audit.js').ChainReport} ChainReport */
/** @typedef {import('../../api/audit.js').WitnessCheck} WitnessCheck */
/** @typedef {import('../../api/ipc.js').CommandError} CommandError */

/** Rows asked for at a time; "show more" asks for this many more. */
export const PAGE = 100;

/** Actions an inspector asks about most, for the action list (any prefix also works typed). */
export const ACTIONS = ['registered', 'status', 'due_date', 'certificate', 'permit', 'signin', 'user', 'permit_type', 'holiday', 'office', 'applicant'];

/**
 * @typedef {object} AuditForm
 * @property {string} case_number
 * @property {string} user
 * @property {string} action
 * @property {string} from ISO date or ''
 * @property {string} to ISO date or ''
 */

/**
 * The command's query from the filter form: trimmed, empty filters left out, at most `limit` rows.
 * @param {AuditForm} form
 * @param {number} [limit]
 * @returns {Record<string, string | number>}
 */
export function auditQuery(form, limit = PAGE) {
  /** @type {Record<string, string | number>} */
  const query = { limit };
  for (const key of /** @type {(keyof AuditForm)[]} */ (['case_number', 'user', 'action', 'from', 'to'])) {
    const value = (form[key] ?? '').trim();
    if (value) query[key] = value;
  }
  return query;
}

/** The core's reasons for a broken link and their dictionary keys. @type {[RegExp, string][]} */
const BROKEN_REASONS = [
  [/no hash/, 'admin.audit.reason.unsealed'],
  [/link to the row before/, 'admin.audit.reason.link'],
  [/content was changed/, 'admin.audit.reason.content'],
];

/**
 * The sentence for one chain's verification.
 * @param {ChainReport} chain
 * @returns {{ ok: boolean, text: string }}
 */
export function chainLine(chain) {
  const table = t(`admin.audit.table.${chain.table}`);
  if (!chain.first_broken) return { ok: true, text: t('admin.audit.chain.ok', { table, rows: chain.rows }) };
  const found = BROKEN_REASONS.find(([pattern]) => pattern.test(chain.first_broken?.reason ?? ''));
  const reason = found ? t(found[1]) : chain.first_broken.reason;
  return { ok: false, text: t('admin.audit.chain.broken', { table, id: chain.first_broken.id, reason }) };
}

/**
 * The sentence for one witness of the chain kept outside the register (a backup, the witness file).
 * @param {WitnessCheck} w
 * @returns {{ ok: boolean, text: string }}
 */
export function witnessLine(w) {
  const when = w.taken_at ? formatDateTime(w.taken_at) : '—';
  if (w.agrees) return { ok: true, text: t('admin.audit.witness.ok', { source: w.source, when }) };
  const table = w.table ? t(`admin.audit.table.${w.table}`) : '';
  return w.first_disagreeing_event == null
    ? { ok: false, text: t('admin.audit.witness.unreadable', { source: w.source, reason: w.message }) }
    : { ok: false, text: t('admin.audit.witness.differs', { source: w.source, when, table, id: w.first_disagreeing_event }) };
}

/**
 * What an entry says happened, in a few words: the status change, the reason, the detail.
 * @param {Pick<AuditEntry, 'from_status' | 'to_status' | 'reason' | 'detail'>} e
 * @returns {string}
 */
export function entryWhat(e) {
  const parts = [];
  if (e.from_status || e.to_status) {
    parts.push(`${e.from_status ? statusLabel(e.from_status) : '—'} → ${e.to_status ? statusLabel(e.to_status) : '—'}`);
  }
  if (e.reason) parts.push(e.reason);
  if (e.detail) parts.push(e.detail);
  return parts.join(' · ');
}

/**
 * Shows the audit tab.
 * @param {import('./tabs.js').AdminTabContext} ctx
 */
export async function showAuditTab(ctx) {
  let users;
  try {
    users = await listUsers();
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  let limit = PAGE;
  const input = (/** @type {string} */ id, /** @type {string} */ labelKey, /** @type {Record<string, string>} */ attrs = {}) =>
    h('div', { class: 'field' }, h('label', { for: `audit-${id}` }, t(labelKey)),
      h('input', { id: `audit-${id}`, name: id, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `audit-${id}-message`, ...attrs }),
      h('p', { class: 'field-message', id: `audit-${id}-message` }));
  const user = h('select', { id: 'audit-user', name: 'user' },
    h('option', { value: '' }, t('admin.audit.anyone')),
    users.map((u) => h('option', { value: u.username }, `${u.username} · ${u.full_name}`)));
  const from = dayField('audit-from', 'admin.audit.from');
  const to = dayField('audit-to', 'admin.audit.to');
  const actions = h('datalist', { id: 'audit-actions' }, ACTIONS.map((a) => h('option', { value: a })));
  const form = h('form', { id: 'audit-form', class: 'inline-form', role: 'search', novalidate: true },
    input('case_number', 'admin.audit.case', { placeholder: 'REG-2026-000001' }),
    h('div', { class: 'field' }, h('label', { for: 'audit-user' }, t('admin.audit.user')), user, h('p', { class: 'field-message' })),
    input('action', 'admin.audit.action', { list: 'audit-actions' }), actions,
    from.node,
    to.node,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', id: 'audit-show' }, t('admin.audit.show'))),
    h('p', { class: 'form-message', role: 'status' }));
  const body = h('div', { class: 'table-wrap', id: 'audit-body' });
  const count = h('p', { class: 'muted', id: 'audit-count', role: 'status' });

  /** The query, or null after showing which date is not a date. */
  const read = () => {
    for (const [f, name] of /** @type {const} */ ([[from, 'from'], [to, 'to']])) {
      if (f.read() === null) {
        showError(form, 'audit-', { code: 'invalid', field: name, message: t('admin.day.bad') });
        return null;
      }
    }
    return auditQuery({
    case_number: /** @type {HTMLInputElement} */ (form.querySelector('#audit-case_number')).value,
    user: /** @type {HTMLSelectElement} */ (user).value,
    action: /** @type {HTMLInputElement} */ (form.querySelector('#audit-action')).value,
    from: from.read() ?? '',
    to: to.read() ?? '',
  }, limit);
  };

  const load = async () => {
    delete document.body.dataset.auditLoaded;
    const query = read();
    if (!query) return;
    let entries;
    try {
      entries = await api.auditLog(query);
    } catch (error) {
      const e = /** @type {CommandError} */ (error);
      showError(form, 'audit-', e.code === 'invalid' ? e : { ...e, field: null, message: refusal(e) });
      return;
    }
    for (const line of form.querySelectorAll('.form-message, #audit-case_number-message')) line.textContent = '';
    form.querySelector('#audit-case_number')?.removeAttribute('aria-invalid');
    const more = h('button', { type: 'button', class: 'button button-quiet', id: 'audit-more' }, t('admin.audit.more', { n: PAGE }));
    more.addEventListener('click', () => { limit += PAGE; void load(); });
    count.textContent = entries.length >= limit ? t('admin.audit.count.capped', { n: entries.length }) : t('admin.audit.count', { n: entries.length });
    replace(body, entries.length === 0 ? h('p', { class: 'empty' }, t('admin.audit.none')) : [
      h('table', { class: 'data-table', id: 'audit-table' },
        h('thead', {}, h('tr', {}, ['admin.audit.at', 'admin.audit.user', 'admin.audit.action.col', 'admin.audit.target', 'admin.audit.what']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, entries.map((e) => {
          const target = e.case_id != null
            ? h('button', { type: 'button', class: 'link mono', 'data-case': String(e.case_id) }, e.target ?? '')
            : h('span', { class: 'mono' }, e.target ?? '');
          if (e.case_id != null) target.addEventListener('click', () => ctx.openCase(/** @type {number} */ (e.case_id)));
          return h('tr', { 'data-chain': e.chain, 'data-id': String(e.id), 'data-actor': e.actor ?? '' },
            h('td', { class: 'nowrap' }, formatDateTime(e.at)),
            h('td', { class: 'mono' }, e.actor ?? '—'),
            h('td', { class: 'mono' }, e.action),
            h('td', {}, target),
            h('td', { class: 'audit-what' }, entryWhat(e)));
        }))),
      entries.length >= limit ? more : null,
    ]);
    document.body.dataset.auditLoaded = String(entries.length);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    limit = PAGE;
    void load();
  });

  const result = h('div', { id: 'audit-verify', role: 'status', 'aria-live': 'polite' });
  const verify = h('button', { type: 'button', class: 'button', id: 'audit-verify-button' }, t('admin.audit.verify'));
  verify.addEventListener('click', async () => {
    delete result.dataset.ok;
    replace(result, h('p', { class: 'muted' }, t('admin.audit.verifying')));
    try {
      const report = await api.verifyAudit();
      const lines = [...[report.case_events, report.admin_events].map(chainLine), ...(report.witnesses ?? []).map(witnessLine)];
      replace(result, h('div', { class: `verify ${report.ok ? 'verify-ok' : 'verify-broken'}` },
        h('p', { class: 'verify-head' }, t(report.ok ? 'admin.audit.ok' : 'admin.audit.broken')),
        h('ul', {}, lines.map((l) => h('li', { class: l.ok ? 'chain-ok' : 'chain-broken' }, `${l.ok ? '✓' : '✗'} ${l.text}`)))));
      result.dataset.ok = String(report.ok);
    } catch (error) {
      ctx.error(/** @type {CommandError} */ (error));
    }
  });

  replace(ctx.panel,
    h('div', { class: 'admin-bar' }, h('h3', {}, t('admin.audit.title')), verify),
    result,
    form,
    count,
    body);
  await load();
}
