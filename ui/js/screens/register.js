// @ts-check
/**
 * The register screen, one form for the keyboard: NIK (decoded as typed, a known applicant fills in),
 * applicant, permit type chosen by typing its code or name, its checklist and fields; Enter saves and the
 * receipt is saved at once. The form carries one submission id from opening to registering, so a second
 * Enter, a double click or a retry after an error answers the case registered first. Where the typed data
 * differs from the registered applicant it says so beside the field (the registered data is kept). When
 * the receipt could not be written, the case is registered all the same and its receipt is printed from
 * the case screen. "Next applicant" opens a fresh form.
 * @module screens/register
 */

import * as api from '../api/cases.js';
import { formatDate, has, t } from '../i18n/dictionary.js';
import { errorMessage } from '../i18n/format.js';
import { h, replace } from '../widgets/dom.js';
import { clearErrors, field, showError, valueOf } from '../widgets/forms.js';
import { villagePicker } from '../widgets/village-picker.js';

/** @typedef {import('../api/cases.js').Applicant} Applicant */
/** @typedef {import('../api/cases.js').Difference} Difference */
/** @typedef {import('../api/cases.js').NikCheck} NikCheck */
/** @typedef {import('../api/cases.js').PermitType} PermitType */
/** @typedef {import('../api/cases.js').Registered} Registered */
/** @typedef {import('../api/ipc.js').CommandError} CommandError */

/** The applicant's text inputs, named as the core names their fields. */
const APPLICANT_FIELDS = /** @type {const} */ (['name', 'birth_place', 'address', 'phone']);

/**
 * The longest name the core accepts (`text::MAX_NAME`), shown as the name field's hint before saving; the
 * core checks it again.
 */
export const NAME_MAX = 150;

/**
 * The permit type a typed text means: its code, or `CODE — name` as the list offers it, or a name.
 * @template {{ code: string, name: string }} P
 * @param {readonly P[]} types
 * @param {string} text
 * @returns {P | undefined}
 */
export function findPermitType(types, text) {
  const typed = text.trim().toUpperCase();
  if (!typed) return undefined;
  const code = typed.split(/\s+[—-]\s+/)[0];
  return types.find((p) => p.code.toUpperCase() === code)
    ?? types.find((p) => p.name.toUpperCase() === typed);
}

/**
 * The line under the NIK saying what its digits mean.
 * @param {NikCheck['info']} info
 * @returns {string}
 */
export function nikSummary(info) {
  const area = [info.district, info.regency, info.province].filter(Boolean).join(', ');
  return t('register.nik.decoded', { birth: formatDate(info.birth_date), sex: t(`sex.${info.sex}`), area });
}

/**
 * A new submission id (one per opened form): a UUID where the webview makes them, else 32 random hex
 * digits (the core takes 8–64 letters, digits, `-` or `_`).
 * @returns {string}
 */
export function newSubmissionId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The label of an applicant field in the window's language (a field the form lacks shows as itself).
 * @param {string} name
 * @returns {string}
 */
export function fieldLabel(name) {
  const key = name === 'village_code' ? 'register.village' : `register.${name}`;
  return has(key) ? t(key) : name;
}

/**
 * What the name field says under it: its limit, or that the name is too long.
 * @param {string} value
 * @returns {{ text: string, warning: boolean }}
 */
export function nameNote(value) {
  const count = [...value.trim()].length;
  return count > NAME_MAX
    ? { text: t('register.name.too_long', { count, max: NAME_MAX }), warning: true }
    : { text: t('register.name.hint', { max: NAME_MAX }), warning: false };
}

/**
 * What went wrong with a registered case's receipt, in the window's language, or null when it was saved.
 * @param {Registered} saved
 * @returns {string | null}
 */
export function receiptProblem(saved) {
  const problem = saved.receipt_error;
  if (!problem) return null;
  return typeof problem === 'string' ? problem : errorMessage(problem);
}

/**
 * The register screen's callbacks.
 * @typedef {object} RegisterContext
 * @property {(id: number, focus?: 'receipt') => void} open opens the case screen
 * @property {() => void} back
 * @property {(e: CommandError) => void} error
 * @property {'counter' | 'van'} [channel] where the application is handed in
 */

