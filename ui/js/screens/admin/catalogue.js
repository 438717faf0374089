// @ts-check
/**
 * The permit catalogue tab: the list of permit types, and an editor for one type (its requirements and
 * certificate fields in order, the number template with a live preview of the next number, retire,
 * reactivate, delete). The editor keeps the type in a plain object ({@link EditorState}); the pure
 * functions that turn it into the core's `PermitTypeInput` are exported for the unit tests.
 * @module screens/admin/catalogue
 */

import * as api from '../../api/catalogue.js';
import { t } from '../../i18n/dictionary.js';
import { errorMessage } from '../../i18n/format.js';
import { h, replace } from '../../widgets/dom.js';
import { clearErrors, showError } from '../../widgets/forms.js';
import { moveItem } from '../../widgets/order.js';

/** @typedef {import('../../api/catalogue.js').CatalogueEntry} CatalogueEntry */
/** @typedef {import('../../api/catalogue.js').PermitTypeInput} PermitTypeInput */
/** @typedef {import('../../api/ipc.js').CommandError} CommandError */

export { moveItem };

/** The kinds of a permit type's own field, in the order the editor offers them. */
export const FIELD_KINDS = ['text', 'date', 'number', 'choice'];

/**
 * @typedef {object} EditorState
 * @property {number | null} id null for a type not saved yet
 * @property {boolean} in_use whether a case ever used it (then its code stays, and it is never deleted)
 * @property {boolean} active
 * @property {string} code
 * @property {string} name
 * @property {string} title
 * @property {string} classification
 * @property {string} number_template
 * @property {string} number_reset `yearly` or `monthly`
 * @property {string} sla_days as typed
 * @property {string} validity_months as typed; empty means the permit does not expire
 * @property {number} fee carried over unchanged (the window does not edit fees)
 * @property {string} legal_basis one line each
 * @property {string} conditions one line each
 * @property {string} tembusan one line each
 * @property {{ label: string, mandatory: boolean }[]} requirements in order
 * @property {{ key: string, label: string, kind: string, required: boolean, choices: string }[]} fields
 *   in order; `choices` comma-separated
 */

/**
 * A fresh type for the "new type" button.
 * @returns {EditorState}
 */
export function blankType() {
  return {
    id: null, in_use: false, active: true, code: '', name: '', title: '', classification: '503',
    number_template: '{klasifikasi}/{seq:4}/{kode}/{unit}/{bulan_romawi}/{yyyy}', number_reset: 'yearly',
    sla_days: '5', validity_months: '', fee: 0, legal_basis: '', conditions: '', tembusan: '',
    requirements: [{ label: '', mandatory: true }], fields: [],
  };
}

/**
 * The editor's state for a permit type as the core sends it.
 * @param {CatalogueEntry} type
 * @returns {EditorState}
 */
export function fromType(type) {
  return {
    id: type.id, in_use: Boolean(type.in_use), active: Boolean(type.active),
    code: type.code, name: type.name, title: type.title, classification: type.classification,
    number_template: type.number_template, number_reset: type.number_reset,
    sla_days: String(type.sla_days), validity_months: type.validity_months == null ? '' : String(type.validity_months),
    fee: type.fee ?? 0,
    legal_basis: (type.legal_basis ?? []).join('\n'),
    conditions: (type.conditions ?? []).join('\n'),
    tembusan: (type.tembusan ?? []).join('\n'),
    requirements: (type.requirements ?? []).map((r) => ({ label: r.label, mandatory: Boolean(r.mandatory) })),
    fields: (type.fields ?? []).map((f) => ({
      key: f.key, label: f.label, kind: f.kind, required: Boolean(f.required), choices: (f.choices ?? []).join(', '),
    })),
  };
}

/**
 * The non-empty trimmed lines of a text.
 * @param {string} text
 * @returns {string[]}
 */
export function lines(text) {
  return text.split('\n').map((x) => x.trim()).filter(Boolean);
}

/**
 * An `invalid` error on one field of the editor, shaped like a command's.
 * @param {string} field
 * @param {string} key dictionary key of the message
 * @param {Record<string, string | number>} [params]
 * @returns {CommandError}
 */
function invalid(field, key, params) {
  return { code: 'invalid', field, message: t(key, params) };
}

/**
 * Whole number in `[min, max]` from typed text, else null.
 * @param {string} text
 * @param {number} min
 * @param {number} max
 */
function whole(text, min, max) {
  const n = Number(text.trim());
  return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : null;
}

