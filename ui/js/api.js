// @ts-check
/**
 * The only module that talks to the Rust side. Every command the app has is a function here; screens
 * import these and never call `invoke` or know a command name.
 * @module api
 */

/**
 * An error as every command reports it.
 * @typedef {object} CommandError
 * @property {string} code a short stable code (`invalid`, `not_found`, `db_unavailable`, …)
 * @property {string} message an English description (the UI shows its own translation of `code` first)
 * @property {string | null} field the input at fault, when there is one
 */

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
 * Calls a command and turns every failure into a {@link CommandError}.
 * @template T
 * @param {string} command
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<T>}
 */
async function call(command, args) {
  const tauri = /** @type {any} */ (window).__TAURI__;
  if (!tauri?.core?.invoke) {
    throw toCommandError('The Tauri bridge is missing: open this page in the Petromaks app.');
  }
  try {
    return await tauri.core.invoke(command, args);
  } catch (error) {
    throw toCommandError(error);
  }
}

/**
 * Normalises whatever a rejected call carries into a {@link CommandError}.
 * @param {unknown} error
 * @returns {CommandError}
 */
export function toCommandError(error) {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const e = /** @type {{code: unknown, message: unknown, field?: unknown}} */ (error);
    return {
      code: String(e.code),
      message: String(e.message),
      field: typeof e.field === 'string' ? e.field : null,
    };
  }
  return { code: 'internal', message: String(error), field: null };
}

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
 * Every permit type, active and retired, each with `in_use` (a case used it: never deleted, code fixed).
 * @returns {Promise<any[]>}
 */
export function adminCatalogue() {
  return call('admin_catalogue');
}

/**
 * Adds a permit type (the core's `PermitTypeInput`); answers the saved entry.
 * @param {any} input
 * @returns {Promise<any>}
 */
export function createPermitType(input) {
  return call('create_permit_type', { input });
}

/**
 * Replaces a permit type's definition; answers the saved entry.
 * @param {number} id
 * @param {any} input
 * @returns {Promise<any>}
 */
export function updatePermitType(id, input) {
  return call('update_permit_type', { id, input });
}

/**
 * Retires (`active` false) or reactivates a permit type.
 * @param {number} id
 * @param {boolean} active
 * @returns {Promise<any>}
 */
export function setPermitTypeActive(id, active) {
  return call('set_permit_type_active', { id, active });
}

/**
 * Deletes a permit type no case ever used (the core refuses one in use, with its reason).
 * @param {number} id
 * @returns {Promise<void>}
 */
export function deletePermitType(id) {
  return call('delete_permit_type', { id });
}

/**
 * The next permit number with a template being typed, without taking it (`id` null for a new type).
 * @param {{ id: number | null, template: string, code: string, classification: string }} preview
 * @returns {Promise<string>}
 */
export function previewPermitNumber(preview) {
  return call('preview_permit_number', { preview });
}

/**
 * @typedef {object} DueDateChange An open case whose due date a calendar change moved.
 * @property {number} case_id
 * @property {string} registration_number
 * @property {string} old_due ISO date
 * @property {string} new_due ISO date
 */

/**
 * A year's holidays and whether cuti bersama counts as a working day.
 * @param {number} year
 * @returns {Promise<{ year: number, holidays: { day: string, name: string, kind: string }[], cuti_bersama_is_working: boolean }>}
 */
export function holidayYear(year) {
  return call('holiday_year', { year });
}

/**
 * Adds a holiday; answers the cases whose due date moved.
 * @param {{ day: string, name: string, kind: string }} holiday
 * @returns {Promise<DueDateChange[]>}
 */
export function addHoliday(holiday) {
  return call('add_holiday', { holiday });
}

/**
 * Changes the holiday on `day`; answers the cases whose due date moved.
 * @param {string} day
 * @param {{ day: string, name: string, kind: string }} holiday
 * @returns {Promise<DueDateChange[]>}
 */
export function editHoliday(day, holiday) {
  return call('edit_holiday', { day, holiday });
}

/**
 * Removes the holiday on `day`; answers the cases whose due date moved.
 * @param {string} day
 * @returns {Promise<DueDateChange[]>}
 */
export function removeHoliday(day) {
  return call('remove_holiday', { day });
}

/**
 * Sets whether cuti bersama counts as a working day; answers the cases whose due date moved.
 * @param {boolean} working
 * @returns {Promise<DueDateChange[]>}
 */
export function setCutiBersama(working) {
  return call('set_cuti_bersama', { working });
}

/**
 * Replaces a year's holidays with a CSV file chosen in the native dialog; null when it is cancelled.
 * @param {number} year
 * @returns {Promise<DueDateChange[] | null>}
 */
export function importHolidays(year) {
  return call('import_holidays', { year });
}

/**
 * Deactivates or reactivates an account (never deleted).
 * @param {number} id
 * @param {boolean} active
 * @returns {Promise<any>}
 */
export function setUserActive(id, active) {
  return call('set_user_active', { id, active });
}

