// @ts-check
/**
 * A `<select>` of the office's villages grouped by district (the pick-up form, the trip plan's "other
 * village"), for short lists where typing a name is not needed.
 * @module widgets/village-select
 */

import { t } from '../i18n/dictionary.js';
import { h } from './dom.js';

/** @typedef {import('../api/office.js').Village} Village */

/**
 * Villages grouped by district, keeping their order (the core sends them by district, then name).
 * @template {{ district: string }} V
 * @param {readonly V[]} villages
 * @returns {{ district: string, villages: V[] }[]}
 */
export function villagesByDistrict(villages) {
  /** @type {{ district: string, villages: V[] }[]} */
  const groups = [];
  for (const v of villages) {
    const last = groups[groups.length - 1];
    if (last && last.district === v.district) last.villages.push(v);
    else groups.push({ district: v.district, villages: [v] });
  }
  return groups;
}

/**
 * The select, with an empty first choice.
 * @param {string} id
 * @param {readonly Village[]} villages
 * @returns {HTMLSelectElement}
 */
export function villageSelect(id, villages) {
  return /** @type {HTMLSelectElement} */ (h('select', { id, name: id, 'aria-describedby': `${id}-message` },
    h('option', { value: '' }, t('van.village.choose')),
    villagesByDistrict(villages).map((g) => h('optgroup', { label: g.district },
      g.villages.map((v) => h('option', { value: v.code }, `${v.name} (${v.code})`))))));
}
