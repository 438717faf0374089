// @ts-check
/**
 * A date typed the Indonesian way (DD-MM-YYYY) with the day it reads as written under it. A date picker
 * would show the system locale's order (mm/dd/yyyy under an English locale), not the office's. Used by the
 * holiday calendar, the audit filter and batch printing.
 * @module widgets/day-field
 */

import { formatDate, t } from '../i18n/dictionary.js';
import { h } from './dom.js';

/**
 * The weekday of an ISO date, as a dictionary key (`weekday.1` Monday … `weekday.7` Sunday).
 * @param {string} iso
 * @returns {string}
 */
export function weekdayKey(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `weekday.${day === 0 ? 7 : day}`;
}

/**
 * An ISO date from a date typed the Indonesian way (`20-11-2026`, `20/11/2026`, `20.11.2026`; also
 * `2026-11-20`), or null when it is not a real date.
 * @param {string} text
 * @returns {string | null}
 */
export function parseDay(text) {
  const s = text.trim();
  let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const [y, mo, d] = m ? [Number(m[3]), Number(m[2]), Number(m[1])]
    : (m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)) ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!y) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * An ISO date as typed in the date fields: `20-11-2026`.
 * @param {string} iso
 * @returns {string}
 */
export function typedDay(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/**
 * @typedef {object} DayField
 * @property {HTMLElement} node the labelled field
 * @property {HTMLInputElement} input
 * @property {() => string | null} read the ISO date, '' when empty, or null when not a date
 * @property {(iso: string) => void} set
 */

/**
 * A text field for a date typed as DD-MM-YYYY; under it the date it reads as (`Jumat, 20 November 2026`)
 * or that it is not a date.
 * @param {string} id
 * @param {string} labelKey
 * @param {string} [value] ISO date
 * @returns {DayField}
 */
export function dayField(id, labelKey, value = '') {
  const input = /** @type {HTMLInputElement} */ (h('input', {
    id, name: id, value: value ? typedDay(value) : '', placeholder: t('admin.day.placeholder'), inputmode: 'numeric',
    autocomplete: 'off', spellcheck: 'false', class: 'day-input', 'aria-describedby': `${id}-message`,
  }));
  const line = h('p', { class: 'field-message field-hint', id: `${id}-message`, 'aria-live': 'polite' });
  const read = () => (input.value.trim() === '' ? '' : parseDay(input.value));
  const echo = () => {
    const iso = read();
    line.textContent = iso === '' ? '' : iso ? `${t(weekdayKey(iso))}, ${formatDate(iso)}` : t('admin.day.bad');
    line.classList.toggle('field-hint', iso !== null);
  };
  input.addEventListener('input', echo);
  echo();
  const node = h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), input, line);
  return { node, input, read, set: (iso) => { input.value = iso ? typedDay(iso) : ''; echo(); } };
}
