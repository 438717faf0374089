// @ts-check
/**
 * The window's strings in Bahasa Indonesia, one part per area merged here for `i18n/dictionary.js`. The default language.
 * @module i18n/id
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
