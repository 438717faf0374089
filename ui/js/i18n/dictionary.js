// @ts-check
/**
 * Every string the window shows, in one dictionary: Bahasa Indonesia (the default) and English, each
 * merged from its areas' parts (`i18n/<lang>/<area>.js`). Also the display formats that depend on the
 * language: dates and case status labels.
 * @module i18n/dictionary
 */

import EN from './en/index.js';
import ID from './id/index.js';

/** @typedef {'id' | 'en'} Language */

/** The language a fresh install starts in. */
export const DEFAULT_LANGUAGE = /** @type {Language} */ ('id');

/** @type {Record<Language, Readonly<Record<string, string>>>} */
const DICTIONARY = { id: ID, en: EN };

/** Every case status, in the order of a case's life. */
export const STATUSES = Object.freeze([
  'received',
  'returned',
  'verified',
  'in_review',
  'approved',
  'rejected',
  'issued',
  'out_for_delivery',
  'delivered',
  'picked_up',
  'withdrawn',
]);

/**
 * The colour family of each status (a CSS class suffix). The badge always shows the label as well:
 * colour is never the only signal.
 * @type {Readonly<Record<string, string>>}
 */
const STATUS_TONES = Object.freeze({
  received: 'info',
  returned: 'warning',
  verified: 'progress',
  in_review: 'progress',
  approved: 'success',
  rejected: 'danger',
  issued: 'success',
  out_for_delivery: 'transit',
  delivered: 'done',
  picked_up: 'done',
  withdrawn: 'neutral',
});

/** @type {Language} */
let current = DEFAULT_LANGUAGE;

/**
 * The languages the dictionary has.
 * @returns {Language[]}
 */
export function languages() {
  return /** @type {Language[]} */ (Object.keys(DICTIONARY));
}

/**
 * The keys a language defines itself (without the fallback), for tests and tooling.
 * @param {Language} lang
 * @returns {string[]}
 */
export function keys(lang) {
  return Object.keys(DICTIONARY[lang] ?? {});
}

/**
 * The language strings are looked up in now.
 * @returns {Language}
 */
export function language() {
  return current;
}

/**
 * Switches the language; an unknown code falls back to the default (Bahasa Indonesia).
 * @param {string} lang
 * @returns {Language} the language now in use
 */
export function setLanguage(lang) {
  current = Object.hasOwn(DICTIONARY, lang) ? /** @type {Language} */ (lang) : DEFAULT_LANGUAGE;
  return current;
}

/**
 * The string for `key` in the current language, else in Bahasa Indonesia, else the key itself (so a
 * missing translation is visible, never blank). `{name}` placeholders are filled from `params`.
 * @param {string} key
 * @param {Record<string, string | number>} [params]
 * @returns {string}
 */
export function t(key, params) {
  const own = DICTIONARY[current];
  const fallback = DICTIONARY[DEFAULT_LANGUAGE];
  let text = Object.hasOwn(own, key) ? own[key] : Object.hasOwn(fallback, key) ? fallback[key] : key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (whole, name) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  }
  return text;
}

/**
 * Whether the dictionary has `key` in the current language or the default.
 * @param {string} key
 * @returns {boolean}
 */
export function has(key) {
  return Object.hasOwn(DICTIONARY[current], key) || Object.hasOwn(DICTIONARY[DEFAULT_LANGUAGE], key);
}

/**
 * Formats an ISO date (`2026-11-28`, or the date part of an RFC 3339 timestamp) as `28 November 2026`
 * (`28 Agustus 2026` in Indonesian). Day and month are read from the string, never through the local time
 * zone, so the office's day is what is shown. Returns '' for an empty value and the input unchanged if it
 * is not a real date.
 * @param {string | null | undefined} iso
 * @returns {string}
 */
export function formatDate(iso) {
  if (iso === null || iso === undefined || iso === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return iso;
  }
  return `${day} ${t(`month.${month}`)} ${year}`;
}

/**
 * The label of a case status in the current language; an unknown status shows as itself.
 * @param {string} status
 * @returns {string}
 */
export function statusLabel(status) {
  const key = `status.${status}`;
  return has(key) ? t(key) : status;
}

/**
 * The colour family of a case status for its badge (`info`, `warning`, `progress`, `success`, `danger`,
 * `transit`, `done`, `neutral`); an unknown status is `neutral`.
 * @param {string} status
 * @returns {string}
 */
export function statusTone(status) {
  return Object.hasOwn(STATUS_TONES, status) ? STATUS_TONES[status] : 'neutral';
}
