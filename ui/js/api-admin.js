// @ts-check
/**
 * The administration area's commands: the permit catalogue, the holiday calendar, staff accounts and the audit log (the core requires an admin).
 * @module
 */

import { call } from './ipc.js';

/**
 * Every permit type, active and retired, each with `in_use` (a case used it: never deleted, code fixed).
 * @returns {Promise<any[]>}
 */
export function adminCatalogue() {
  return call('admin_catalogue');
}

/**
 * Adds a permit type (the core's `PermitTypeInput`); answers the saved entry.
 * @param {any} input
 * @returns {Promise<any>}
 */
export function createPermitType(input) {
  return call('create_permit_type', { input });
}

/**
 * Replaces a permit type's definition; answers the saved entry.
 * @param {number} id
 * @param {any} input
 * @returns {Promise<any>}
 */
export function updatePermitType(id, input) {
  return call('update_permit_type', { id, input });
}

/**
 * Retires (`active` false) or reactivates a permit type.
 * @param {number} id
 * @param {boolean} active
 * @returns {Promise<any>}
 */
export function setPermitTypeActive(id, active) {
  return call('set_permit_type_active', { id, active });
}

/**
 * Deletes a permit type no case ever used (the core refuses one in use, with its reason).
 * @param {number} id
 * @returns {Promise<void>}
 */
export function deletePermitType(id) {
  return call('delete_permit_type', { id });
}

/**
 * The next permit number with a template being typed, without taking it (`id` null for a new type).
 * @param {{ id: number | null, template: string, code: string, classification: string }} preview
 * @returns {Promise<string>}
 */
export function previewPermitNumber(preview) {
  return call('preview_permit_number', { preview });
}

/**
 * @typedef {object} DueDateChange An open case whose due date a calendar change moved.
 * @property {number} case_id
 * @property {string} registration_number
 * @property {string} old_due ISO date
 * @property {string} new_due ISO date
 */

/**
 * A year's holidays and whether cuti bersama counts as a working day.
 * @param {number} year
 * @returns {Promise<{ year: number, holidays: { day: string, name: string, kind: string }[], cuti_bersama_is_working: boolean }>}
 */
export function holidayYear(year) {
  return call('holiday_year', { year });
}

/**
 * Adds a holiday; answers the cases whose due date moved.
 * @param {{ day: string, name: string, kind: string }} holiday
 * @returns {Promise<DueDateChange[]>}
 */
export function addHoliday(holiday) {
  return call('add_holiday', { holiday });
}

/**
 * Changes the holiday on `day`; answers the cases whose due date moved.
 * @param {string} day
 * @param {{ day: string, name: string, kind: string }} holiday
 * @returns {Promise<DueDateChange[]>}
 */
export function editHoliday(day, holiday) {
  return call('edit_holiday', { day, holiday });
}

/**
 * Removes the holiday on `day`; answers the cases whose due date moved.
 * @param {string} day
 * @returns {Promise<DueDateChange[]>}
 */
export function removeHoliday(day) {
  return call('remove_holiday', { day });
}

/**
 * Sets whether cuti bersama counts as a working day; answers the cases whose due date moved.
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

/**
 * Deactivates or reactivates an account (never deleted).
 * @param {number} id
 * @param {boolean} active
 * @returns {Promise<any>}
 */
export function setUserActive(id, active) {
  return call('set_user_active', { id, active });
}

/**
 * Sets a new password for an account (the core checks the password policy).
 * @param {number} id
 * @param {string} password
 * @returns {Promise<void>}
 */
export function resetPassword(id, password) {
  return call('reset_password', { id, password });
}

/**
 * Changes an account's role.
 * @param {number} id
 * @param {string} role
 * @returns {Promise<any>}
 */
export function changeRole(id, role) {
  return call('change_role', { id, role });
}

/**
 * The audit log, newest first: case events and admin changes.
 * @param {Record<string, string | number>} query `case_number`, `user`, `action`, `from`, `to`, `limit`
 * @returns {Promise<any[]>}
 */
export function auditLog(query) {
  return call('audit_log', { query });
}

/**
 * Verifies both tamper-evident chains.
 * @returns {Promise<{ ok: boolean, case_events: any, admin_events: any }>}
 */
export function verifyAudit() {
  return call('verify_audit');
}
