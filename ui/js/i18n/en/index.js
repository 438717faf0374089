// @ts-check
/**
 * The window's strings in English, one part per area merged here for `i18n/dictionary.js`. A key missing here falls back to Bahasa Indonesia.
 * @module i18n/en
 */

import ADMIN from './admin.js';
import APP from './app.js';
import CASES from './cases.js';
import DOCUMENTS from './documents.js';
import REPORTS from './reports.js';
import SAFETY from './safety.js';
import SYNC from './sync.js';
import VAN from './van.js';

/** @type {Readonly<Record<string, string>>} */
export default Object.freeze({
  ...APP,
  ...CASES,
  ...ADMIN,
  ...VAN,
  ...SAFETY,
  ...DOCUMENTS,
  ...SYNC,
  ...REPORTS,
});
