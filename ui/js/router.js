// @ts-check
/**
 * Which screen is on show. The navigation offers exactly the screens the core lets the signed-in role
 * open (`screens` of the session); each is one entry of {@link SCREENS}. Also the case screen and the
 * register screen opened from other screens, the case list with its today strip, the error screen, and
 * the redraw after a language switch.
 * @module router
 */

import { appInfo } from './api/app.js';
import { t } from './i18n/dictionary.js';
import { translatePage } from './page.js';
import { showTransfer } from './screens/transfer.js';
import { showAdmin } from './screens/admin/tabs.js';
import { showBatch } from './screens/batch.js';
import { showCase } from './screens/case.js';
import { mountCases } from './screens/cases.js';
import { showDamaged } from './screens/damaged.js';
import { showErrorScreen } from './screens/error.js';
import { checkPrivacy } from './screens/program.js';
import { showRegister } from './screens/register.js';
import { showReports } from './screens/reports.js';
import { officeDay, showToday } from './screens/today.js';
import { showDashboards } from './screens/van/dashboards.js';
import { showTrips } from './screens/van/trips.js';
import { showReview } from './screens/review.js';
import { showSync } from './screens/sync.js';
import { showVerify } from './screens/verify.js';
import { connectionLost, refreshStatus, setOpenSync, translateBanners } from './widgets/banner.js';
import { h, one, replace } from './widgets/dom.js';

/** @typedef {import('./api/app.js').AppInfo} AppInfo */
/** @typedef {import('./api/ipc.js').CommandError} CommandError */
/** @typedef {import('./api/session.js').Actor} Actor */
/** @typedef {import('./api/session.js').ScreenName} ScreenName */
/** @typedef {import('./api/session.js').SignedIn} SignedIn */
/** @typedef {import('./api/session.js').Work} Work */
/** @typedef {import('./api/session.js').Place} Place */
/** @typedef {import('./screens/cases.js').CaseList} CaseList */

/**
 * What a screen module gets when the navigation opens it.
 * @typedef {object} ScreenContext
 * @property {HTMLElement} root the screen's own `<section>`, emptied and filled by the module
 * @property {Actor} user the signed-in user (the core checks roles again on every command)
 * @property {() => void} back back to the case list
 * @property {(error: CommandError) => void} error shows a command's error
 * @property {(id: number) => void} openCase opens the case screen
 * @property {(work: Work) => boolean} can whether the core offers the signed-in user this kind of work here
 * @property {Place} place a desk of the office, or a van laptop working offline
 * @property {() => void} restart starts the window over (after it switched register)
 * @property {(returnTo?: () => void | Promise<void>) => void} register opens the register screen; its back
 *   button returns to this screen (redrawn by `returnTo` when given)
 */

/**
 * A screen of the navigation bar.
 * @typedef {object} NavScreen
 * @property {string} section the id of its `<section>` in index.html
 * @property {string} label the dictionary key of its navigation label
 * @property {(ctx: ScreenContext) => void | Promise<void>} open draws it (again) into `ctx.root`
 * @property {string} [button] the navigation button's id when tests know it by another name
 */

/**
 * Every screen the core may list, by its name. A new screen: its name in the core's `Screen`, a
 * `<section class="panel screen" hidden>` in index.html, its module's `show…(ctx)`, and one entry here.
 * @type {Record<ScreenName, NavScreen>}
 */
export const SCREENS = {
  cases: { section: 'cases', label: 'nav.cases', open: () => backToList() },
  register: { section: 'register-view', label: 'nav.register', open: () => openRegister() },
  trips: { section: 'trips-view', label: 'nav.trips', open: (ctx) => showTrips(ctx) },
  dashboards: { section: 'dashboards-view', label: 'nav.dashboards', open: (ctx) => showDashboards(ctx) },
  reports: { section: 'reports-view', label: 'nav.reports', open: (ctx) => showReports(ctx) },
  verify: { section: 'verify-view', label: 'nav.verify', open: (ctx) => showVerify(ctx) },
  batch: { section: 'batch-view', label: 'nav.batch', open: (ctx) => showBatch(ctx) },
  transfer: { section: 'transfer-view', label: 'nav.transfer', open: (ctx) => showTransfer(ctx.root, ctx) },
  sync: { section: 'sync-view', label: 'nav.sync', open: (ctx) => showSync(ctx) },
  review: { section: 'review-view', label: 'nav.review', open: (ctx) => showReview(ctx) },
  admin: { section: 'admin-view', label: 'nav.admin', open: (ctx) => openAdmin(ctx), button: 'settings-button' },
};

/**
 * The screens of a session's list the window knows, in the core's order (a name this window does not
 * know yet is left out).
 * @param {readonly string[]} names
 * @returns {ScreenName[]}
 */
export function navigation(names) {
  return /** @type {ScreenName[]} */ (names.filter((n) => Object.hasOwn(SCREENS, n)));
}