/**
 * Sets a new password for an account (the core checks the password policy).
 * @param {number} id
 * @param {string} password
 * @returns {Promise<void>}
 */
export function resetPassword(id, password) {
  return call('reset_password', { id, password });
}

/**
 * Changes an account's role.
 * @param {number} id
 * @param {string} role
 * @returns {Promise<any>}
 */
export function changeRole(id, role) {
  return call('change_role', { id, role });
}

/**
 * The audit log, newest first: case events and admin changes.
 * @param {Record<string, string | number>} query `case_number`, `user`, `action`, `from`, `to`, `limit`
 * @returns {Promise<any[]>}
 */
export function auditLog(query) {
  return call('audit_log', { query });
}

/**
 * Verifies both tamper-evident chains.
 * @returns {Promise<{ ok: boolean, case_events: any, admin_events: any }>}
 */
export function verifyAudit() {
  return call('verify_audit');
}

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

// ---- Data safety: backups, start-up restore, import and export ----

/**
 * @typedef {object} BackupEntry
 * @property {string} name the file's name in the backup folder (what a restore sends back)
 * @property {string} taken_at RFC 3339 UTC
 * @property {number} bytes
 * @property {('daily' | 'weekly' | 'monthly')[]} kept_for why the rotation keeps it (empty: it goes next)
 */

/**
 * @typedef {object} AutoBackup
 * @property {string} at RFC 3339 UTC
 * @property {'close' | 'daily'} trigger
 * @property {boolean} ok
 * @property {string} detail the file's name, or the error
 */

/**
 * @typedef {object} BackupOverview
 * @property {string} folder
 * @property {boolean} default_folder
 * @property {BackupEntry[]} backups newest first
 * @property {AutoBackup | null} last_auto
 */

/**
 * @typedef {object} DamagedInfo
 * @property {string} file the damaged database (never modified)
 * @property {string} message what the check found, in English
 * @property {string} backup_folder
 * @property {BackupEntry | null} latest_good
 */

/**
 * @typedef {object} ImportReport
 * @property {boolean} dry_run
 * @property {number} rows
 * @property {{ line: number, reason: string }[]} bad
 * @property {number} applicants_created
 * @property {number} cases_registered
 * @property {boolean} written
 */

/** @typedef {{ folder: string, files: string[] }} ImportFiles */

/** The backup folder and its backups (admin). @returns {Promise<BackupOverview>} */
export function backupOverview() {
  return call('backup_overview');
}

/** Takes a checked backup now (admin). @returns {Promise<BackupEntry>} */
export function backupNow() {
  return call('backup_now');
}

/**
 * Restores the backup named `name` from the backup folder (admin); everyone is signed out.
 * @param {string} name
 * @returns {Promise<{ restored_from: string, replaced_kept_at: string | null }>}
 */
export function restoreBackup(name) {
  return call('restore_backup', { name });
}

/**
 * At start-up with a damaged register: restores the latest good backup (the damaged file is kept aside).
 * @returns {Promise<{ restored_from: string, replaced_kept_at: string | null }>}
 */
export function restoreDamaged() {
  return call('restore_damaged');
}

/**
 * Exports cases or applicants into the documents folder; answers the file's path.
 * @param {'cases' | 'applicants'} what
 * @param {'csv' | 'xlsx'} format
 * @returns {Promise<string>}
 */
export function exportData(what, format) {
  return call('export_data', { what, format });
}

/** The CSV files waiting in the documents folder's `impor/`, by name. @returns {Promise<ImportFiles>} */
export function importFiles() {
  return call('import_files');
}

/**
 * Dry run (`confirm` false) or all-or-nothing import of the file `name` from `impor/`.
 * @param {string} name
 * @param {boolean} confirm
 * @returns {Promise<ImportReport>}
 */
export function importFile(name, confirm) {
  return call('import_file', { name, confirm });
}

/** Asks for the backup folder in the system's folder dialog (admin); null when cancelled. @returns {Promise<string | null>} */
export function chooseBackupFolder() {
  return call('choose_backup_folder');
}

/**
 * Exports through the system's save dialog; answers the path, or null when cancelled.
 * @param {'cases' | 'applicants'} what
 * @param {'csv' | 'xlsx'} format
 * @returns {Promise<string | null>}
 */
export function exportDataAs(what, format) {
  return call('export_data_as', { what, format });
}

/**
 * Asks for a CSV file in the system's file dialog and answers its name and dry run; null when cancelled.
 * @returns {Promise<[string, ImportReport] | null>}
 */
export function chooseImportFile() {
  return call('choose_import_file');
}

/** Imports (all or nothing) the file last chosen in the dialog. @returns {Promise<ImportReport>} */
export function importChosenFile() {
  return call('import_chosen_file');
}

/**
 * At start-up with a damaged register: restores a backup file picked in the system's dialog; null when
 * cancelled.
 * @returns {Promise<{ restored_from: string, replaced_kept_at: string | null } | null>}
 */
