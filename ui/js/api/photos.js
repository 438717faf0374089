// @ts-check
/**
 * The holder's pas photo of a case: read it, set it from the native dialog or the documents folder, remove it.
 * @module api/photos
 */

import { call } from './ipc.js';

/**
 * The photo of a case's applicant as PNG bytes (empty when there is none).
 * @param {number} id the case
 * @returns {Promise<ArrayBuffer | number[]>}
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
