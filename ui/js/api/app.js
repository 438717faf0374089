// @ts-check
/**
 * What the window asks before anything else: the program's version, the register it works on (or why it
 * could not open it) and the office profile for the header.
 * @module api/app
 */

import { call } from './ipc.js';

/** @typedef {import('./ipc.js').CommandError} CommandError */
/** @typedef {import('./safety.js').DamagedInfo} DamagedInfo */

/**
 * The office profile (only the fields the window uses are named; the profile form edits every field).
 * @typedef {{ government?: string, name?: string, unit?: string } & Record<string, string | number>} Office
 */

/**
 * @typedef {object} AppInfo
 * @property {string} version the desktop app's version
 * @property {string} db_path the register in use
 * @property {CommandError | null} db_error why the register could not be opened, if it could not
 * @property {Office | null} office the office profile, null until the office is set up
 * @property {DamagedInfo | null} damaged set when the start-up check found the register damaged
 * @property {Upgraded | null} upgraded set in the first answer after a start that upgraded the register
 */

/**
 * What opening the register upgraded, after a checked copy of it as it was.
 * @typedef {object} Upgraded
 * @property {string} version this program's version
 * @property {number} from the register's schema before
 * @property {number} to its schema now
 * @property {string | null} backup the copy taken before (none on the office server)
 */

/**
 * The program's version and which register it works on (or why it could not open it).
 * @returns {Promise<AppInfo>}
 */
export function appInfo() {
  return call('app_info');
}
