// @ts-check
/**
 * The audit log and the check of its tamper-evident chains against the witnesses kept outside the
 * register (admin).
 * @module api/audit
 */

import { call } from './ipc.js';

/**
 * One line of the audit log.
 * @typedef {object} AuditEntry
 * @property {'case' | 'admin'} chain
 * @property {number} id
 * @property {string} at RFC 3339
 * @property {string | null} actor
 * @property {string} action
 * @property {number | null} case_id
 * @property {string | null} target the case's registration number, or the admin change's target
 * @property {string | null} from_status
 * @property {string | null} to_status
 * @property {string | null} reason
 * @property {string | null} detail
 */

/**
 * What verifying one chain found.
 * @typedef {object} ChainReport
 * @property {string} table
 * @property {number} rows
 * @property {{ id: number, reason: string } | null} first_broken
 */

/**
 * What one witness outside the register (a backup, the backup folder's witness file) says.
 * @typedef {object} WitnessCheck
 * @property {string} source
 * @property {string | null} taken_at
 * @property {boolean} agrees
 * @property {string | null} table
 * @property {number | null} first_disagreeing_event
 * @property {string} message
 */

/**
 * What verifying the audit trail found.
 * @typedef {object} AuditVerification
 * @property {boolean} ok both chains hold and every witness agrees
 * @property {ChainReport} case_events
 * @property {ChainReport} admin_events
 * @property {WitnessCheck[]} [witnesses]
 */

/**
 * The audit log, newest first: case events and admin changes.
 * @param {Record<string, string | number>} query `case_number`, `user`, `action`, `from`, `to`, `limit`
 * @returns {Promise<AuditEntry[]>}
 */
export function auditLog(query) {
  return call('audit_log', { query });
}

/**
 * Verifies both chains and compares them with every witness found.
 * @returns {Promise<AuditVerification>}
 */
export function verifyAudit() {
  return call('verify_audit');
}
