// @ts-check
/**
 * The office: its profile (admin), its logo for the kop surat and the header, and its regency's villages.
 * @module api/office
 */

import { call } from './ipc.js';

/**
 * A village of the office's regency.
 * @typedef {{ code: string, name: string, district: string }} Village
 */

/**
 * Changes the office profile (the core requires an admin).
 * @param {Record<string, string | number>} profile
 * @returns {Promise<unknown>}
 */
export function updateOffice(profile) {
  return call('update_office', { profile });
}

/**
 * Villages of the office's regency whose name or code matches.
 * @param {string} query
 * @returns {Promise<Village[]>}
 */
export function findVillages(query) {
  return call('find_villages', { query });
}

/**
 * The office logo as PNG bytes (empty when there is none).
 * @returns {Promise<ArrayBuffer | number[]>}
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
