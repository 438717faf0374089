// @ts-check
/**
 * The register screen, one form for the keyboard: NIK (decoded as typed, a known applicant fills in),
 * applicant, permit type chosen by typing its code or name, its checklist and fields; Enter saves and the
 * receipt is saved at once. "Next applicant" clears every field.
 * @module register
 */

import * as api from './api.js';
import { h, replace } from './dom.js';
import { clearErrors, field, showError, valueOf } from './forms.js';
import { errorMessage } from './format.js';
import { formatDate, t } from './i18n.js';
import { villagePicker } from './village.js';

const APPLICANT_FIELDS = ['name', 'birth_place', 'address', 'phone'];

/**
 * The permit type a typed text means: its code, or `CODE — name` as the list offers it, or a name.
 * @param {{ code: string, name: string }[]} types
 * @param {string} text
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
 * @param {any} info the core's `NikInfo`
 * @returns {string}
 */
export function nikSummary(info) {
  const area = [info.district, info.regency, info.province].filter(Boolean).join(', ');
  return t('register.nik.decoded', {
    birth: formatDate(info.birth_date),
    sex: t(`sex.${info.sex}`),
    area,
  });
}

/**
 * Shows the register screen in `container`.
 * @param {HTMLElement} container
 * @param {{ open: (id: number) => void, back: () => void, error: (e: api.CommandError) => void, channel?: 'counter' | 'van' }} on
 */
