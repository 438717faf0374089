// @ts-check
/**
 * Every command the app has is a function here (the areas' own modules are re-exported), so screens
 * import this one module and never call `invoke` or know a command name.
 * @module api
 */

import { call, toCommandError } from './ipc.js';

export { toCommandError };
export * from './api-admin.js';
export * from './api-documents.js';
export * from './api-safety.js';
export * from './api-van.js';

/** @typedef {import('./ipc.js').CommandError} CommandError */
/** @typedef {import('./api-admin.js').DueDateChange} DueDateChange */
/** @typedef {import('./api-documents.js').Verification} Verification */
/** @typedef {import('./api-documents.js').BatchRow} BatchRow */
/** @typedef {import('./api-safety.js').BackupEntry} BackupEntry */
/** @typedef {import('./api-safety.js').AutoBackup} AutoBackup */
/** @typedef {import('./api-safety.js').BackupOverview} BackupOverview */
/** @typedef {import('./api-safety.js').DamagedInfo} DamagedInfo */
/** @typedef {import('./api-safety.js').ImportReport} ImportReport */
/** @typedef {import('./api-van.js').Trip} Trip */
/** @typedef {import('./api-van.js').VillageDemand} VillageDemand */
/** @typedef {import('./api-van.js').Carried} Carried */
/** @typedef {import('./api-van.js').Waiting} Waiting */
/** @typedef {import('./api-van.js').TripPage} TripPage */
/** @typedef {import('./api-van.js').Pickup} Pickup */

/**
 * @typedef {object} AppInfo
 * @property {string} version the desktop app's version
 * @property {string} db_path the database file in use
 * @property {CommandError | null} db_error why the database could not be opened, if it could not
 * @property {Office | null} office the office profile, null until the office is set up
 * @property {DamagedInfo | null} damaged set when the start-up check found the database damaged
 */

/**
 * The office profile (only the fields the window uses are listed).
 * @typedef {object} Office
 * @property {string} government e.g. `PEMERINTAH KABUPATEN BANYUASIN`
 * @property {string} name e.g. `DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU`
 * @property {string} unit e.g. `DPMPTSP`
 */

/**
 * @typedef {object} CaseFilter
 * @property {string} [status] one case status (`received`, `issued`, …)
 * @property {string} [query] free text: registration number, applicant name or NIK, permit number
 * @property {string} [permit_type] a permit type code (`SIPD`, …)
 * @property {string} [due_by] ISO date: cases in progress due on or before it
 * @property {number} [limit] at most this many cases
 */

/**
 * @typedef {object} CaseSummary
 * @property {number} id
 * @property {string} registration_number
 * @property {string} applicant_name
 * @property {string} applicant_nik
 * @property {string} permit_type_code
 * @property {string} permit_type_name
 * @property {string} status
 * @property {'counter' | 'van'} channel where the application was handed in
 * @property {string} registered_at RFC 3339 UTC timestamp
 * @property {string | null} due_date ISO date, set once the file is declared complete
 * @property {string | null} permit_number set when the permit is issued
 * @property {string | null} village the applicant's village
 */

/**
 * The program's version and which database it works on (or why it could not open it).
 * @returns {Promise<AppInfo>}
 */
export function appInfo() {
  return call('app_info');
}

/**
 * Cases matching the filter.
 * @param {CaseFilter} [filter]
 * @returns {Promise<CaseSummary[]>}
 */
export function listCases(filter = {}) {
  return call('list_cases', { filter });
}

/**
 * A signed-in staff member as the Rust side keeps it (the webview never hands one back).
 * @typedef {object} Actor
 * @property {number} id
 * @property {string} username
 * @property {string} full_name
 * @property {'admin' | 'clerk' | 'verifier' | 'signer' | 'courier'} role
 */

/**
 * @typedef {object} SessionInfo
 * @property {boolean} setup_needed the database is new: first-run setup comes first
 * @property {Actor | null} user who is signed in
 * @property {Record<string, string | number>} office_example a profile the setup form starts from
 */

/**
 * Whether setup is needed and who is signed in.
 * @returns {Promise<SessionInfo>}
 */
export function sessionInfo() {
  return call('session_info');
}

/**
 * First-run setup: the office profile and the first admin, who is then signed in.
 * @param {Record<string, string | number>} office
 * @param {{ username: string, full_name: string, password: string, nip: string | null, role: 'admin' }} admin
 * @returns {Promise<Actor>}
 */
export function firstRun(office, admin) {
  return call('first_run', { office, admin });
}

/**
 * @param {string} username
 * @param {string} password
 * @returns {Promise<Actor>}
 */
export function signIn(username, password) {
  return call('sign_in', { username, password });
}

/** Ends the session on the Rust side (sign-out and lock). @returns {Promise<void>} */
export function signOut() {
  return call('sign_out');
}

