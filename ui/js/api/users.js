// @ts-check
/**
 * Staff accounts (the core requires an admin): list, add, change a role, deactivate or reactivate, reset
 * a password. Accounts are never deleted.
 * @module api/users
 */

import { call } from './ipc.js';

/** @typedef {import('./session.js').Role} Role */

/**
 * A staff account as an admin sees it (never the password hash).
 * @typedef {object} User
 * @property {number} id
 * @property {string} username
 * @property {string} full_name
 * @property {Role} role
 * @property {string | null} nip
 * @property {boolean} active
 * @property {string} created_at RFC 3339
 */

/**
 * Every staff account.
 * @returns {Promise<User[]>}
 */
export function listUsers() {
  return call('list_users');
}

/**
 * Adds a staff account.
 * @param {{ username: string, full_name: string, role: string, password: string, nip: string | null }} user
 * @returns {Promise<User>}
 */
export function addUser(user) {
  return call('add_user', { user });
}

/**
 * Deactivates or reactivates an account.
 * @param {number} id
 * @param {boolean} active
 * @returns {Promise<User>}
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
 * @returns {Promise<User>}
 */
export function changeRole(id, role) {
  return call('change_role', { id, role });
}