export function restoreDamagedFromFile() {
  return call('restore_damaged_from_file');
}

// --- documents: verification, batch printing, printers ---

/**
 * A permit code's verdict: `genuine`, `tampered`, `unknown_key`, `expired` or `revoked`, with what the code
 * claims when it could be read.
 * @typedef {object} Verification
 * @property {'genuine' | 'tampered' | 'unknown_key' | 'expired' | 'revoked'} verdict
 * @property {{ permit_number: string, holder_name: string, masked_nik: string, permit_type: string,
 *   valid_until: string | null, key_id: string } | null} claim
 * @property {string} message the core's English sentence
 */

/**
 * Checks a scanned or pasted QR payload against this office's keys and revocations.
 * @param {string} payload
 * @returns {Promise<Verification>}
 */
export function verifyPermit(payload) {
  return call('verify_permit', { payload });
}

/**
 * Writes the office's public key into the documents folder.
 * @returns {Promise<SavedFile>}
 */
export function exportOfficeKey() {
  return call('export_office_key');
}

/**
 * How a batch chooses its permits (the core's `Selection`).
 * @typedef {{ by: 'village', code: string } | { by: 'issued_between', from: string, to: string }
 *   | { by: 'cases', ids: number[] } | { by: 'trip', trip: number }} Selection
 */

/**
 * @typedef {object} BatchRow
 * @property {number} id
 * @property {string} registration_number
 * @property {string | null} permit_number
 * @property {string} holder
 * @property {string | null} village
 * @property {string} permit_type_code
 * @property {string} status
 */

/**
 * Van trips dated between two ISO days.
 * @param {string} from
 * @param {string} to
 * @returns {Promise<{ id: number, date: string, vehicle: string, status: string, permits: number, stops: number }[]>}
 */
export function batchTrips(from, to) {
  return call('batch_trips', { from, to });
}

/**
 * Villages of the office's regency whose name or code matches.
 * @param {string} query
 * @returns {Promise<{ code: string, name: string, district: string }[]>}
 */
export function findVillages(query) {
  return call('find_villages', { query });
}

/**
 * The permits a selection names, in print order.
 * @param {Selection} selection
 * @returns {Promise<BatchRow[]>}
 */
export function batchPreview(selection) {
  return call('batch_preview', { selection });
}

/**
 * Prints a batch into one PDF; `onProgress` hears each certificate. Answers `null` when cancelled.
 * @param {Selection} selection
 * @param {(p: { done: number, total: number }) => void} onProgress
 * @returns {Promise<{ file: SavedFile, count: number, copies: number } | null>}
 */
export function printBatch(selection, onProgress) {
  const Channel = /** @type {any} */ (window).__TAURI__?.core?.Channel;
  if (!Channel) return Promise.reject(toCommandError('The Tauri bridge is missing: open this page in the Petromaks app.'));
  const channel = new Channel();
  channel.onmessage = onProgress;
  return call('print_batch', { selection, onProgress: channel });
}

/** Asks the running batch to stop. @returns {Promise<void>} */
export function cancelBatch() {
  return call('cancel_batch');
}

/**
 * Writes the envelope label sheet of a selection.
 * @param {Selection} selection
 * @returns {Promise<SavedFile>}
 */
export function batchLabels(selection) {
  return call('batch_labels', { selection });
}

/**
 * The CUPS printers and the default one.
 * @returns {Promise<{ names: string[], default: string | null }>}
 */
export function listPrinters() {
  return call('list_printers');
}

/**
 * Sends a file the window wrote to a printer (the default when `null`); answers CUPS's job line.
 * @param {number} file a {@link SavedFile} id
 * @param {string | null} printer
 * @returns {Promise<string>}
 */
export function printOutput(file, printer) {
  return call('print_output', { file, printer });
}

/**
 * Opens a file the window wrote in the system's PDF viewer.
 * @param {number} file a {@link SavedFile} id
 * @returns {Promise<void>}
 */
export function openOutput(file) {
  return call('open_output', { file });
}

/**
 * Copies a file the window wrote to a place chosen in the native save dialog; answers the new path, or
 * `null` when the dialog was cancelled.
 * @param {number} file a {@link SavedFile} id
 * @returns {Promise<string | null>}
 */
export function saveOutputAs(file) {
  return call('save_output_as', { file });
}

// --- office logo ---

/**
 * The office logo as PNG bytes (empty when there is none).
 * @returns {Promise<ArrayBuffer>}
 */
export function officeLogo() {
  return call('office_logo');
}

/**
 * Sets the office logo from a PNG chosen in the native file dialog; answers false when it was cancelled.
 * @returns {Promise<boolean>}
 */
export function chooseLogo() {
  return call('choose_logo');
}

/** Sets the office logo from `logo.png` in the documents folder. @returns {Promise<void>} */
export function logoFromDocuments() {
  return call('logo_from_documents');
}

/** Removes the office logo. @returns {Promise<void>} */
export function clearLogo() {
  return call('clear_logo');
}
