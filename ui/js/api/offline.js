// @ts-check
/**
 * The van's day offline: the sync screen (check a trip out to this laptop, check the day back in with
 * progress) and the review list of what the check-ins could not decide.
 * @module api/offline
 */

import { call, channel } from './ipc.js';

/** @typedef {import('./van.js').Trip} Trip */
/** @typedef {import('./connection.js').VanStatus} VanStatus */

/**
 * A trip the office could send out on a laptop.
 * @typedef {Trip & { checked_out_to: string | null }} SyncTrip
 */

/**
 * @typedef {object} SyncScreen
 * @property {'office' | 'van'} place
 * @property {string} address the register in use
 * @property {SyncTrip[]} trips at the office: planned and out trips
 * @property {VanStatus | null} van on a van laptop
 * @property {string | null} office_chosen the office file chosen in the dialog
 */

/**
 * @typedef {object} Checkout
 * @property {string} checkout_id
 * @property {string} van
 * @property {number} trip_id
 * @property {string} file
 * @property {number} permits
 * @property {number} pickups
 */

/**
 * @typedef {object} CheckinReport
 * @property {string} checkout_id
 * @property {string} van
 * @property {number} actions
 * @property {number} applied
 * @property {number} already_applied
 * @property {number} conflicts
 * @property {boolean} finished
 */

/** @typedef {'apply' | 'use_van_data' | 'dismiss'} Decision */

/**
 * What the reviewer decides.
 * @typedef {{ decision: 'apply' } | { decision: 'use_van_data' } | { decision: 'dismiss', reason: string }} Resolution
 */

/**
 * A conflict for the review list.
 * @typedef {object} Conflict
 * @property {number} id
 * @property {string} checkout_id
 * @property {number} seq
 * @property {string} action register, outcome, intake, survey, pickup
 * @property {string} kind clock, refused, depends, not_on_trip, applicant_differs, possible_duplicate
 * @property {string} reason
 * @property {string} payload the van's data (JSON)
 * @property {string} van_actor
 * @property {string} van_at
 * @property {number | null} case_id
 * @property {string} status open, applied, dismissed
 * @property {string | null} resolution
 * @property {string | null} case_number
 * @property {string | null} permit_number
 * @property {string | null} holder
 * @property {Decision[]} decisions
 */

/** @returns {Promise<SyncScreen>} */
export function syncScreen() {
  return call('sync_screen');
}

/**
 * Checks a trip out to this laptop; the window then works on the van's register.
 * @param {number} trip
 * @param {string} van
 * @returns {Promise<Checkout>}
 */
export function checkoutTrip(trip, van) {
  return call('checkout_trip', { trip, van });
}

/**
 * Checks the day in; `finish` ends it and switches back to the office register.
 * @param {boolean} useChosen into the office file chosen in the dialog
 * @param {boolean} finish
 * @param {(progress: { done: number, total: number }) => void} onProgress
 * @returns {Promise<CheckinReport>}
 */
export function checkinVan(useChosen, finish, onProgress) {
  return call('checkin_van', { useChosen, finish, onProgress: channel(onProgress) });
}

/** The office register file, chosen in the native dialog. @returns {Promise<string | null>} its name */
export function chooseOfficeFile() {
  return call('choose_office_file');
}

/**
 * @param {boolean} all resolved ones too
 * @returns {Promise<Conflict[]>}
 */
export function vanConflicts(all) {
  return call('van_conflicts', { all });
}

/**
 * @param {number} id
 * @param {Resolution} resolution
 * @returns {Promise<Conflict>}
 */
export function resolveConflict(id, resolution) {
  return call('resolve_conflict', { id, resolution });
}
