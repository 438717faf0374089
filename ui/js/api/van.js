// @ts-check
/**
 * The van's commands: trips, the stop list, outcomes, the survey, pick-up requests, the originals taken
 * in the van (bags) and the dashboards.
 * @module api/van
 */

import { call } from './ipc.js';

/** @typedef {import('./office.js').Village} Village */

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
 * @property {Pickup[]} pickups the pick-up requests put on this trip
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
 * @returns {Promise<{ today: string, couriers: { username: string, full_name: string }[], villages: VillageDemand[],
 *   all_villages: Village[] }>}
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
 * How one stop ended for a permit: handed over (to the holder, whose NIK is checked, or a proxy) or not.
 * @typedef {{ outcome: 'delivered', recipient: import('./cases.js').Recipient }
 *   | { outcome: 'not_delivered', reason: string, note: string | null }} DeliveryOutcome
 */

/** @typedef {'collected' | 'not_ready' | 'not_found' | 'cancelled'} PickupOutcome */

/**
 * Records one permit's outcome at its stop (a courier of the crew, trip out).
 * @param {number} id the trip
 * @param {number} caseId
 * @param {DeliveryOutcome} outcome
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
 * @property {PickupOutcome | null} outcome
 * @property {string | null} outcome_note
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
 * @param {PickupOutcome} outcome
 * @param {string | null} note
 * @returns {Promise<{ pickups: Pickup[], villages: Village[] }>}
 */
export function closePickup(id, outcome, note) {
  return call('close_pickup', { id, outcome, note });
}

/**
 * The satisfaction index (IKM) of some survey answers.
 * @typedef {{ responses: number, ikm: number, grade: string | null }} Ikm
 */

/**
 * Everything the dashboards screen shows.
 * @typedef {object} Dashboards
 * @property {string} today the office's day
 * @property {number} days the window of the expiring list
 * @property {{ village_code: string | null, village: string | null, total: number, up_to_7_days: number,
 *   days_8_to_30: number, over_30_days: number, oldest_issued_on: string | null }[]} undelivered
 * @property {{ village_code: string | null, village: string | null, count: number, first_expiry: string }[]} expiring
 * @property {Trip[]} trips
 * @property {string} survey_from
 * @property {string} survey_to
 * @property {Ikm} ikm
 * @property {(Ikm & { permit_type: string })[]} ikm_by_type
 */

/**
 * The dashboards: undelivered by village and age, expiring within `days`, the week's trips, the IKM.
 * @param {number} days
 * @returns {Promise<Dashboards>}
 */
export function dashboards(days) {
  return call('dashboards', { days });
}

// ---- Applications taken in the van: their originals in sealed bags ----

/**
 * A sealed bag of originals and whether the front office has received it.
 * @typedef {object} Bag
 * @property {string} bag_seal
 * @property {{ case_id: number, registration_number: string, applicant: string, originals: string[] }[]} cases
 * @property {string | null} handed_over_at RFC 3339
 * @property {string | null} received_by
 * @property {string | null} discrepancy
 */

/**
 * A van application whose originals are not in a bag yet, with its checklist (position, label, received).
 * @typedef {object} Unbagged
 * @property {number} case_id
 * @property {string} registration_number
 * @property {string} applicant
 * @property {string} permit_type
 * @property {[number, string, boolean][]} documents
 */

/** @typedef {{ bags: Bag[], unbagged: Unbagged[] }} IntakeView */

/**
 * A trip's sealed bags of originals and the van applications still to bag.
 * @param {number} id the trip
 * @returns {Promise<IntakeView>}
 */
export function tripIntake(id) {
  return call('trip_intake', { id });
}

/**
 * Puts the originals of a van application into a sealed bag (a courier of the trip's crew).
 * @param {number} id the trip
 * @param {{ case_id: number, bag_seal: string, originals: number[] }} intake
 * @returns {Promise<IntakeView>}
 */
export function bagOriginals(id, intake) {
  return call('bag_originals', { id, intake });
}

/**
 * The front office receives a sealed bag from the crew (a clerk), with any discrepancy.
 * @param {number} id the trip
 * @param {{ bag_seal: string, discrepancy: string | null }} handover
 * @returns {Promise<IntakeView>}
 */
export function receiveBag(id, handover) {
  return call('receive_bag', { id, handover });
}
