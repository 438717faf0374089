// @ts-check
/**
 * Cases: the list and its filters, the today strip's counts, one case in full, its steps, collecting a
 * permit at the counter, registering an application, and saving a case's PDFs.
 * @module api/cases
 */

import { call } from './ipc.js';

/** @typedef {import('./ipc.js').CommandError} CommandError */

/**
 * A case status (the core's order of a case's life is in `i18n/dictionary.js`'s `STATUSES`).
 * @typedef {'received' | 'returned' | 'verified' | 'in_review' | 'approved' | 'rejected' | 'issued'
 *   | 'out_for_delivery' | 'delivered' | 'picked_up' | 'withdrawn'} Status
 */

/**
 * Which cases to list. The today strip's tiles carry one that is sent back as it is.
 * @typedef {object} CaseFilter
 * @property {string} [status] one case status
 * @property {string[]} [statuses] any of these statuses
 * @property {string} [query] free text: registration number, applicant name or NIK, permit number
 * @property {string} [permit_type] a permit type code (`SIPD`, …)
 * @property {string} [due_by] ISO date: cases in progress due on or before it
 * @property {string} [due_on] ISO date: cases in progress due on exactly that day
 * @property {string} [overdue_on] ISO date: cases in progress whose due date is before that day
 * @property {number} [before] only cases older than this case id (the next page, newest first)
 * @property {number} [limit] at most this many cases (200 when not given)
 */

/**
 * @typedef {object} CaseSummary
 * @property {number} id
 * @property {string} registration_number
 * @property {string} applicant_name
 * @property {string} applicant_nik
 * @property {string} permit_type_code
 * @property {string} permit_type_name
 * @property {string} status
 * @property {'counter' | 'van'} channel where the application was handed in
 * @property {string} registered_at RFC 3339 UTC timestamp
 * @property {string | null} due_date ISO date, set once the file is declared complete
 * @property {string | null} permit_number set when the permit is issued
 * @property {string | null} village the applicant's village
 */

/**
 * One tile of the today strip, counted by the core on the office's day with no cap.
 * @typedef {object} Tile
 * @property {'waiting' | 'due_today' | 'overdue' | 'to_print' | 'to_deliver'} key
 * @property {'info' | 'warning' | 'danger' | 'success'} tone
 * @property {number} count
 * @property {CaseFilter} filter what lists the tile's cases (sent back to {@link listCases} as it is)
 */

/**
 * Where a case stands against its service standard.
 * @typedef {{ state: 'not_started' } | { state: 'paused', used_days: number, sla_days: number }
 *   | { state: 'running', due: string, days_left: number } | { state: 'overdue', due: string, days_overdue: number }
 *   | { state: 'stopped' }} SlaState
 */

/**
 * An applicant as registered.
 * @typedef {object} Applicant
 * @property {number} id
 * @property {string} nik
 * @property {string} name
 * @property {'L' | 'P'} sex
 * @property {string} birth_place
 * @property {string} birth_date ISO date
 * @property {string} address
 * @property {string | null} village_code
 * @property {string | null} village
 * @property {string | null} phone
 * @property {string | null} [email]
 * @property {string | null} [npwp]
 */

/**
 * One line of a case's timeline.
 * @typedef {object} CaseEvent
 * @property {number} id
 * @property {string} at RFC 3339
 * @property {string} actor username
 * @property {string} actor_name
 * @property {string} actor_role
 * @property {string} action
 * @property {string | null} from_status
 * @property {string | null} to_status
 * @property {string | null} reason
 * @property {string | null} detail
 */

/**
 * The case screen's data, with the steps the signed-in role may take (`moves`).
 * @typedef {object} CaseDetail
 * @property {{ id: number, registration_number: string, permit_type_code: string, permit_type_name: string,
 *   status: string, channel: string, registered_at: string, due_date: string | null,
 *   permit_number: string | null }} case
 * @property {Applicant} applicant
 * @property {{ position: number, label: string, mandatory: boolean, received: boolean }[]} documents
 * @property {CaseEvent[]} events
 * @property {SlaState} sla
 * @property {{ to: string, reason_required: boolean }[]} moves the generic steps the signed-in role may take
 * @property {string[]} steps the dedicated steps the core offers from this screen (`counter_handover`)
 * @property {{ key: string, label: string, value: string }[]} [fields] the permit type's own fields
 */

