// @ts-check
/**
 * The van's commands: trips, the stop list, outcomes, the survey, pick-up requests and dashboards.
 * @module
 */

import { call } from './ipc.js';

// ---- The van (trips, stop list, dashboards) ----

/**
 * A trip as listed.
 * @typedef {object} Trip
 * @property {number} id
 * @property {string} date ISO day
 * @property {string} vehicle
 * @property {'planned' | 'out' | 'closed'} status
 * @property {string | null} note
 * @property {string[]} crew usernames
 * @property {number} stops
 * @property {number} permits
 */

/**
 * A village's demand for the van.
 * @typedef {object} VillageDemand
 * @property {string} village_code
 * @property {string} village
 * @property {string} district
 * @property {number} undelivered permits waiting in the pool
 * @property {number} open_pickups pick-up requests not yet on a trip
 * @property {number} oldest_days days the oldest of them has waited
 */

/**
 * One permit carried on a trip and its outcome so far.
 * @typedef {object} Carried
 * @property {number} delivery_id
 * @property {number} case_id
 * @property {string | null} permit_number
 * @property {string} permit_type
 * @property {string} holder
 * @property {string} holder_nik
 * @property {string} address
 * @property {'holder' | 'proxy' | 'not_delivered' | null} outcome
 * @property {'not_home' | 'address_not_found' | 'refused' | 'not_attempted' | null} fail_reason
 * @property {string | null} recipient_name
 * @property {string | null} relation
 */

/**
 * An issued permit waiting in the pool.
 * @typedef {object} Waiting
 * @property {number} case_id
 * @property {string | null} permit_number
 * @property {string} permit_type
 * @property {string} holder
 * @property {string | null} village_code
 * @property {string | null} village
 * @property {string | null} issued_on
 * @property {number} attempts failed deliveries so far
 */

/**
 * A trip page: the trip, its crew's names, its stops in order with their permits, and the pool of its villages.
 * @typedef {object} TripPage
 * @property {Trip} trip
 * @property {string[]} crew_names
 * @property {{ position: number, village_code: string, village: string, district: string, permits: Carried[] }[]} stops
 * @property {Waiting[]} pool
 */

/**
 * Trips of the last month and the coming three, with the office's day.
 * @returns {Promise<{ today: string, trips: Trip[] }>}
 */
export function listTrips() {
  return call('list_trips');
}

/**
 * The plan form's choices: active couriers and villages by demand.
 * @returns {Promise<{ today: string, couriers: { username: string, full_name: string }[], villages: VillageDemand[] }>}
 */
export function tripPlanChoices() {
  return call('trip_plan_choices');
}

/**
 * Plans a trip (clerk or admin); answers its id.
 * @param {{ date: string, vehicle: string, crew: string[], villages: string[], note?: string | null }} trip
 * @returns {Promise<number>}
 */
export function createTrip(trip) {
  return call('create_trip', { trip });
}

/**
 * @param {number} id
 * @returns {Promise<TripPage>}
 */
export function tripPage(id) {
  return call('trip_page', { id });
}

/**
 * Assigns permits (case ids) to a trip by hand.
 * @param {number} id
 * @param {number[]} cases
 * @returns {Promise<TripPage>}
 */
export function assignPermits(id, cases) {
  return call('assign_permits', { id, cases });
}

/**
 * Assigns every waiting permit of a stop's village.
 * @param {number} id
 * @param {string} village
 * @returns {Promise<TripPage>}
 */
export function assignVillage(id, village) {
  return call('assign_village', { id, village });
}

/**
 * Takes a permit off a planned trip.
 * @param {number} id
 * @param {number} caseId
 * @returns {Promise<TripPage>}
 */
export function unassignPermit(id, caseId) {
  return call('unassign_permit', { id, case: caseId });
}

/** @param {number} id @returns {Promise<TripPage>} */
export function startTrip(id) {
  return call('start_trip', { id });
}

/** @param {number} id @returns {Promise<TripPage>} */
export function closeTrip(id) {
  return call('close_trip', { id });
}

/**
 * Saves the manifest or the handover record in the documents folder; answers its path.
 * @param {number} id
 * @param {'manifest' | 'handover'} paper
 * @returns {Promise<string>}
 */
export function saveTripPdf(id, paper) {
  return call('save_trip_pdf', { id, paper });
}

/**
 * Opens a saved manifest or handover record in the desktop's PDF viewer.
 * @param {number} id
 * @param {'manifest' | 'handover'} paper
 * @returns {Promise<void>}
 */
export function openTripPdf(id, paper) {
  return call('open_trip_pdf', { id, paper });
}

/**
 * Records one permit's outcome at its stop (a courier of the crew, trip out).
 * @param {number} id the trip
 * @param {number} caseId
 * @param {{ outcome: 'delivered', recipient: { kind: 'holder', nik: string }
 *   | { kind: 'proxy', name: string, nik: string, relation: string, authority_letter: string } }
 *   | { outcome: 'not_delivered', reason: string, note: string | null }} outcome
 * @returns {Promise<TripPage>}
 */
export function recordDelivery(id, caseId, outcome) {
  return call('record_delivery', { id, case: caseId, outcome });
}

/**
 * Records the nine SKM scores (1–4) of a handed-over permit.
 * @param {number} caseId
 * @param {number[]} answers
 * @returns {Promise<void>}
 */
export function recordSurvey(caseId, answers) {
  return call('record_survey', { case: caseId, answers });
}

/**
 * A pick-up request.
 * @typedef {object} Pickup
 * @property {number} id
 * @property {string} requested_at RFC 3339
 * @property {string} name
 * @property {string | null} phone
 * @property {string} village_code
 * @property {string} village
 * @property {string} purpose
 * @property {number | null} trip_id
 * @property {'collected' | 'not_ready' | 'not_found' | 'cancelled' | null} outcome
 * @property {string | null} outcome_note
 */

/**
 * A village of the office's regency.
 * @typedef {{ code: string, name: string, district: string }} Village
 */

/**
 * Open pick-up requests and the office's villages.
 * @returns {Promise<{ pickups: Pickup[], villages: Village[] }>}
 */
export function pickupScreen() {
  return call('pickup_screen');
}

/**
 * Writes a pick-up request down (clerk or admin).
 * @param {{ name: string, phone: string | null, village_code: string, purpose: string }} input
 * @returns {Promise<{ pickups: Pickup[], villages: Village[] }>}
 */
export function requestPickup(input) {
  return call('request_pickup', { input });
}

/**
 * Puts a pick-up request on a trip that stops in its village.
 * @param {number} id
 * @param {number} trip
 * @returns {Promise<{ pickups: Pickup[], villages: Village[] }>}
 */
export function assignPickup(id, trip) {
  return call('assign_pickup', { id, trip });
}

/**
 * Records how a pick-up request ended (clerk or courier).
 * @param {number} id
 * @param {'collected' | 'not_ready' | 'not_found' | 'cancelled'} outcome
 * @param {string | null} note
 * @returns {Promise<{ pickups: Pickup[], villages: Village[] }>}
 */
export function closePickup(id, outcome, note) {
  return call('close_pickup', { id, outcome, note });
}

/**
 * The dashboards: undelivered by village and age, expiring within `days`, the week's trips, the IKM.
 * @param {number} days
 * @returns {Promise<any>}
 */
export function dashboards(days) {
  return call('dashboards', { days });
}