/**
 * The core's `PermitTypeInput` from the editor, or the first thing to fix (an `invalid` error naming the
 * field, as the core would). Empty requirement rows are dropped; the core checks the rest again.
 * @param {EditorState} s
 * @returns {{ input: PermitTypeInput, error: null } | { input: null, error: CommandError }}
 */
export function typeInput(s) {
  const code = s.code.trim().toUpperCase();
  const fail = (/** @type {CommandError} */ error) => ({ input: null, error });
  if (!s.name.trim()) return fail(invalid('name', 'admin.pt.need.name'));
  if (!s.title.trim()) return fail(invalid('title', 'admin.pt.need.title'));
  const sla = whole(s.sla_days, 1, 365);
  if (sla === null) return fail(invalid('sla_days', 'admin.pt.need.sla'));
  const validity = s.validity_months.trim() === '' ? null : whole(s.validity_months, 1, 1200);
  if (validity === null && s.validity_months.trim() !== '') return fail(invalid('validity_months', 'admin.pt.need.validity'));
  const requirements = s.requirements
    .map((r) => /** @type {[string, boolean]} */ ([r.label.trim(), r.mandatory]))
    .filter(([label]) => label !== '');
  if (requirements.length === 0) return fail(invalid('requirements', 'admin.pt.need.requirement'));
  const keys = new Set();
  const fields = [];
  for (const [i, f] of s.fields.entries()) {
    const key = f.key.trim();
    if (!/^[a-z][a-z0-9_]*$/.test(key)) return fail(invalid(`field_key_${i}`, 'admin.pt.need.key'));
    if (keys.has(key)) return fail(invalid(`field_key_${i}`, 'admin.pt.need.unique', { key }));
    keys.add(key);
    if (!f.label.trim()) return fail(invalid(`field_label_${i}`, 'admin.pt.need.label'));
    const choices = f.kind === 'choice' ? f.choices.split(',').map((x) => x.trim()).filter(Boolean) : [];
    if (f.kind === 'choice' && choices.length < 2) return fail(invalid(`field_choices_${i}`, 'admin.pt.need.choices'));
    fields.push({ key, label: f.label.trim(), kind: f.kind, required: f.required, choices });
  }
  return {
    error: null,
    input: {
      code, name: s.name.trim(), title: s.title.trim(), classification: s.classification.trim(),
      number_template: s.number_template.trim(), number_reset: s.number_reset,
      sla_days: sla, validity_months: validity, fee: s.fee,
      legal_basis: lines(s.legal_basis), conditions: lines(s.conditions), tembusan: lines(s.tembusan),
      requirements, fields,
    },
  };
}

/**
 * Calls `fn` once `ms` milliseconds have passed without another call (the live number preview).
 * @template {unknown[]} A
 * @param {(...args: A) => void} fn
 * @param {number} ms
 * @returns {(...args: A) => void}
 */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/**
 * The text shown for a command's refusal: the translation of its code and the core's reason (which
 * names what is in the way, e.g. "used by cases"), as {@link errorMessage} words every refusal.
 * @param {CommandError} error
 * @returns {string}
 */
export function refusal(error) {
  // errorMessage already gives the core's reason as detail.
  return errorMessage(error);
}

/** How long typing pauses before the number preview is asked for. */
const PREVIEW_DELAY_MS = 300;

/**
 * Shows the catalogue list in the tab's panel.
 * @param {import('./tabs.js').AdminTabContext} ctx
 * @param {string} [notice] a line shown above the list (after a save or a delete)
 */
export async function showCatalogueTab(ctx, notice) {
  let types;
  try {
    types = await api.adminCatalogue();
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  const add = h('button', { type: 'button', class: 'button', id: 'pt-new' }, t('admin.pt.new'));
  add.addEventListener('click', () => showEditor(ctx, blankType()));
  const rows = types.map((x) => {
    const open = h('button', { type: 'button', class: 'link', 'data-open': x.code }, x.name);
    open.addEventListener('click', () => showEditor(ctx, fromType(x)));
    return h('tr', { 'data-code': x.code, 'data-active': String(x.active) },
      h('td', {}, h('span', { class: 'permit-code' }, x.code)),
      h('td', {}, open),
      h('td', { class: 'nowrap' }, t('admin.pt.days', { days: x.sla_days })),
      h('td', { class: 'nowrap' }, x.validity_months == null ? t('admin.pt.no_expiry') : t('admin.pt.months', { months: x.validity_months })),
      h('td', {}, h('span', { class: `badge badge-${x.active ? 'success' : 'neutral'}` }, t(x.active ? 'admin.pt.active' : 'admin.pt.retired'))),
      h('td', {}, x.in_use ? t('admin.pt.in_use.yes') : t('admin.pt.in_use.no')));
  });
  replace(ctx.panel,
    h('div', { class: 'admin-bar' }, h('h3', {}, t('admin.pt.list')), add),
    notice ? h('p', { class: 'form-message', role: 'status', id: 'pt-notice' }, notice) : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data-table', id: 'pt-table' },
      h('thead', {}, h('tr', {}, ['admin.pt.code', 'admin.pt.name', 'admin.pt.sla', 'admin.pt.validity', 'admin.pt.status', 'admin.pt.in_use']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))));
}

