// @ts-check
/**
 * Status badges: the colour follows the status, and the label always says it in words (colour is never
 * the only signal).
 * @module widgets/badges
 */

import { statusLabel, statusTone, t } from '../i18n/dictionary.js';
import { h } from './dom.js';

/**
 * A case status badge.
 * @param {string} status
 * @returns {HTMLElement}
 */
export function statusBadge(status) {
  return h('span', { class: `badge badge-${statusTone(status)}`, 'data-status': status }, statusLabel(status));
}

/**
 * The badge tone of a trip status.
 * @param {string} status
 * @returns {'info' | 'transit' | 'done' | 'neutral'}
 */
export function tripTone(status) {
  switch (status) {
    case 'planned':
      return 'info';
    case 'out':
      return 'transit';
    case 'closed':
      return 'done';
    default:
      return 'neutral';
  }
}

/**
 * A trip status badge.
 * @param {string} status
 * @param {string} [id]
 * @returns {HTMLElement}
 */
export function tripBadge(status, id) {
  return h('span', { class: `badge badge-${tripTone(status)}`, id: id ?? null, 'data-trip-status': status },
    t(`van.status.${status}`));
}