/**
 * The case screen's data, with the steps the signed-in role may take (`moves`).
 * @param {number} id
 * @returns {Promise<any>}
 */
export function caseDetail(id) {
  return call('case_detail', { id });
}

/**
 * Takes one step as the signed-in user; answers with the case's new detail.
 * @param {number} id
 * @param {{ to: string, reason?: string | null }} step
 * @returns {Promise<any>}
 */
export function moveCase(id, step) {
  return call('move_case', { id, step });
}

/**
 * A file the window wrote into the documents folder: `id` names it in later calls (open, print), `path`
 * is only shown.
 * @typedef {object} SavedFile
 * @property {number} id
 * @property {string} path
 */

/**
 * Saves the certificate or the receipt of a case as a PDF in the documents folder.
 * @param {number} id
 * @param {'certificate' | 'receipt'} kind
 * @returns {Promise<SavedFile>}
 */
export function savePdf(id, kind) {
  return call('save_pdf', { id, kind });
}

/**
 * What a NIK says (birth date, sex, areas, warnings) and the applicant already registered under it.
 * @param {string} nik
 * @returns {Promise<any>}
 */
export function checkNik(nik) {
  return call('check_nik', { nik });
}

/**
 * The active permit types with their checklists and fields.
 * @returns {Promise<any[]>}
 */
export function permitTypes() {
  return call('permit_types');
}

/**
 * Registers a case as the signed-in user; answers its id, number and the saved receipt's path.
 * @param {any} input the core's `NewCase`
 * @returns {Promise<{ id: number, registration_number: string, receipt_path: string }>}
 */
export function registerCase(input) {
  return call('register_case', { input });
}

/**
 * Every staff account.
 * @returns {Promise<{ id: number, username: string, full_name: string, role: string, nip: string | null, active: boolean, created_at: string }[]>}
 */
export function listUsers() {
  return call('list_users');
}

/**
 * Adds a staff account (the core requires an admin).
 * @param {{ username: string, full_name: string, role: string, password: string, nip: string | null }} user
 * @returns {Promise<any>}
 */
export function addUser(user) {
  return call('add_user', { user });
}

/**
 * Changes the office profile (the core requires an admin).
 * @param {Record<string, string | number>} profile
 * @returns {Promise<any>}
 */
export function updateOffice(profile) {
  return call('update_office', { profile });
}

// Administration (admin.js and admin-*.js) -------------------------------------------------------------

/**
 * Records that the holder or a proxy collected an issued permit at the counter (a clerk); the core checks
 * the recipient's NIK. Answers the case as it is now.
 * @param {number} id
 * @param {any} recipient the core's `Recipient` (`{ kind: 'holder', nik }` or a proxy)
 * @returns {Promise<any>}
 */
export function collectCase(id, recipient) {
  return call('collect_case', { id, recipient });
}

/**
 * A trip's sealed bags of originals and the van applications still to bag.
 * @param {number} id the trip
 * @returns {Promise<{ bags: any[], unbagged: any[] }>}
 */
export function tripIntake(id) {
  return call('trip_intake', { id });
}

/**
 * Puts the originals of a van application into a sealed bag (a courier of the trip's crew).
 * @param {number} id the trip
 * @param {{ case_id: number, bag_seal: string, originals: number[] }} intake
 * @returns {Promise<{ bags: any[], unbagged: any[] }>}
 */
export function bagOriginals(id, intake) {
  return call('bag_originals', { id, intake });
}

/**
 * The front office receives a sealed bag from the crew (a clerk), with any discrepancy.
 * @param {number} id the trip
 * @param {{ bag_seal: string, discrepancy: string | null }} handover
 * @returns {Promise<{ bags: any[], unbagged: any[] }>}
 */
export function receiveBag(id, handover) {
  return call('receive_bag', { id, handover });
}

/**
 * The photo of a case's applicant as PNG bytes (empty when there is none).
 * @param {number} id the case
 * @returns {Promise<ArrayBuffer>}
 */
export function casePhoto(id) {
  return call('case_photo', { id });
}

/**
 * Sets the applicant's photo from a PNG chosen in the native dialog; `false` when cancelled.
 * @param {number} id the case
 * @returns {Promise<boolean>}
 */
export function chooseCasePhoto(id) {
  return call('choose_case_photo', { id });
}

/**
 * Sets the applicant's photo from `foto/<NIK>.png` in the documents folder.
 * @param {number} id the case
 * @returns {Promise<void>}
 */
export function casePhotoFromDocuments(id) {
  return call('case_photo_from_documents', { id });
}

/**
 * Removes the applicant's photo.
 * @param {number} id the case
 * @returns {Promise<void>}
 */
export function clearCasePhoto(id) {
  return call('clear_case_photo', { id });
}