/**
 * Shows the register screen in `container`.
 * @param {HTMLElement} container
 * @param {RegisterContext} on
 */
export async function showRegister(container, on) {
  /** @type {PermitType[]} */
  let types;
  try {
    types = await api.permitTypes();
  } catch (error) {
    on.error(/** @type {CommandError} */ (error));
    return;
  }
  /** This form's submission: the same on every retry until it is registered. */
  const submission = newSubmissionId();
  /** @type {PermitType | undefined} */
  let chosen;
  /** The applicant registered under the NIK typed, whose data the registration keeps. @type {Applicant | null} */
  let registered = null;
  let nikGeneration = 0;
  let saving = false;
  const nikInfo = h('p', { class: 'nik-info', id: 'register-nik-info', 'aria-live': 'polite' });
  const known = h('p', { class: 'known', id: 'register-known', 'aria-live': 'polite' });
  const typeBox = h('div', { id: 'register-type-details' });
  const village = villagePicker({
    id: 'register-village_code', label: t('register.village'), hint: t('register.village.hint'),
    onChange: () => note('village_code'),
  });
  const done = h('div', { id: 'register-done', 'aria-live': 'polite' });
  const options = h('datalist', { id: 'permit-type-options' },
    types.map((p) => h('option', { value: `${p.code} — ${p.name}` })));
  const typeField = field('register-permit_type', 'register.permit_type', { grow: true });
  typeField.querySelector('input')?.setAttribute('list', 'permit-type-options');
  const form = h('form', { id: 'register-form', class: 'gate-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t('case.applicant')),
      h('div', { class: 'grid' },
        h('div', {}, field('register-nik', 'case.nik', { required: true }), nikInfo, known),
        field('register-name', 'register.name', { required: true, hint: nameNote('').text }),
        field('register-birth_place', 'register.birth_place', { required: true }),
        field('register-address', 'register.address', { required: true }),
        // The van plans its trips by village: typed by name, limited to the office's regency.
        h('div', { class: 'field' }, village.element,
          h('p', { class: 'field-message', id: 'register-village_code-message', 'aria-live': 'polite' })),
        field('register-phone', 'register.phone', { required: false }))),
    h('fieldset', {}, h('legend', {}, t('case.permit')), typeField, options, typeBox),
    h('p', { class: 'form-message', role: 'alert' }),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button', id: 'register-save' }, t('register.save'))));
  const nik = /** @type {HTMLInputElement} */ (form.querySelector('#register-nik'));
  const typeInput = /** @type {HTMLInputElement} */ (form.querySelector('#register-permit_type'));

  /** @param {string} name @returns {HTMLElement | null} */
  const lineOf = (name) => form.querySelector(`#register-${name}-message`);
  /** @param {string} name */
  const typedOf = (name) => (name === 'village_code' ? village.value()?.code ?? '' : valueOf(form, `register-${name}`));

  /**
   * Writes what a field's line says while it shows no error: that the typed value differs from the
   * registered applicant's, or (the name) its limit.
   * @param {string} name
   */
  function note(name) {
    const line = lineOf(name);
    const input = form.querySelector(`#register-${name}`);
    if (!line || input?.getAttribute('aria-invalid')) return;
    const stored = registered ? registeredValue(registered, name) : '';
    const typed = typedOf(name);
    const differs = registered !== null && typed !== '' && typed !== stored;
    const fallback = name === 'name' ? nameNote(typed) : { text: line.dataset.hint ?? '', warning: false };
    line.textContent = differs ? t('register.differs', { value: shownValue(name, stored) }) : fallback.text;
    line.classList.toggle('warning', differs || fallback.warning);
    line.classList.toggle('field-hint', !differs && !fallback.warning && Boolean(line.dataset.hint));
  }

  /**
   * The registered applicant's value of a field as the window shows it (a village by its name).
   * @param {string} name
   * @param {string} value
   */
  function shownValue(name, value) {
    if (name === 'village_code' && registered?.village_code === value && registered.village) {
      return `${registered.village} (${value})`;
    }
    return value;
  }

  for (const name of APPLICANT_FIELDS) {
    form.querySelector(`#register-${name}`)?.addEventListener('input', () => note(name));
  }

  nik.addEventListener('input', async () => {
    const mine = ++nikGeneration;
    const digits = nik.value.replace(/\D/g, '');
    nikInfo.textContent = '';
    known.textContent = '';
    registered = null;
    const line = /** @type {HTMLElement} */ (lineOf('nik'));
    line.textContent = '';
    nik.removeAttribute('aria-invalid');
    for (const name of [...APPLICANT_FIELDS, 'village_code']) note(name);
    if (digits.length < 16) return;
    try {
      const check = await api.checkNik(nik.value);
      if (mine !== nikGeneration) return;
      nikInfo.textContent = nikSummary(check.info);
      // Warnings inform, they never block the save.
      if (check.info.warnings.length) line.textContent = check.info.warnings.join(' ');
      line.classList.toggle('warning', check.info.warnings.length > 0);
      if (check.applicant) {
        const a = check.applicant;
        registered = a;
        known.textContent = t('register.known');
        for (const k of APPLICANT_FIELDS) {
          const input = /** @type {HTMLInputElement} */ (form.querySelector(`#register-${k}`));
          input.value = a[k] ?? '';
        }
        village.set(a.village_code ? { code: a.village_code, name: a.village ?? a.village_code, district: '' } : null);
      }
      for (const name of [...APPLICANT_FIELDS, 'village_code']) note(name);
    } catch (error) {
      if (mine !== nikGeneration) return;
      line.classList.remove('warning');
      line.textContent = errorMessage(/** @type {CommandError} */ (error));
      nik.setAttribute('aria-invalid', 'true');
    }
  });

  typeInput.addEventListener('input', () => {
    const found = findPermitType(types, typeInput.value);
    if (found === chosen) return;
    chosen = found;
    replace(typeBox, chosen ? typeDetails(chosen) : null);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // A second Enter or click while the first is on its way: the same submission answers the same case.
    if (saving) return;
    saving = true;
    clearErrors(form);
    const received = [...form.querySelectorAll('input[name="received"]:checked')]
      .map((box) => Number(/** @type {HTMLInputElement} */ (box).value));
    /** @type {Record<string, string>} */
    const details = {};
    for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('[data-detail]'))) {
      const value = input.value.trim();
      if (value) details[input.dataset.detail ?? ''] = value;
    }
    const phone = valueOf(form, 'register-phone');
    try {
      showDone(await api.registerCase({
        submission_id: submission,
        applicant: {
          nik: valueOf(form, 'register-nik'),
          name: valueOf(form, 'register-name'),
          birth_place: valueOf(form, 'register-birth_place'),
          address: valueOf(form, 'register-address'),
          phone: phone || null,
          village_code: village.value()?.code ?? null,
        },
        permit_type: chosen?.code ?? typeInput.value.trim(),
        channel: on.channel ?? 'counter',
        received,
        details,
      }));
    } catch (error) {
      const e = /** @type {CommandError} */ (error);
      showError(form, 'register-', e.field?.startsWith('details') ? { ...e, field: null } : e);
      for (const name of [...APPLICANT_FIELDS, 'village_code']) note(name);
    } finally {
      saving = false;
    }
  });

  /** @param {Registered} saved */
  function showDone(saved) {
    const open = h('button', { type: 'button', class: 'button button-quiet', id: 'register-open' }, t('register.open'));
    const next = h('button', { type: 'button', class: 'button', id: 'register-next' }, t('register.next'));
    open.addEventListener('click', () => on.open(saved.id));
    next.addEventListener('click', () => void showRegister(container, on));
    const problem = receiptProblem(saved);
    /** @type {HTMLElement[]} */
    const receipt = [];
    if (problem) {
      const print = h('button', { type: 'button', class: 'button', id: 'register-print-receipt' }, t('register.receipt.print'));
      print.addEventListener('click', () => on.open(saved.id, 'receipt'));
      receipt.push(h('div', { class: 'notice', id: 'register-receipt-box' },
        h('p', { id: 'register-receipt-error', role: 'alert' }, t('register.receipt.failed', { reason: problem })),
        h('div', { class: 'form-actions' }, print)));
    } else if (saved.receipt_path) {
      receipt.push(h('p', { class: 'muted', id: 'register-receipt' }, t('case.saved', { path: saved.receipt_path })));
    }
    const differences = saved.differences ?? [];
    replace(done,
      h('p', { class: 'done', id: 'register-number' }, t('register.saved', { number: saved.registration_number })),
      saved.created === false ? h('p', { class: 'muted', id: 'register-again' }, t('register.again')) : null,
      receipt,
      differences.length ? differencesList(differences) : null,
      h('div', { class: 'form-actions' }, next, open));
    // With differences the form stays in view, read-only, each field saying what the register keeps.
    form.hidden = differences.length === 0;
    for (const set of form.querySelectorAll('fieldset')) set.setAttribute('disabled', '');
    form.querySelector('#register-save')?.setAttribute('disabled', '');
    for (const d of differences) {
      const line = lineOf(d.field);
      if (!line) continue;
      line.textContent = t('register.difference.kept', { registered: d.registered || '—', typed: d.typed });
      line.classList.add('warning');
      line.classList.remove('field-hint');
    }
    document.body.dataset.registered = saved.registration_number;
    done.dataset.created = String(saved.created !== false);
    if (problem) done.dataset.receipt = 'failed';
    // The answer is at the top of the screen: back up there, whatever was scrolled to reach "save".
    container.scrollTop = 0;
    (problem ? /** @type {HTMLElement} */ (done.querySelector('#register-print-receipt')) : next).focus();
  }

  const back = h('button', { type: 'button', class: 'button button-quiet', id: 'register-back' }, `← ${t('case.back')}`);
  back.addEventListener('click', on.back);
  replace(container,
    h('div', { class: 'case-bar' }, back, h('h2', { id: 'register-title' }, t('register.title'))),
    done, form);
  delete document.body.dataset.registered;
  document.body.dataset.screen = 'register';
  nik.focus();
}

