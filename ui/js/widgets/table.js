// @ts-check
/**
 * A plain data table of rows of cells under translated column heads, or a short message when it has no
 * row. Long text in a cell wraps (the table never grows wider than its card).
 * @module widgets/table
 */

import { t } from '../i18n/dictionary.js';
import { h } from './dom.js';

/** @typedef {import('./dom.js').Child} Child */

/**
 * @param {string} id the table's (or the empty message's) id
 * @param {string[]} heads dictionary keys of the column heads
 * @param {Child[][]} rows
 * @param {string} emptyKey dictionary key of the message shown without rows
 * @returns {HTMLElement}
 */
export function dataTable(id, heads, rows, emptyKey) {
  if (rows.length === 0) return h('p', { class: 'empty', id }, t(emptyKey));
  return h('table', { class: 'data-table', id },
    h('thead', {}, h('tr', {}, heads.map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))));
}
