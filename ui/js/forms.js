// @ts-check
/**
 * Labelled inputs and the display of a command's error beside the field it names. Every input gets a
 * `<label for>`; an error goes into the field's own message line (`aria-describedby`), or the form's.
 * @module forms
 */

import { h } from './dom.js';
import { errorMessage } from './format.js';
import { t } from './i18n.js';

/**
 * A labelled input with a message line under it.
 * @param {string} id element id (also the name the error's `field` is matched on, after the prefix)
 * @param {string} labelKey dictionary key of the label
 * @param {{ value?: string, type?: string, required?: boolean, autocomplete?: string, grow?: boolean }} [options]
 * @returns {HTMLElement}
 */
export function field(id, labelKey, options = {}) {
  const message = `${id}-message`;
  return h(
    'div',
    { class: options.grow ? 'field field-grow' : 'field' },
    h('label', { for: id, 'data-i18n': labelKey }, t(labelKey)),
    h('input', {
      id,
      name: id,
      type: options.type ?? 'text',
      value: options.value ?? null,
      required: options.required ?? false,
      autocomplete: options.autocomplete ?? 'off',
      spellcheck: 'false',
      'aria-describedby': message,
    }),
    h('p', { class: 'field-message', id: message, 'aria-live': 'polite' }),
  );
}

/**
 * The id of the input an error's field points at, for a form whose inputs are `<prefix><field>`.
 * @param {string} prefix
 * @param {string | null} fieldName
 * @returns {string | null}
 */
export function inputIdFor(prefix, fieldName) {
  return fieldName ? `${prefix}${fieldName.replace(/[^a-z0-9_]/gi, '_')}` : null;
}

/**
 * Clears every message of a form.
 * @param {HTMLElement} form
 */
export function clearErrors(form) {
  for (const line of form.querySelectorAll('.field-message, .form-message')) line.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/**
 * Shows an error beside the input it names (focusing it), else in the form's message line.
 * @param {HTMLElement} form
 * @param {string} prefix the id prefix of the form's inputs
 * @param {import('./api.js').CommandError} error
 */
export function showError(form, prefix, error) {
  clearErrors(form);
  const id = inputIdFor(prefix, error.field);
  const input = id ? form.querySelector(`#${id}`) : null;
  const line = input ? form.querySelector(`#${id}-message`) : form.querySelector('.form-message');
  if (line) line.textContent = errorMessage(error);
  if (input instanceof HTMLElement) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

/**
 * The trimmed value of an input of a form.
 * @param {HTMLElement} form
 * @param {string} id
 * @returns {string}
 */
export function valueOf(form, id) {
  const input = form.querySelector(`#${id}`);
  return input instanceof HTMLInputElement ? input.value.trim() : '';
}