/**
 * A registered applicant's value of a form field ('' when they have none).
 * @param {Applicant} a
 * @param {string} name
 * @returns {string}
 */
function registeredValue(a, name) {
  switch (name) {
    case 'name': return a.name;
    case 'birth_place': return a.birth_place;
    case 'address': return a.address;
    case 'phone': return a.phone ?? '';
    case 'village_code': return a.village_code ?? '';
    default: return '';
  }
}

/**
 * The list of what differs from the registered applicant, after saving.
 * @param {Difference[]} differences
 * @returns {HTMLElement}
 */
function differencesList(differences) {
  return h('div', { class: 'notice', id: 'register-differences', role: 'status' },
    h('p', {}, t('register.differences')),
    h('ul', {}, differences.map((d) => h('li', { 'data-field': d.field },
      t('register.difference.line', { field: fieldLabel(d.field), registered: d.registered || '—', typed: d.typed })))));
}

/**
 * The checklist (checkboxes, Space ticks them) and the permit type's own fields.
 * @param {PermitType} type
 */
function typeDetails(type) {
  return [
    h('p', { class: 'muted' }, t('register.sla', { days: type.sla_days })),
    h('fieldset', { id: 'register-checklist' }, h('legend', {}, t('case.checklist')),
      type.requirements.map((r) => h('div', { class: 'check' },
        h('input', { type: 'checkbox', name: 'received', value: r.position, id: `received-${r.position}` }),
        h('label', { for: `received-${r.position}` }, r.label,
          r.mandatory ? null : h('span', { class: 'sub-inline' }, ` ${t('case.doc.optional')}`))))),
    h('div', { class: 'grid' }, type.fields.map((f) => {
      const id = `detail-${f.key}`;
      return h('div', { class: 'field' },
        h('label', { for: id }, f.label, f.required ? ' *' : ''),
        h('input', { id, 'data-detail': f.key, type: f.kind === 'date' ? 'date' : 'text', autocomplete: 'off' }));
    })),
  ];
}
