// @ts-check
/**
 * Who takes a finished permit: the holder (their NIK is checked against the permit) or a proxy with a
 * letter of authority. The same form serves the counter; the core checks every value again.
 * @module widgets/recipient-form
 */

import { t } from '../i18n/dictionary.js';
import { h, replace } from './dom.js';
import { clearErrors, field, showError, valueOf } from './forms.js';

/** The inputs of each kind of recipient, named as the core names the fields of its errors. */
export const RECIPIENT_FIELDS = Object.freeze({
  holder: ['nik'],
  proxy: ['recipient_name', 'recipient_nik', 'relation', 'authority_letter'],
});

/**
 * The core's `Recipient` from the form's values.
 * @param {'holder' | 'proxy'} kind
 * @param {(name: string) => string} value the trimmed value of an input by field name
 * @returns {{ kind: 'holder', nik: string } | { kind: 'proxy', name: string, nik: string, relation: string, authority_letter: string }}
 */
export function recipientFrom(kind, value) {
  if (kind === 'holder') return { kind, nik: value('nik').replace(/\s+/g, '') };
  return {
    kind,
    name: value('recipient_name'),
    nik: value('recipient_nik').replace(/\s+/g, ''),
    relation: value('relation'),
    authority_letter: value('authority_letter'),
  };
}

/**
 * A form asking who takes the permit; `submit` gets the recipient and answers with an error to show
 * beside its field, or nothing when it was recorded.
 * @param {{ prefix: string, title: string, holder: string,
 *   submit: (recipient: ReturnType<typeof recipientFrom>) => Promise<import('../api/ipc.js').CommandError | null>,
 *   cancel: () => void }} options
 * @returns {HTMLFormElement}
 */
export function recipientForm(options) {
  const { prefix } = options;
  /** @type {'holder' | 'proxy'} */
  let kind = 'holder';
  const choice = (/** @type {'holder' | 'proxy'} */ value) => {
    const input = h('input', { type: 'radio', name: `${prefix}kind`, id: `${prefix}kind-${value}`, value, checked: value === kind });
    input.addEventListener('change', () => {
      kind = value;
      draw();
    });
    return h('label', { class: 'choice', for: `${prefix}kind-${value}` }, input,
      value === 'holder' ? t('recipient.holder', { name: options.holder }) : t('recipient.proxy'));
  };
  const fields = h('div', { class: 'recipient-fields' });
  const labels = {
    nik: 'recipient.holder_nik',
    recipient_name: 'recipient.name',
    recipient_nik: 'recipient.nik',
    relation: 'recipient.relation',
    authority_letter: 'recipient.letter',
  };
  const message = h('p', { class: 'form-message', role: 'status', 'aria-live': 'polite' });
  const confirm = h('button', { type: 'submit', class: 'button', id: `${prefix}confirm` }, t('recipient.confirm'));
  const cancel = h('button', { type: 'button', class: 'button button-quiet' }, t('case.cancel'));
  cancel.addEventListener('click', options.cancel);
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'reason-form recipient-form', id: `${prefix}form`, novalidate: true },
    h('h4', {}, options.title),
    h('fieldset', { class: 'choices' }, h('legend', {}, t('recipient.who')), choice('holder'), choice('proxy')),
    fields, message, h('div', { class: 'form-actions' }, confirm, cancel)));

  function draw() {
    replace(fields, ...RECIPIENT_FIELDS[kind].map((name) =>
      field(`${prefix}${name}`, labels[/** @type {keyof typeof labels} */ (name)], { grow: true })));
    /** @type {HTMLElement | null} */ (fields.querySelector('input'))?.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    /** @type {HTMLButtonElement} */ (confirm).disabled = true;
    const error = await options.submit(recipientFrom(kind, (name) => valueOf(form, `${prefix}${name}`)));
    /** @type {HTMLButtonElement} */ (confirm).disabled = false;
    if (error) showError(form, prefix, error);
  });
  draw();
  return form;
}
