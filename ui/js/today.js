// @ts-check
/**
 * The "today" strip above the case list: the signed-in user's work as counts (waiting for their role, due
 * today, overdue, ready to print, ready to deliver). Each count is a button that narrows the list to it.
 * @module today
 */

import * as api from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';

/**
 * @typedef {object} Tile
 * @property {string} key dictionary key suffix and test id
 * @property {import('./api.js').CaseFilter[]} filters the core filters whose results are joined
 * @property {(c: import('./api.js').CaseSummary) => boolean} keep what of those results counts
 * @property {'info' | 'warning' | 'danger' | 'success'} tone
 */

/** The statuses that wait for each role's next step. */
const WAITING = Object.freeze({
  clerk: ['returned'],
  verifier: ['received', 'verified'],
  signer: ['verified', 'in_review', 'approved'],
  courier: ['issued', 'out_for_delivery'],
  admin: [],
});

/**
 * The tiles of a role's today strip, for the office's `today` (ISO date).
 * @param {string} role
 * @param {string} today
 * @returns {Tile[]}
 */
export function todayTiles(role, today) {
  const all = () => true;
  const waiting = /** @type {Record<string, string[]>} */ (WAITING)[role] ?? [];
  /** @type {Tile[]} */
  const tiles = [];
  if (waiting.length) {
    tiles.push({ key: 'waiting', filters: waiting.map((status) => ({ status })), keep: all, tone: 'info' });
  }
  tiles.push(
    { key: 'due_today', filters: [{ due_by: today }], keep: (c) => c.due_date === today, tone: 'warning' },
    { key: 'overdue', filters: [{ due_by: today }], keep: (c) => Boolean(c.due_date && c.due_date < today), tone: 'danger' },
    { key: 'to_print', filters: [{ status: 'approved' }], keep: all, tone: 'success' },
    { key: 'to_deliver', filters: [{ status: 'issued' }], keep: all, tone: 'success' },
  );
  return tiles;
}

/**
 * The cases of a tile, newest first as the core orders each filter.
 * @param {Tile} tile
 * @returns {Promise<import('./api.js').CaseSummary[]>}
 */
export async function tileCases(tile) {
  const lists = await Promise.all(tile.filters.map((f) => api.listCases({ ...f, limit: 500 })));
  return lists.flat().filter(tile.keep);
}

/**
 * Counts every tile and draws the strip; a tile's button calls `pick` with it.
 * @param {HTMLElement} container
 * @param {string} role
 * @param {string} today
 * @param {(tile: Tile) => void} pick
 */
export async function showToday(container, role, today, pick) {
  const tiles = todayTiles(role, today);
  const counts = await Promise.all(tiles.map(async (tile) => (await tileCases(tile)).length));
  replace(container,
    h('h2', { class: 'today-title' }, t('today.title')),
    tiles.map((tile, i) => {
      const button = h('button', { type: 'button', class: `tile tile-${tile.tone}`, 'data-tile': tile.key },
        h('span', { class: 'tile-count' }, counts[i]), h('span', { class: 'tile-label' }, t(`today.${tile.key}`)));
      button.addEventListener('click', () => pick(tile));
      return button;
    }));
}
