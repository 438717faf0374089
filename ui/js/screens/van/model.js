// @ts-check
/**
 * The van screens' logic without the DOM: ordering the villages of a trip being planned, grouping the pool
 * by stop, the trip status's tone, ages in days, and what a recorded outcome says. Unit-tested under node.
 * @module screens/van/model
 */

import { t } from '../../i18n/dictionary.js';
import { moveItem } from '../../widgets/order.js';

export { moveItem };
export { tripTone } from '../../widgets/badges.js';
export { villagesByDistrict } from '../../widgets/village-select.js';

/** @typedef {import('../../api/van.js').Carried} Carried */
/** @typedef {import('../../api/van.js').Trip} Trip */
/** @typedef {import('../../api/van.js').Waiting} Waiting */

/** Why a permit may come back undelivered, as the crew picks it. */
export const FAIL_REASONS = Object.freeze(['not_home', 'address_not_found', 'refused']);

/** The nine SKM items, in the regulation's order (their labels are `survey.item.1` … `survey.item.9`). */
export const SURVEY_ITEMS = 9;

/**
 * The chosen villages with `code` added at the end (once).
 * @param {readonly string[]} chosen
 * @param {string} code
 * @returns {string[]}
 */
export function addStop(chosen, code) {
  return chosen.includes(code) ? [...chosen] : [...chosen, code];
}

/**
 * The chosen villages without `code`.
 * @param {readonly string[]} chosen
 * @param {string} code
 * @returns {string[]}
 */
export function removeStop(chosen, code) {
  return chosen.filter((c) => c !== code);
}

/**
 * The pool's permits grouped under the trip's stops, in visiting order (a stop with nothing waiting has an
 * empty list).
 * @param {readonly Waiting[]} pool
 * @param {readonly { village_code: string, village: string, position: number }[]} stops
 * @returns {{ village_code: string, village: string, position: number, permits: Waiting[] }[]}
 */
export function poolByStop(pool, stops) {
  return [...stops]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({
      village_code: s.village_code,
      village: s.village,
      position: s.position,
      permits: pool.filter((w) => w.village_code === s.village_code),
    }));
}

/**
 * Trips still to do (planned or out, soonest first) and done ones (closed, latest first).
 * @param {readonly Trip[]} trips
 * @returns {{ open: Trip[], closed: Trip[] }}
 */
export function splitTrips(trips) {
  const byDate = (/** @type {Trip} */ a, /** @type {Trip} */ b) =>
    a.date.localeCompare(b.date) || a.id - b.id;
  return {
    open: trips.filter((x) => x.status !== 'closed').sort(byDate),
    closed: trips.filter((x) => x.status === 'closed').sort((a, b) => byDate(b, a)),
  };
}

/**
 * The trips `username` is crew on first (a courier looks for their own van), the others after, each
 * group in its given order.
 * @param {Trip[]} trips
 * @param {string} username
 * @returns {Trip[]}
 */
export function mineFirst(trips, username) {
  const mine = (/** @type {Trip} */ x) => x.crew.includes(username);
  return [...trips.filter(mine), ...trips.filter((x) => !mine(x))];
}

/**
 * Whole days from one ISO day to another (0 for a missing or malformed day).
 * @param {string | null | undefined} from
 * @param {string} to
 * @returns {number}
 */
export function daysBetween(from, to) {
  const parse = (/** @type {string} */ s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  };
  if (!from) return 0;
  const days = Math.round((parse(to) - parse(from)) / 86_400_000);
  return Number.isFinite(days) ? days : 0;
}

/**
 * "3 hari" / "3 days"; "hari ini" / "today" for 0; "1 hari" / "1 day".
 * @param {number} days
 * @returns {string}
 */
export function daysText(days) {
  if (days <= 0) return t('van.days.today');
  return t(days === 1 ? 'van.days.one' : 'van.days', { days });
}

/**
 * When a waiting permit was issued, as a whole phrase: "terbit hari ini", "terbit kemarin", "terbit 3
 * hari lalu" ("issued today", "issued yesterday", "issued 3 days ago").
 * @param {number} days since issue
 * @returns {string}
 */
export function issuedAgo(days) {
  if (days <= 0) return t('van.pool.issued.today');
  if (days === 1) return t('van.pool.issued.yesterday');
  return t('van.pool.issued.days', { days });
}

/**
 * What a carried permit's row says about its outcome, and a tone for its colour.
 * @param {Carried} c
 * @returns {{ text: string, tone: 'done' | 'danger' | 'neutral' }}
 */
export function outcomeText(c) {
  switch (c.outcome) {
    case 'holder':
      return { text: t('van.outcome.holder', { name: c.recipient_name ?? '' }), tone: 'done' };
    case 'proxy':
      return {
        text: t('van.outcome.proxy', { name: c.recipient_name ?? '', relation: c.relation ?? '' }),
        tone: 'done',
      };
    case 'not_delivered':
      return { text: t(`van.reason.${c.fail_reason ?? 'not_attempted'}`), tone: 'danger' };
    default:
      return { text: t('van.outcome.none'), tone: 'neutral' };
  }
}

/**
 * How many permits of a trip are handed over, came back, and are still open.
 * @param {readonly { permits: readonly Carried[] }[]} stops
 * @returns {{ delivered: number, failed: number, open: number }}
 */
export function tally(stops) {
  const all = stops.flatMap((s) => s.permits);
  return {
    delivered: all.filter((c) => c.outcome === 'holder' || c.outcome === 'proxy').length,
    failed: all.filter((c) => c.outcome === 'not_delivered').length,
    open: all.filter((c) => !c.outcome).length,
  };
}

/**
 * The nine survey scores if every item has 1–4, else the 1-based numbers of the items missing.
 * @param {readonly (number | null | undefined)[]} values
 * @returns {{ answers: number[] } | { missing: number[] }}
 */
export function surveyAnswers(values) {
  const missing = [];
  for (let i = 0; i < SURVEY_ITEMS; i += 1) {
    const v = values[i];
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 4)) missing.push(i + 1);
  }
  return missing.length ? { missing } : { answers: values.slice(0, SURVEY_ITEMS).map(Number) };
}

/** How a pick-up request can end. */
export const PICKUP_OUTCOMES = /** @type {readonly import('../../api/van.js').PickupOutcome[]} */ (
  Object.freeze(['collected', 'not_ready', 'not_found', 'cancelled']));

