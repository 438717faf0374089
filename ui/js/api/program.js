// @ts-check
/**
 * The program on this computer: the About dialog's content, and the admin's check that the register's
 * files are not readable by other accounts, with its fix.
 * @module api/program
 */

import { call } from './ipc.js';

/**
 * @typedef {object} Credit
 * @property {string} what what it is in the program
 * @property {string} source where it comes from
 * @property {string} licence its licence
 */

/**
 * @typedef {object} About
 * @property {string} version
 * @property {string} register the register's file, or the office server without its password
 * @property {'file' | 'server'} engine
 * @property {Credit[]} credits
 */

/**
 * @typedef {object} Exposed
 * @property {string} path
 * @property {'file' | 'folder'} kind
 * @property {string} mode its permission bits in octal, e.g. `0644`
 */

/**
 * @typedef {object} Privacy
 * @property {Exposed[]} exposed what other accounts of the computer can read (empty: all private)
 * @property {string[]} not_fixed what a fix could not change, with the reason
 */

/** The version, the register and the licences. @returns {Promise<About>} */
export function about() {
  return call('about');
}

/** What of the register's data other accounts can read (admin). @returns {Promise<Privacy>} */
export function privacyCheck() {
  return call('privacy_check');
}

/** Makes the register's files and folders owner-only (admin); answers what is left. @returns {Promise<Privacy>} */
export function privacyFix() {
  return call('privacy_fix');
}
