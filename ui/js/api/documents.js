// @ts-check
/**
 * The documents' commands: verification of a permit's code, batch printing with progress and cancel,
 * envelope labels, and what can be done with a file the window wrote (open, save as, print on CUPS).
 * @module api/documents
 */

import { call, channel } from './ipc.js';

/** @typedef {import('./cases.js').SavedFile} SavedFile */

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

/** @typedef {{ id: number, date: string, vehicle: string, status: string, permits: number, stops: number }} BatchTrip */

/**
 * The batch screen's starting point, decided by the core: the office's day, the first of its month, and
 * the van trips of the 60 days around it.
 * @returns {Promise<{ today: string, month_start: string, trips: BatchTrip[] }>}
 */
export function batchTrips() {
  return call('batch_trips');
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
export async function printBatch(selection, onProgress) {
  return call('print_batch', { selection, onProgress: channel(onProgress) });
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
