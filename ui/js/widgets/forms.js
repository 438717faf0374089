// @ts-check
/**
 * Labelled inputs and the display of a command's error beside the field it names. Every input gets a
 * `<label for>`; an error goes into the field's own message line (`aria-describedby`), or the form's. A
 * field may have a hint (a limit, a format) in that line, shown until an error takes its place and back
 * once the errors are cleared. After a refusal the whole field, label included, is scrolled into view.
 * @module widgets/forms
 */

import { errorMessage } from '../i18n/format.js';
import { t } from '../i18n/dictionary.js';
import { h } from './dom.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */

/**
 * @typedef {object} FieldOptions
 * @property {string} [value]
 * @property {string} [type]
 * @property {boolean} [required]
 * @property {string} [autocomplete]
 * @property {boolean} [grow] the field takes the free width of its row
 * @property {string} [hint] already translated: shown in the message line while there is no error
 */

/**
 * A labelled input with a message line under it.
 * @param {string} id element id (also the name the error's `field` is matched on, after the prefix)
 * @param {string} labelKey dictionary key of the label
 * @param {FieldOptions} [options]
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
    hintLine(message, options.hint),
  );
}

/**
 * A field's message line; with a hint it shows the hint (in the quiet colour) until an error replaces it.
 * @param {string} id
 * @param {string} [hint]
 * @returns {HTMLElement}
 */
export function hintLine(id, hint) {
  return h('p', {
    class: hint ? 'field-message field-hint' : 'field-message',
    id,
    'aria-live': 'polite',
    'data-hint': hint || null,
  }, hint ?? '');
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
 * Clears every message of a form; the fields' hints come back.
 * @param {HTMLElement} form
 */
export function clearErrors(form) {
  for (const line of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll('.field-message, .form-message'))) {
    line.textContent = line.dataset.hint ?? '';
    if (line.dataset.hint) line.classList.add('field-hint');
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/**
 * Shows an error beside the input it names (focusing it, with its label in view), else in the form's
 * message line.
 * @param {HTMLElement} form
 * @param {string} prefix the id prefix of the form's inputs
 * @param {CommandError} error
 */
export function showError(form, prefix, error) {
  clearErrors(form);
  const id = inputIdFor(prefix, error.field);
  const input = id ? form.querySelector(`#${id}`) : null;
  const line = /** @type {HTMLElement | null} */ (input ? form.querySelector(`#${id}-message`) : form.querySelector('.form-message'));
  if (line) {
    line.textContent = errorMessage(error);
    line.classList.remove('field-hint', 'warning');
  }
  if (input instanceof HTMLElement) {
    input.setAttribute('aria-invalid', 'true');
    revealField(input);
  }
}

/**
 * Focuses an input and scrolls its whole field (label, input, message) into the middle of its scrolling
 * area: focusing alone scrolls only the input into view and can leave its label above the edge.
 * @param {HTMLElement} input
 */
export function revealField(input) {
  input.focus({ preventScroll: true });
  const box = input.closest('.field, .village-field, fieldset') ?? input;
  box.scrollIntoView({ block: 'center', inline: 'nearest' });
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
