// @ts-check
/**
 * The cards of the screens before the work (setup, sign-in, lock): a titled card in the middle of the
 * main area, and strings the header's language switch translates again in place (the forms stay on
 * screen, keeping what was typed).
 * @module widgets/gate
 */

import { t } from '../i18n/dictionary.js';
import { h } from './dom.js';

/**
 * A titled card.
 * @param {string} id
 * @param {string} titleKey
 * @param {HTMLElement} hint
 * @param {...HTMLElement} body
 * @returns {HTMLElement}
 */
export function gateCard(id, titleKey, hint, ...body) {
  return h(
    'section',
    { class: 'panel gate', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title`, 'data-i18n': titleKey }, t(titleKey)),
    hint,
    ...body,
  );
}

/**
 * A translated string in an element that a language switch translates again (`data-i18n`, with its
 * parameters in `data-i18n-args`).
 * @param {string} tag
 * @param {Record<string, string | null>} attributes
 * @param {string} key
 * @param {Record<string, string>} [args]
 * @returns {HTMLElement}
 */
export function live(tag, attributes, key, args) {
  return h(tag, { ...attributes, 'data-i18n': key, 'data-i18n-args': args ? JSON.stringify(args) : null }, t(key, args));
}
