// @ts-check
/**
 * Data safety's commands: backups, restore (also at start-up), import and export.
 * @module api/safety
 */

import { call, channel } from './ipc.js';

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

/**
 * How far a running export is: `done` of `total` rows written (at the start, every 10,000 rows and after
 * the last; `done` at `total`: the file is being finished).
 * @typedef {{ done: number, total: number }} ExportProgress
 */

/**
 * How an export ended: its file and rows, or cancelled (no file was left).
 * @typedef {{ outcome: 'written', path: string, rows: number } | { outcome: 'cancelled' }} Exported
 */

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
 * Exports cases or applicants into the documents folder; `onProgress` hears the rows written.
 * @param {'cases' | 'applicants'} what
 * @param {'csv' | 'xlsx'} format
 * @param {(p: ExportProgress) => void} onProgress
 * @returns {Promise<Exported>}
 */
export function exportData(what, format, onProgress) {
  return call('export_data', { what, format, onProgress: channel(onProgress) });
}

/** Asks the running export to stop; it leaves no file. @returns {Promise<void>} */
export function cancelExport() {
  return call('cancel_export');
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
 * Exports through the system's save dialog; `onProgress` hears the rows written. Null when the dialog
 * was closed without a place.
 * @param {'cases' | 'applicants'} what
 * @param {'csv' | 'xlsx'} format
 * @param {(p: ExportProgress) => void} onProgress
 * @returns {Promise<Exported | null>}
 */
export function exportDataAs(what, format, onProgress) {
  return call('export_data_as', { what, format, onProgress: channel(onProgress) });
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
