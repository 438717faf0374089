// @ts-check
/**
 * Which register this desk works on: the office server (test the connection, connect, the CA file from
 * the native dialog) or this computer's own file; the register in use and whether it answers; and the live
 * notices that another desk changed something (or that the server was lost and is back).
 * @module api/connection
 */

import { call, channel } from './ipc.js';

/** Every command's answer, for the connection banner (see `ipc.js`). */
export { onAnswer } from './ipc.js';

/**
 * The connection form's values (the password is never part of them: it is saved in pgpass).
 * @typedef {object} ServerSettings
 * @property {string} host
 * @property {number} port
 * @property {string} database
 * @property {string} user
 * @property {'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full'} sslmode
 * @property {string | null} sslrootcert the office's CA certificate, as chosen in the dialog
 */

/**
 * @typedef {object} RegisterSettings
 * @property {string} in_use the register in use (never with a password)
 * @property {'file' | 'server'} engine
 * @property {ServerSettings | null} server the form's values remembered on this computer
 * @property {'environment' | 'remembered' | 'default'} source where the register came from at start-up
 * @property {boolean} from_environment PETROMAKS_DB decides the register at every start
 * @property {string} local_file this computer's own register file
 * @property {string | null} ca_chosen the CA file chosen in the dialog
 */

/**
 * What testing an address found.
 * @typedef {'ready' | 'older' | 'empty' | 'not_register' | 'newer' | 'wrong_password' | 'no_database'
 *   | 'unreachable' | 'bad_address' | 'missing'} Verdict
 */

/**
 * @typedef {object} Probe
 * @property {Verdict} verdict
 * @property {string} address
 * @property {number | null} schema_version
 * @property {number} latest
 * @property {string} detail the server's own words (English)
 */

/**
 * A van laptop's state: the trip worked offline and what waits for check-in.
 * @typedef {object} VanStatus
 * @property {string} van
 * @property {number} trip_id
 * @property {string} checkout_id
 * @property {string} checked_out_at
 * @property {string | null} office_address
 * @property {number} pending
 * @property {number} recorded
 */

/**
 * @typedef {object} RegisterStatus
 * @property {string} address
 * @property {'file' | 'server'} engine
 * @property {'office' | 'van'} place
 * @property {VanStatus | null} van
 * @property {number} generation
 */

/**
 * A live notice: look again (`changed`), the server is back (`reconnected`: reload everything), or it
 * cannot be reached (`lost`).
 * @typedef {{ change: 'changed' | 'reconnected' | 'lost', generation: number }} Notice
 */

/** @returns {Promise<RegisterSettings>} */
export function registerSettings() {
  return call('register_settings');
}

/**
 * Tests the server (nothing is saved).
 * @param {ServerSettings} server
 * @param {string | null} password null: the one saved in pgpass
 * @returns {Promise<Probe>}
 */
export function testServer(server, password) {
  return call('test_server', { server, password });
}

/**
 * Makes the server this desk's register (when the test says `ready`); the user is signed out.
 * @param {ServerSettings} server
 * @param {string | null} password
 * @returns {Promise<Probe>}
 */
export function connectServer(server, password) {
  return call('connect_server', { server, password });
}

/** Back to this computer's own register file. @returns {Promise<string>} its path */
export function useLocalRegister() {
  return call('use_local_register');
}

/** The office's CA certificate, chosen in the native dialog. @returns {Promise<string | null>} */
export function chooseCaFile() {
  return call('choose_ca_file');
}

/** The register in use, read now (`db_unavailable` when it cannot be reached). @returns {Promise<RegisterStatus>} */
export function registerStatus() {
  return call('register_status');
}

/**
 * Sends the register's live notices to `listener` from now on.
 * @param {(notice: Notice) => void} listener
 * @returns {Promise<void>}
 */
export function watchRegister(listener) {
  return call('watch_register', { channel: channel(listener) });
}