/**
 * A labelled input bound to `state[key]`.
 * @param {EditorState} state
 * @param {keyof EditorState} key
 * @param {string} labelKey
 * @param {{ type?: string, hint?: string, readonly?: boolean, onInput?: () => void, grow?: boolean }} [options]
 */
function bound(state, key, labelKey, options = {}) {
  const id = `pt-${key}`;
  const input = /** @type {HTMLInputElement} */ (h('input', {
    id, name: id, type: options.type ?? 'text', value: String(state[key] ?? ''), autocomplete: 'off', spellcheck: 'false',
    readonly: options.readonly ?? false, 'aria-describedby': `${id}-message`,
  }));
  input.addEventListener('input', () => {
    /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (state))[key] = input.value;
    options.onInput?.();
  });
  return h('div', { class: options.grow ? 'field field-grow' : 'field' },
    h('label', { for: id }, t(labelKey)), input,
    h('p', { class: options.hint ? 'field-message field-hint' : 'field-message', id: `${id}-message`, 'aria-live': 'polite' }, options.hint ?? ''));
}

/**
 * A labelled text area of lines bound to `state[key]`.
 * @param {EditorState} state
 * @param {'legal_basis' | 'conditions' | 'tembusan'} key
 * @param {string} labelKey
 */
function boundLines(state, key, labelKey) {
  const id = `pt-${key}`;
  const area = /** @type {HTMLTextAreaElement} */ (h('textarea', { id, name: id, rows: 3, spellcheck: 'false', 'aria-describedby': `${id}-message` }));
  area.value = state[key];
  area.addEventListener('input', () => { state[key] = area.value; });
  return h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), area,
    h('p', { class: 'field-message field-hint', id: `${id}-message` }, t('admin.pt.one_per_line')));
}

/**
 * A small button of a list row.
 * @param {string} text
 * @param {string} label accessible name
 * @param {Record<string, string>} data
 * @param {() => void} action
 * @param {boolean} [disabled]
 */
function rowButton(text, label, data, action, disabled = false) {
  const button = h('button', { type: 'button', class: 'button button-quiet button-small', 'aria-label': label, title: label, disabled, ...data }, text);
  button.addEventListener('click', action);
  return button;
}

/**
 * Shows the editor for one type (saved or new) in the tab's panel.
 * @param {import('./tabs.js').AdminTabContext} ctx
 * @param {EditorState} state
 */
