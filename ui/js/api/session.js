// @ts-check
/**
 * Who works in the window: first-run setup, sign-in, sign-out, and the screens the core lets the
 * signed-in role open (the navigation shows exactly those).
 * @module api/session
 */

import { call } from './ipc.js';

/** @typedef {'admin' | 'clerk' | 'verifier' | 'signer' | 'courier'} Role */

/**
 * A screen the core lets a role open, in navigation order.
 * @typedef {'cases' | 'register' | 'trips' | 'dashboards' | 'reports' | 'verify' | 'batch' | 'transfer' | 'sync'
 *   | 'review' | 'admin'} ScreenName
 */

/**
 * A kind of work the core offers the signed-in user buttons for.
 * @typedef {'plan_trips' | 'drive_trips' | 'record_deliveries' | 'request_pickups' | 'close_pickups'
 *   | 'bag_originals' | 'receive_bags' | 'change_photos'} Work
 */

/**
 * Where the window works: a desk of the office, or a van laptop offline (field work only).
 * @typedef {'office' | 'van'} Place
 */

/**
 * A signed-in staff member as the Rust side keeps it (the webview never hands one back).
 * @typedef {object} Actor
 * @property {number} id
 * @property {string} username
 * @property {string} full_name
 * @property {Role} role
 */

/**
 * The signed-in user, the screens the core lets their role open and the work it offers them here.
 * @typedef {object} SignedIn
 * @property {Actor} user
 * @property {ScreenName[]} screens
 * @property {Work[]} work
 * @property {Place} place
 */

/**
 * @typedef {object} SessionInfo
 * @property {boolean} setup_needed the register is new: first-run setup comes first
 * @property {Actor | null} user who is signed in
 * @property {ScreenName[]} screens what the signed-in user may open (empty when nobody is)
 * @property {Work[]} work what the signed-in user is offered buttons for (empty when nobody is)
 * @property {Place} place
 * @property {Record<string, string | number>} office_example a profile the setup form starts from
 */

/**
 * A sign-in answer: the actor, and the screens, work and place of their role beside it.
 * @typedef {Actor & { screens?: ScreenName[], work?: Work[], place?: Place }} SignInAnswer
 */

/**
 * The user, screens and work of a sign-in or first-run answer.
 * @param {SignInAnswer} answer
 * @returns {SignedIn}
 */
export function signedIn(answer) {
  const { screens, work, place, ...user } = answer;
  return { user, screens: screens ?? [], work: work ?? [], place: place ?? 'office' };
}

/**
 * Whether setup is needed, who is signed in and what they may open.
 * @returns {Promise<SessionInfo>}
 */
export async function sessionInfo() {
  /** @type {Omit<SessionInfo, 'screens' | 'work' | 'place'> & { screens?: ScreenName[], work?: Work[], place?: Place }} */
  const info = await call('session_info');
  return { ...info, screens: info.screens ?? [], work: info.work ?? [], place: info.place ?? 'office' };
}

/**
 * First-run setup: the office profile and the first admin, who is then signed in.
 * @param {Record<string, string | number>} office
 * @param {{ username: string, full_name: string, password: string, nip: string | null, role: 'admin' }} admin
 * @returns {Promise<SignedIn>}
 */
export async function firstRun(office, admin) {
  return signedIn(await call('first_run', { office, admin }));
}

/**
 * Signs in; answers the user and their screens.
 * @param {string} username
 * @param {string} password
 * @returns {Promise<SignedIn>}
 */
export async function signIn(username, password) {
  return signedIn(await call('sign_in', { username, password }));
}

/** Ends the session on the Rust side (sign-out and lock). @returns {Promise<void>} */
export function signOut() {
  return call('sign_out');
}
