// @ts-check
/**
 * The permit catalogue editor's commands (the core requires an admin and checks every definition).
 * @module api/catalogue
 */

import { call } from './ipc.js';

/** @typedef {import('./cases.js').FieldDef} FieldDef */

/**
 * A permit type as the editor's list shows it, with whether a case ever used it (then it is never
 * deleted and keeps its code).
 * @typedef {object} CatalogueEntry
 * @property {number} id
 * @property {string} code
 * @property {string} name
 * @property {string} title
 * @property {string} classification
 * @property {string} number_template
 * @property {'yearly' | 'monthly'} number_reset
 * @property {number} sla_days
 * @property {number | null} validity_months
 * @property {number} fee
 * @property {boolean} active
 * @property {boolean} in_use
 * @property {string[]} legal_basis
 * @property {string[]} conditions
 * @property {string[]} tembusan
 * @property {{ position: number, label: string, mandatory: boolean }[]} requirements
 * @property {FieldDef[]} fields
 */

/**
 * A permit type's definition as the editor sends it (the core's `PermitTypeInput`).
 * @typedef {object} PermitTypeInput
 * @property {string} code
 * @property {string} name
 * @property {string} title
 * @property {string} classification
 * @property {string} number_template
 * @property {string} number_reset
 * @property {number} sla_days
 * @property {number | null} validity_months
 * @property {number} fee
 * @property {string[]} legal_basis
 * @property {string[]} conditions
 * @property {string[]} tembusan
 * @property {[string, boolean][]} requirements label and whether it is mandatory, in order
 * @property {{ key: string, label: string, kind: string, required: boolean, choices: string[] }[]} fields
 */

/**
 * Every permit type, active and retired.
 * @returns {Promise<CatalogueEntry[]>}
 */
export function adminCatalogue() {
  return call('admin_catalogue');
}

/**
 * Adds a permit type; answers the saved entry.
 * @param {PermitTypeInput} input
 * @returns {Promise<CatalogueEntry>}
 */
export function createPermitType(input) {
  return call('create_permit_type', { input });
}

/**
 * Replaces a permit type's definition; answers the saved entry.
 * @param {number} id
 * @param {PermitTypeInput} input
 * @returns {Promise<CatalogueEntry>}
 */
export function updatePermitType(id, input) {
  return call('update_permit_type', { id, input });
}

/**
 * Retires (`active` false) or reactivates a permit type.
 * @param {number} id
 * @param {boolean} active
 * @returns {Promise<CatalogueEntry>}
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
