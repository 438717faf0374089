// @ts-check
/**
 * The "today" strip above the case list: the signed-in user's work as counts (what waits for their role,
 * due today, overdue, ready to print, ready to deliver). The core counts them on the office's day with no
 * cap and gives each tile the filter that lists its cases; a tile is a button that narrows the list to it.
 * @module screens/today
 */

import * as api from '../api/cases.js';
import { t } from '../i18n/dictionary.js';
import { h, replace } from '../widgets/dom.js';

/** @typedef {import('../api/cases.js').Tile} Tile */

/**
 * The office's day as the core counted the strip on (the day of its "due today" or "overdue" filter), or
 * null when the strip has neither.
 * @param {readonly Tile[]} tiles
 * @returns {string | null}
 */
export function officeDay(tiles) {
  for (const tile of tiles) {
    const day = tile.filter.due_on ?? tile.filter.overdue_on;
    if (day) return day;
  }
  return null;
}

/**
 * One tile's button: the count big, the label under it.
 * @param {Tile} tile
 * @param {(tile: Tile) => void} pick
 * @returns {HTMLElement}
 */
export function tileButton(tile, pick) {
  const button = h('button', { type: 'button', class: `tile tile-${tile.tone}`, 'data-tile': tile.key },
    h('span', { class: 'tile-count' }, tile.count), h('span', { class: 'tile-label' }, t(`today.${tile.key}`)));
  button.addEventListener('click', () => pick(tile));
  return button;
}

/**
 * Asks the core for the strip and draws it; a tile's button calls `pick` with it.
 * @param {HTMLElement} container
 * @param {(tile: Tile) => void} pick
 * @returns {Promise<Tile[]>} the tiles drawn
 */
export async function showToday(container, pick) {
  const tiles = await api.todayStrip();
  replace(container,
    h('h2', { class: 'today-title' }, t('today.title')),
    tiles.map((tile) => tileButton(tile, pick)));
  return tiles;
}
