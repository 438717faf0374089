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
 * @returns {Promise<{ username: string, full_name: string, role: string, nip: string | null, active: boolean }[]>}
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