/**
 * What a NIK says (birth date, sex, areas, warnings) and the applicant already registered under it.
 * @typedef {object} NikCheck
 * @property {{ nik: string, birth_date: string, sex: 'L' | 'P', province: string, regency: string | null,
 *   district: string | null, warnings: string[] }} info
 * @property {Applicant | null} applicant
 */

/**
 * A certificate field of a permit type.
 * @typedef {object} FieldDef
 * @property {string} key
 * @property {string} label
 * @property {'text' | 'date' | 'number' | 'choice'} kind
 * @property {boolean} required
 * @property {string[]} [choices]
 */

/**
 * A permit type as the register form offers it.
 * @typedef {object} PermitType
 * @property {number} id
 * @property {string} code
 * @property {string} name
 * @property {number} sla_days
 * @property {{ position: number, label: string, mandatory: boolean }[]} requirements
 * @property {FieldDef[]} fields
 */

/**
 * An application as the register form sends it (the core's `NewCase`).
 * @typedef {object} NewCase
 * @property {string} submission_id made once per opened form, sent again on every retry of it
 * @property {{ nik: string, name: string, birth_place: string, address: string, phone: string | null,
 *   village_code: string | null }} applicant
 * @property {string} permit_type a permit type code
 * @property {'counter' | 'van'} channel
 * @property {number[]} received checklist positions handed in
 * @property {Record<string, string>} details the permit type's own fields
 */

/**
 * Where what was typed differs from the applicant already registered (whose data is kept).
 * @typedef {{ field: string, registered: string, typed: string }} Difference
 */

/**
 * A registration's answer. `created` is false when this submission had been registered already: this is
 * that case. A receipt that could not be written leaves the case registered; it is printed again from the
 * case screen.
 * @typedef {object} Registered
 * @property {number} id
 * @property {string} registration_number
 * @property {boolean} created
 * @property {Difference[]} differences
 * @property {string | null} [receipt_path]
 * @property {CommandError | string | null} [receipt_error]
 */

/**
 * A file the window wrote into the documents folder: `id` names it in later calls (open, print), `path`
 * is only shown.
 * @typedef {object} SavedFile
 * @property {number} id
 * @property {string} path
 */

/**
 * Who takes a finished permit (the core's `Recipient`).
 * @typedef {{ kind: 'holder', nik: string }
 *   | { kind: 'proxy', name: string, nik: string, relation: string, authority_letter: string }} Recipient
 */

/**
 * Cases matching the filter, newest first.
 * @param {CaseFilter} [filter]
 * @returns {Promise<CaseSummary[]>}
 */
export function listCases(filter = {}) {
  return call('list_cases', { filter });
}

/**
 * The signed-in user's today strip: each tile's count on the office's day and the filter that lists it.
 * @returns {Promise<Tile[]>}
 */
export function todayStrip() {
  return call('today_strip');
}

/**
 * The case screen's data.
 * @param {number} id
 * @returns {Promise<CaseDetail>}
 */
export function caseDetail(id) {
  return call('case_detail', { id });
}

/**
 * Takes one step as the signed-in user; answers with the case's new detail.
 * @param {number} id
 * @param {{ to: string, reason?: string | null }} step
 * @returns {Promise<CaseDetail>}
 */
export function moveCase(id, step) {
  return call('move_case', { id, step });
}

/**
 * Records that the holder or a proxy collected an issued permit at the counter (a clerk); the core checks
 * the recipient's NIK. Answers the case as it is now.
 * @param {number} id
 * @param {Recipient} recipient
 * @returns {Promise<CaseDetail>}
 */
export function collectCase(id, recipient) {
  return call('collect_case', { id, recipient });
}

/**
 * Saves the certificate or the receipt of a case as a PDF in the documents folder (the receipt again,
 * e.g. when it could not be written at registration).
 * @param {number} id
 * @param {'certificate' | 'receipt'} kind
 * @returns {Promise<SavedFile>}
 */
export function savePdf(id, kind) {
  return call('save_pdf', { id, kind });
}

/**
 * What a NIK says and the applicant already registered under it.
 * @param {string} nik
 * @returns {Promise<NikCheck>}
 */
export function checkNik(nik) {
  return call('check_nik', { nik });
}

/**
 * The active permit types with their checklists and fields.
 * @returns {Promise<PermitType[]>}
 */
export function permitTypes() {
  return call('permit_types');
}

/**
 * Registers an application and its receipt as the signed-in user. The same `submission_id` sent again
 * answers the case it registered first.
 * @param {NewCase} input
 * @returns {Promise<Registered>}
 */
export function registerCase(input) {
  return call('register_case', { input });
}