function showEditor(ctx, state) {
  const isNew = state.id === null;
  const preview = h('output', { id: 'pt-preview', class: 'mono preview', 'aria-live': 'polite', for: 'pt-number_template' });
  const refreshPreview = async () => {
    try {
      const number = await api.previewPermitNumber({
        id: state.id, template: state.number_template, code: state.code.trim().toUpperCase(), classification: state.classification.trim(),
      });
      preview.textContent = number;
      preview.classList.remove('preview-bad');
    } catch (error) {
      preview.textContent = refusal(/** @type {CommandError} */ (error));
      preview.classList.add('preview-bad');
    }
  };
  const later = debounce(() => void refreshPreview(), PREVIEW_DELAY_MS);

  const reqList = h('ol', { class: 'edit-list', id: 'pt-requirements' });
  const drawRequirements = () => {
    const n = state.requirements.length;
    replace(reqList, state.requirements.map((r, i) => {
      const label = /** @type {HTMLInputElement} */ (h('input', { id: `pt-req-${i}`, value: r.label, autocomplete: 'off', 'aria-label': t('admin.pt.req.label_n', { n: i + 1 }) }));
      label.addEventListener('input', () => { r.label = label.value; });
      const mandatory = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: `pt-req-mandatory-${i}`, checked: r.mandatory }));
      mandatory.addEventListener('change', () => { r.mandatory = mandatory.checked; });
      const move = (/** @type {number} */ d) => () => {
        state.requirements = moveItem(state.requirements, i, d);
        drawRequirements();
        document.getElementById(`pt-req-${i + d}`)?.focus();
      };
      return h('li', { class: 'edit-row', 'data-index': String(i) },
        h('span', { class: 'edit-pos' }, `${i + 1}.`), label,
        h('label', { class: 'check', for: `pt-req-mandatory-${i}` }, mandatory, t('admin.pt.req.mandatory')),
        rowButton('↑', t('admin.pt.up'), { 'data-up': String(i) }, move(-1), i === 0),
        rowButton('↓', t('admin.pt.down'), { 'data-down': String(i) }, move(1), i === n - 1),
        rowButton('✕', t('admin.pt.remove'), { 'data-remove': String(i) }, () => {
          state.requirements = state.requirements.filter((_, j) => j !== i);
          drawRequirements();
        }));
    }));
  };
  const addReq = rowButton(`+ ${t('admin.pt.req.add')}`, t('admin.pt.req.add'), { id: 'pt-req-add' }, () => {
    state.requirements.push({ label: '', mandatory: true });
    drawRequirements();
    document.getElementById(`pt-req-${state.requirements.length - 1}`)?.focus();
  });

  const fieldList = h('div', { class: 'edit-list', id: 'pt-fields' });
  const drawFields = () => {
    const n = state.fields.length;
    replace(fieldList, state.fields.map((f, i) => {
      const input = (/** @type {'key' | 'label' | 'choices'} */ k, /** @type {string} */ labelKey) => {
        const el = /** @type {HTMLInputElement} */ (h('input', { id: `pt-field_${k}_${i}`, value: f[k], autocomplete: 'off', spellcheck: 'false', disabled: k === 'choices' && f.kind !== 'choice', 'aria-describedby': `pt-field_${k}_${i}-message` }));
        el.addEventListener('input', () => { f[k] = el.value; });
        return h('div', { class: `field field-${k}` }, h('label', { for: el.id }, t(labelKey)), el,
          h('p', { class: 'field-message', id: `${el.id}-message` }));
      };
      const kind = /** @type {HTMLSelectElement} */ (h('select', { id: `pt-field_kind_${i}` },
        FIELD_KINDS.map((k) => h('option', { value: k, selected: k === f.kind }, t(`admin.pt.kind.${k}`)))));
      kind.addEventListener('change', () => { f.kind = kind.value; drawFields(); });
      const required = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: `pt-field_required_${i}`, checked: f.required }));
      required.addEventListener('change', () => { f.required = required.checked; });
      const move = (/** @type {number} */ d) => () => { state.fields = moveItem(state.fields, i, d); drawFields(); };
      return h('div', { class: 'edit-row edit-field', 'data-index': String(i) },
        input('key', 'admin.pt.field.key'), input('label', 'admin.pt.field.label'),
        h('div', { class: 'field' }, h('label', { for: kind.id }, t('admin.pt.field.kind')), kind),
        input('choices', 'admin.pt.field.choices'),
        h('label', { class: 'check', for: required.id }, required, t('admin.pt.field.required')),
        rowButton('↑', t('admin.pt.up'), {}, move(-1), i === 0),
        rowButton('↓', t('admin.pt.down'), {}, move(1), i === n - 1),
        rowButton('✕', t('admin.pt.remove'), {}, () => { state.fields = state.fields.filter((_, j) => j !== i); drawFields(); }));
    }));
  };
  const addField = rowButton(`+ ${t('admin.pt.field.add')}`, t('admin.pt.field.add'), { id: 'pt-field-add' }, () => {
    state.fields.push({ key: '', label: '', kind: 'text', required: false, choices: '' });
    drawFields();
    document.getElementById(`pt-field_key_${state.fields.length - 1}`)?.focus();
  });

  const reset = /** @type {HTMLSelectElement} */ (h('select', { id: 'pt-number_reset' },
    ['yearly', 'monthly'].map((r) => h('option', { value: r, selected: r === state.number_reset }, t(`admin.pt.reset.${r}`)))));
  reset.addEventListener('change', () => { state.number_reset = reset.value; later(); });

  const message = h('p', { class: 'form-message', role: 'status', id: 'pt-message' });
  const form = h('form', { class: 'gate-form admin-editor', id: 'pt-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t('admin.pt.identity')),
      h('div', { class: 'grid' },
        bound(state, 'code', 'admin.pt.code', { readonly: state.in_use, hint: state.in_use ? t('admin.pt.code.fixed') : '', onInput: later }),
        bound(state, 'name', 'admin.pt.name'),
        bound(state, 'title', 'admin.pt.title'),
        bound(state, 'sla_days', 'admin.pt.sla_days', { type: 'number' }),
        bound(state, 'validity_months', 'admin.pt.validity_months', { type: 'number', hint: t('admin.pt.validity.hint') }))),
    h('fieldset', {}, h('legend', {}, t('admin.pt.numbering')),
      h('div', { class: 'number-row' },
        bound(state, 'classification', 'admin.pt.classification', { onInput: later }),
        bound(state, 'number_template', 'admin.pt.template', { grow: true, onInput: later, hint: t('admin.pt.template.hint') }),
        h('div', { class: 'field' }, h('label', { for: 'pt-number_reset' }, t('admin.pt.reset')), reset)),
      h('p', { class: 'preview-line' }, h('span', { class: 'muted' }, t('admin.pt.preview')), ' ', preview)),
    h('fieldset', {}, h('legend', {}, t('admin.pt.requirements')), reqList,
      h('p', { class: 'field-message', id: 'pt-requirements-message' }), addReq),
    h('fieldset', {}, h('legend', {}, t('admin.pt.fields')), fieldList,
      h('p', { class: 'field-message', id: 'pt-fields-message' }), addField),
    h('fieldset', {}, h('legend', {}, t('admin.pt.texts')),
      h('div', { class: 'lines-grid' },
        boundLines(state, 'legal_basis', 'admin.pt.legal_basis'),
        boundLines(state, 'tembusan', 'admin.pt.tembusan'),
        boundLines(state, 'conditions', 'admin.pt.conditions'))),
    message);

  const save = h('button', { type: 'submit', class: 'button', id: 'pt-save', form: 'pt-form' }, t(isNew ? 'admin.pt.create' : 'admin.pt.save'));
  const back = h('button', { type: 'button', class: 'button button-quiet', id: 'pt-back' }, `← ${t('admin.pt.list')}`);
  back.addEventListener('click', () => void showCatalogueTab(ctx));
  const tools = [back, save];
  if (!isNew) {
    const toggle = h('button', { type: 'button', class: 'button button-quiet', id: state.active ? 'pt-retire' : 'pt-reactivate' },
      t(state.active ? 'admin.pt.retire' : 'admin.pt.reactivate'));
    toggle.addEventListener('click', async () => {
      try {
        const saved = await api.setPermitTypeActive(/** @type {number} */ (state.id), !state.active);
        await showCatalogueTab(ctx, t(saved.active ? 'admin.pt.reactivated' : 'admin.pt.retired.done', { code: saved.code }));
      } catch (error) {
        message.textContent = refusal(/** @type {CommandError} */ (error));
      }
    });
    const remove = h('button', { type: 'button', class: 'button button-danger', id: 'pt-delete' }, t('admin.pt.delete'));
    remove.addEventListener('click', async () => {
      if (!window.confirm(t('admin.pt.delete.confirm', { code: state.code }))) return;
      try {
        await api.deletePermitType(/** @type {number} */ (state.id));
        await showCatalogueTab(ctx, t('admin.pt.deleted', { code: state.code }));
      } catch (error) {
        message.textContent = refusal(/** @type {CommandError} */ (error));
      }
    });
    tools.push(toggle, remove);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const built = typeInput(state);
    if (built.error) {
      showError(form, 'pt-', built.error);
      return;
    }
    try {
      const saved = isNew
        ? await api.createPermitType(built.input)
        : await api.updatePermitType(/** @type {number} */ (state.id), built.input);
      clearErrors(form);
      showEditor(ctx, fromType(saved));
      const line = document.getElementById('pt-message');
      if (line) line.textContent = t('admin.pt.saved', { code: saved.code });
    } catch (error) {
      const e = /** @type {CommandError} */ (error);
      showError(form, 'pt-', e.code === 'invalid' ? e : { ...e, field: null, message: refusal(e) });
      if (e.code !== 'invalid') message.textContent = refusal(e);
    }
  });

  replace(ctx.panel,
    h('div', { class: 'admin-bar sticky' },
      h('h3', { id: 'pt-heading' }, isNew ? t('admin.pt.new') : `${state.code} · ${state.name}`),
      !isNew ? h('span', { class: `badge badge-${state.active ? 'success' : 'neutral'}` }, t(state.active ? 'admin.pt.active' : 'admin.pt.retired')) : null,
      h('div', { class: 'admin-tools' }, tools)),
    form);
  drawRequirements();
  drawFields();
  void refreshPreview();
  document.body.dataset.ptEditor = state.code || 'new';
}
