// @ts-check
/**
 * The holiday calendar's commands (admin): a year's holidays, changing them, cuti bersama, a CSV import.
 * Every change answers the open cases whose due date it moved.
 * @module api/calendar
 */

import { call } from './ipc.js';

/**
 * An open case whose due date a calendar change moved.
 * @typedef {object} DueDateChange
 * @property {number} case_id
 * @property {string} registration_number
 * @property {string} old_due ISO date
 * @property {string} new_due ISO date
 */

/** @typedef {{ day: string, name: string, kind: string }} Holiday */

/**
 * A year's holidays and whether cuti bersama counts as a working day.
 * @param {number} year
 * @returns {Promise<{ year: number, holidays: Holiday[], cuti_bersama_is_working: boolean }>}
 */
export function holidayYear(year) {
  return call('holiday_year', { year });
}

/**
 * Adds a holiday.
 * @param {Holiday} holiday
 * @returns {Promise<DueDateChange[]>}
 */
export function addHoliday(holiday) {
  return call('add_holiday', { holiday });
}

/**
 * Changes the holiday on `day`.
 * @param {string} day
 * @param {Holiday} holiday
 * @returns {Promise<DueDateChange[]>}
 */
export function editHoliday(day, holiday) {
  return call('edit_holiday', { day, holiday });
}

/**
 * Removes the holiday on `day`.
 * @param {string} day
 * @returns {Promise<DueDateChange[]>}
 */
export function removeHoliday(day) {
  return call('remove_holiday', { day });
}

/**
 * Sets whether cuti bersama counts as a working day.
 * @param {boolean} working
 * @returns {Promise<DueDateChange[]>}
 */
export function setCutiBersama(working) {
  return call('set_cuti_bersama', { working });
}

/**
 * Replaces a year's holidays with a CSV file chosen in the native dialog; null when it is cancelled.
 * @param {number} year
 * @returns {Promise<DueDateChange[] | null>}
 */
export function importHolidays(year) {
  return call('import_holidays', { year });
}