/** The window's state: what is known, who is signed in, what is on show. */
const state = {
  /** @type {AppInfo | null} */ info: null,
  /** @type {Actor | null} */ user: null,
  /** @type {ScreenName[]} */ screens: [],
  /** What the core offers the signed-in user buttons for. @type {Work[]} */ work: [],
  /** @type {Place} */ place: 'office',
  /** The case screen on show, to read again when another desk changes it. @type {{ refresh: () => Promise<void> } | null} */ caseScreen: null,
  /** The navigation screen on show (redrawn after a language switch). @type {ScreenName | null} */ current: null,
  /** The case on show. @type {number | null} */ openCase: null,
  /** The error on show, said again in the other language after a switch. @type {CommandError | null} */ shownError: null,
  /** @type {CaseList | null} */ cases: null,
  /** What a "signed out" error does (the lock screen, set by the boot). @type {() => void} */ signedOut: () => {},
};

/** @returns {Actor | null} who is signed in */
export function currentUser() {
  return state.user;
}

/** @param {AppInfo} info what `app_info` answered */
export function setInfo(info) {
  state.info = info;
}

/** @returns {AppInfo | null} */
export function info() {
  return state.info;
}

/** Writes the page's strings, header and footer again. */
export function translate() {
  translatePage(state.info, state.user);
}

/** @param {() => void} handler what to do when a command says the session ended */
export function onSignedOut(handler) {
  state.signedOut = handler;
}

/**
 * Whether the signed-in user may open a screen.
 * @param {ScreenName} name
 * @returns {boolean}
 */
export function allowed(name) {
  return state.user !== null && state.screens.includes(name);
}

/**
 * Whether the core offers the signed-in user a kind of work here (the core checks again on every command).
 * @param {Work} work
 * @returns {boolean}
 */
export function can(work) {
  return state.user !== null && state.work.includes(work);
}

/**
 * Shows a command's error that no screen could place: the lock screen when the session ended, the
 * restore offer for a damaged register, else the error screen.
 * @param {CommandError} error
 */
export function showError(error) {
  if (error.code === 'signed_out') {
    state.signedOut();
    return;
  }
  // Connection trouble is ordinary: the banner says so and retries, and the screen stays as it is.
  if (error.code === 'db_unavailable' && state.info && !state.info.db_error) {
    connectionLost();
    return;
  }
  state.shownError = error;
  if (error.code === 'db_damaged' && state.info?.damaged) showDamaged(one('#main'), state.info.damaged);
  else showErrorScreen(one('#main'), error);
}

/** Draws the navigation bar; the current screen is marked for screen readers. */
function drawNav() {
  const nav = one('#app-nav');
  nav.hidden = !state.user;
  replace(nav, ...state.screens.map((name) => {
    const screen = SCREENS[name];
    const button = h('button', { type: 'button', id: screen.button ?? `nav-${screen.section}`, class: 'nav-item' }, t(screen.label));
    if (state.current === name) button.setAttribute('aria-current', 'page');
    button.addEventListener('click', () => void openScreen(name));
    return button;
  }));
}

/**
 * Shows one of the main area's sections (`#gate`, the case screen or a navigation screen's) and hides
 * the others.
 * @param {string} section
 */
function show(section) {
  for (const s of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#main > section, #gate'))) {
    s.hidden = s.id !== section;
  }
  const signedIn = section !== 'gate';
  for (const id of ['current-user', 'lock-button', 'signout-button']) one(`#${id}`).hidden = !signedIn;
  one('#app-nav').hidden = !signedIn;
  if (section === 'case-view') state.current = null;
  if (signedIn) drawNav();
}

/**
 * The context handed to a navigation screen.
 * @param {ScreenName} name
 * @param {HTMLElement} root
 * @param {Actor} user
 * @returns {ScreenContext}
 */
function contextFor(name, root, user) {
  return {
    root,
    user,
    back: backToList,
    error: showError,
    openCase: (id) => void openCaseScreen(id),
    can,
    place: state.place,
    restart: () => window.location.reload(),
    register: (returnTo) => void openRegister(() => {
      // Back where the register screen was opened from (e.g. a trip page in the van).
      state.current = name;
      show(SCREENS[name].section);
      void (returnTo ? returnTo() : openScreen(name));
    }),
  };
}

/**
 * Opens a navigation screen: hides the others, marks it current and lets its module draw it.
 * @param {ScreenName} name
 */
export async function openScreen(name) {
  const user = state.user;
  if (!user || !allowed(name)) return;
  state.openCase = null;
  state.current = name;
  const screen = SCREENS[name];
  show(screen.section);
  try {
    await screen.open(contextFor(name, one(`#${screen.section}`), user));
  } catch (error) {
    showError(/** @type {CommandError} */ (error));
  }
}