export async function showRegister(container, on) {
  /** @type {any[]} */
  let types;
  try {
    types = await api.permitTypes();
  } catch (error) {
    on.error(/** @type {api.CommandError} */ (error));
    return;
  }
  /** @type {any} */
  let chosen;
  let nikGeneration = 0;
  const nikInfo = h('p', { class: 'nik-info', id: 'register-nik-info', 'aria-live': 'polite' });
  const known = h('p', { class: 'known', id: 'register-known', 'aria-live': 'polite' });
  const typeBox = h('div', { id: 'register-type-details' });
  const village = villagePicker({ id: 'register-village_code', label: t('register.village'), hint: t('register.village.hint') });
  const done = h('div', { id: 'register-done', 'aria-live': 'polite' });
  const options = h('datalist', { id: 'permit-type-options' },
    types.map((p) => h('option', { value: `${p.code} — ${p.name}` })));
  const typeField = field('register-permit_type', 'register.permit_type', { grow: true });
  typeField.querySelector('input')?.setAttribute('list', 'permit-type-options');
  const form = h(
    'form',
    { id: 'register-form', class: 'gate-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t('case.applicant')),
      h('div', { class: 'grid' },
        h('div', {}, field('register-nik', 'case.nik', { required: true }), nikInfo, known),
        APPLICANT_FIELDS.filter((k) => k !== 'phone')
          .map((k) => field(`register-${k}`, `register.${k}`, { required: true })),
        // The van plans its trips by village: typed by name, limited to the office's regency.
        h('div', { class: 'field' }, village.element,
          h('p', { class: 'field-message', id: 'register-village_code-message', 'aria-live': 'polite' })),
        field('register-phone', 'register.phone', { required: false }))),
    h('fieldset', {}, h('legend', {}, t('case.permit')), typeField, options, typeBox),
    h('p', { class: 'form-message', role: 'alert' }),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button', id: 'register-save' }, t('register.save'))),
  );
  const nik = /** @type {HTMLInputElement} */ (form.querySelector('#register-nik'));
  const typeInput = /** @type {HTMLInputElement} */ (form.querySelector('#register-permit_type'));

  nik.addEventListener('input', async () => {
    const mine = ++nikGeneration;
    const digits = nik.value.replace(/\D/g, '');
    nikInfo.textContent = '';
    known.textContent = '';
    const line = /** @type {HTMLElement} */ (form.querySelector('#register-nik-message'));
    line.textContent = '';
    nik.removeAttribute('aria-invalid');
    if (digits.length < 16) return;
    try {
      const check = await api.checkNik(nik.value);
      if (mine !== nikGeneration) return;
      nikInfo.textContent = nikSummary(check.info);
      // Warnings inform, they never block the save.
      if (check.info.warnings.length) line.textContent = check.info.warnings.join(' ');
      line.classList.toggle('warning', check.info.warnings.length > 0);
      if (check.applicant) {
        known.textContent = t('register.known');
        for (const k of APPLICANT_FIELDS) {
          const input = /** @type {HTMLInputElement} */ (form.querySelector(`#register-${k}`));
          input.value = check.applicant[k] ?? '';
        }
        const a = check.applicant;
        village.set(a.village_code ? { code: a.village_code, name: a.village ?? a.village_code, district: '' } : null);
      }
    } catch (error) {
      if (mine !== nikGeneration) return;
      line.classList.remove('warning');
      line.textContent = errorMessage(/** @type {api.CommandError} */ (error));
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
    clearErrors(form);
    const received = [...form.querySelectorAll('input[name="received"]:checked')]
      .map((box) => Number(/** @type {HTMLInputElement} */ (box).value));
    /** @type {Record<string, string>} */
    const details = {};
    for (const input of form.querySelectorAll('[data-detail]')) {
      const value = /** @type {HTMLInputElement} */ (input).value.trim();
      if (value) details[/** @type {HTMLElement} */ (input).dataset.detail ?? ''] = value;
    }
    const phone = valueOf(form, 'register-phone');
    try {
      const saved = await api.registerCase({
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
      });
      showDone(saved);
    } catch (error) {
      const e = /** @type {api.CommandError} */ (error);
      showError(form, 'register-', e.field?.startsWith('details') ? { ...e, field: null } : e);
    }
  });

  /** @param {{ id: number, registration_number: string, receipt_path: string }} saved */
  function showDone(saved) {
    const open = h('button', { type: 'button', class: 'button button-quiet', id: 'register-open' }, t('register.open'));
    const next = h('button', { type: 'button', class: 'button', id: 'register-next' }, t('register.next'));
    open.addEventListener('click', () => on.open(saved.id));
    next.addEventListener('click', () => void showRegister(container, on));
    form.hidden = true;
    replace(done,
      h('p', { class: 'done', id: 'register-number' }, t('register.saved', { number: saved.registration_number })),
      h('p', { class: 'muted', id: 'register-receipt' }, t('case.saved', { path: saved.receipt_path })),
      h('div', { class: 'form-actions' }, next, open));
    document.body.dataset.registered = saved.registration_number;
    next.focus();
  }

  const back = h('button', { type: 'button', class: 'button button-quiet', id: 'register-back' }, `← ${t('case.back')}`);
  back.addEventListener('click', on.back);
  replace(container,
    h('div', { class: 'case-bar' }, back, h('h2', { id: 'register-title' }, t('register.title'))),
    form, done);
  delete document.body.dataset.registered;
  document.body.dataset.screen = 'register';
  nik.focus();
}

/**
 * The checklist (checkboxes, Space ticks them) and the permit type's own fields.
 * @param {any} type
 */
function typeDetails(type) {
  return [
    h('p', { class: 'muted' }, t('register.sla', { days: type.sla_days })),
    h('fieldset', { id: 'register-checklist' }, h('legend', {}, t('case.checklist')),
      type.requirements.map((/** @type {any} */ r) => h('div', { class: 'check' },
        h('input', { type: 'checkbox', name: 'received', value: r.position, id: `received-${r.position}` }),
        h('label', { for: `received-${r.position}` }, r.label,
          r.mandatory ? null : h('span', { class: 'sub-inline' }, ` ${t('case.doc.optional')}`))))),
    h('div', { class: 'grid' }, type.fields.map((/** @type {any} */ f) => {
      const id = `detail-${f.key}`;
      return h('div', { class: 'field' },
        h('label', { for: id }, f.label, f.required ? ' *' : ''),
        h('input', { id, 'data-detail': f.key, type: f.kind === 'date' ? 'date' : 'text', autocomplete: 'off' }));
    })),
  ];
}