/**
 * After sign-in (or unlocking): the header, the case list and the today strip of this user.
 * @param {SignedIn} signedIn
 */
export async function enter({ user, screens, work, place }) {
  state.user = user;
  state.screens = navigation(screens);
  state.work = work;
  state.place = place;
  setOpenSync(allowed('sync') ? () => void openScreen('sync') : null);
  void refreshStatus();
  state.shownError = null;
  translate();
  state.info = await appInfo();
  translate();
  state.current = 'cases';
  show('cases');
  document.body.dataset.screen = 'cases';
  document.body.dataset.user = user.username;
  one('#register-button').hidden = !allowed('register');
  state.cases ??= mountCases(showError, (id) => void openCaseScreen(id));
  await state.cases.reload();
  await refreshToday();
  one('#case-query').focus();
  // An administrator is told when other accounts of this computer can read the register's files.
  void checkPrivacy(user);
}

/** Clears every screen that shows data and shows the gate (sign-out and lock). */
export function leave() {
  state.user = null;
  state.screens = [];
  state.work = [];
  state.openCase = null;
  state.caseScreen = null;
  setOpenSync(null);
  state.current = null;
  delete document.body.dataset.user;
  replace(one('#case-view'));
  replace(one('#register-view'));
  for (const section of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#main > section.screen'))) replace(section);
  replace(one('#cases-body'));
  replace(one('#today'));
  /** @type {HTMLInputElement} */ (one('#case-query')).value = '';
  show('gate');
  translate();
}

/** Draws the today strip again; a tile narrows the list to its cases. */
async function refreshToday() {
  if (!state.user) return;
  try {
    const tiles = await showToday(one('#today'), (tile) =>
      void state.cases?.showOnly(t(`today.${tile.key}`), tile.filter, tile.count));
    state.cases?.setToday(officeDay(tiles));
  } catch (error) {
    showError(/** @type {CommandError} */ (error));
  }
}

/** Back to the case list, searched again, with a fresh today strip. */
export function backToList() {
  state.openCase = null;
  state.current = 'cases';
  show('cases');
  document.body.dataset.screen = 'cases';
  void state.cases?.reload();
  void refreshToday();
  one('#case-query').focus();
}

/**
 * The register screen (for the roles the core lets register). A courier registers in the van: the case's
 * channel is `van`.
 * @param {() => void} [back] where its back button goes (the case list by default)
 */
export async function openRegister(back = backToList) {
  if (!allowed('register')) return;
  state.openCase = null;
  state.current = 'register';
  show('register-view');
  await showRegister(one('#register-view'), {
    open: (id, focus) => void openCaseScreen(id, focus),
    back,
    error: showError,
    channel: state.user?.role === 'courier' ? 'van' : 'counter',
  });
}

/**
 * The administration area; a saved office profile redraws the header.
 * @param {ScreenContext} ctx
 */
async function openAdmin(ctx) {
  await showAdmin({
    ...ctx,
    saved: async () => {
      state.info = await appInfo();
      translate();
    },
  });
}

/**
 * The case screen.
 * @param {number} id
 * @param {'receipt'} [focus] what gets the keyboard first
 */
export async function openCaseScreen(id, focus) {
  state.openCase = id;
  show('case-view');
  state.caseScreen = null;
  const screen = await showCase(one('#case-view'), id, {
    back: backToList,
    error: showError,
    photos: can('change_photos'),
    focus,
  });
  if (state.openCase === id) state.caseScreen = screen;
}

/**
 * Another desk changed the register (or the connection is back, `everything`): the screens that show its
 * data read it again — the case list with its today strip, or the case screen. A form being typed (the
 * register screen, a step's reason) is never redrawn.
 * @param {boolean} everything
 */
export function liveReload(everything) {
  if (!state.user) return;
  if (state.openCase !== null) {
    void state.caseScreen?.refresh();
    return;
  }
  if (state.current === 'cases') {
    void state.cases?.refresh();
    void refreshToday();
    return;
  }
  // Elsewhere the case list and the strip are read again when the user goes back to them.
  if (everything && state.current === 'review') void openScreen('review');
}

/**
 * Redraws what is on show after a language switch. The register form is left as it is: what was typed
 * stays (its labels follow at the next form).
 */
export function redraw() {
  translateBanners();
  if (state.user) drawNav();
  if (state.shownError) showError(state.shownError);
  else if (state.openCase !== null) void openCaseScreen(state.openCase);
  else if (state.current === 'register') return;
  else if (state.current && state.current !== 'cases') void openScreen(state.current);
  else {
    state.cases?.translate();
    void refreshToday();
  }
}

/** F2 opens the register screen for the roles that register. */
export function watchRegisterKey() {
  document.addEventListener('keydown', (event) => {
    if (event.key === 'F2' && allowed('register')) {
      event.preventDefault();
      void openRegister();
    }
  });
}
