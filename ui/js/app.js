// @ts-check
/**
 * Starts the window: language, header, footer, then first-run setup or sign-in, then the work screens.
 * Shows a clear message instead of the screens when the database could not be opened.
 * @module app
 */

import { showBackups, showDamaged } from './admin-backups.js';
import { showTransfer } from './admin-transfer.js';
import { addAdminTab, showAdmin } from './admin.js';
import * as api from './api.js';
import { showBatch } from './batch.js';
import { showCase } from './casepage.js';
import { localToday, mountCases } from './cases.js';
import { showDashboards } from './dashboards.js';
import { h, one, replace } from './dom.js';
import { roleLabel } from './format.js';
import { DEFAULT_LANGUAGE, language, setLanguage, t } from './i18n.js';
import { showRegister } from './register.js';
import { showSetup, showSetupLogo, showSignIn } from './session.js';
import { logoUrl, showLookTab } from './settings-extras.js';
import { showToday, tileCases } from './today.js';
import { showTrips } from './trips.js';
import { showVerify } from './verify.js';

// Data safety joins the administration area as two tabs; clerks reach Import/Export from the navigation.
addAdminTab({ id: 'transfer', label: 'nav.transfer', show: (ctx) => showTransfer(ctx.panel, ctx) });
addAdminTab({ id: 'backups', label: 'nav.backups', show: (ctx) => showBackups(ctx.panel, ctx) });

const LANGUAGE_KEY = 'petromaks.language';

/** Minutes without a key or a click after which the screen locks itself. */
const IDLE_LOCK_MINUTES = 10;

/** The roles the core lets register applications: nobody else sees the button or the shortcut. */
const REGISTERS = new Set(['clerk', 'courier']);

/** @type {api.AppInfo | null} */
let info = null;

/** @type {api.Actor | null} */
let user = null;

/**
 * The error on screen, if any, so a language switch can say it again in the other language.
 * @type {api.CommandError | null}
 */
let shownError = null;

/** @type {ReturnType<typeof mountCases> | null} */
let cases = null;

/** The case open on screen, redrawn after a language switch. @type {number | null} */
let openCase = null;

/** Writes every `data-i18n*` string of the static page in the current language. */
function translatePage() {
  document.documentElement.lang = language();
  // Static strings, and those of forms that stay on screen across a switch (setup, sign-in, lock):
  // `data-i18n-args` holds the parameters of a string that has some.
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const { i18n, i18nArgs } = /** @type {HTMLElement} */ (el).dataset;
    el.textContent = t(i18n ?? '', i18nArgs ? JSON.parse(i18nArgs) : undefined);
  }
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(/** @type {HTMLElement} */ (el).dataset.i18nPlaceholder ?? ''));
  }
  for (const el of document.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(/** @type {HTMLElement} */ (el).dataset.i18nLabel ?? ''));
  }
  if (info) {
    one('#office-government').textContent = info.office?.government ?? t('app.name');
    // Without a database there is no profile to miss: keep the product name rather than a false hint.
    one('#office-name').textContent =
      info.office?.name ?? (info.db_error ? t('app.name') : t('app.office.unset'));
    one('#db-path').textContent = t('app.database', { path: info.db_path });
    one('#app-version').textContent = t('app.version', { version: info.version });
  }
  // Name above role, so a long name does not squeeze the office name out of the header.
  replace(one('#current-user'), user
    ? [h('span', { class: 'user-name' }, user.full_name), h('span', { class: 'user-role' }, roleLabel(user.role))]
    : []);
}

/**
 * Replaces the main area with an error: the translated explanation, the technical message, and a retry.
 * @param {api.CommandError} error
 */
function showError(error) {
  if (error.code === 'signed_out') {
    void lock(false);
    return;
  }
  if (error.code === 'db_damaged' && info?.damaged) {
    // A damaged register: name the file, say it is left as it is, and offer the latest good backup.
    showDamaged(one('#main'), info.damaged);
    shownError = error;
    return;
  }
  const key = `error.${error.code}`;
  const explanation = t(key) === key ? t('error.internal') : t(key);
  const retry = h('button', { type: 'button', class: 'button' }, t('error.retry'));
  retry.addEventListener('click', () => window.location.reload());
  replace(
    one('#main'),
    h(
      'section',
      { class: 'panel error-panel', role: 'alert', id: 'app-error', 'data-code': error.code },
      h('h2', {}, t('error.title')),
      h('p', {}, explanation),
      h('pre', { class: 'error-detail' }, error.message),
      retry,
    ),
  );
  document.body.dataset.error = error.code;
  shownError = error;
}

/**
 * @typedef {object} ScreenContext What a screen module gets when the navigation opens it.
 * @property {HTMLElement} root The screen's own `<section>`, emptied and filled by the module.
 * @property {api.Actor} user The signed-in user (the core checks roles again on every command).
 * @property {() => void} back Back to the case list.
 * @property {(error: api.CommandError) => void} error Shows a command's error.
 * @property {(id: number) => void} openCase Opens the case screen.
 * @property {(returnTo?: () => void | Promise<void>) => void} register Opens the register screen; its back
 *   button returns to this screen (redrawn by `returnTo` when given).
 */

/**
 * @typedef {object} Screen A work screen in the navigation bar.
 * @property {string} id The id of its `<section class="screen">` in index.html.
 * @property {string} label The dictionary key of its navigation label.
 * @property {string[] | null} roles The roles that see it; `null` for everyone signed in.
 * @property {(ctx: ScreenContext) => void | Promise<void>} open Draws it (again) into `ctx.root`.
 * @property {string} [button] The navigation button's id, when tests or shortcuts know it by another name.
 */

/**
 * The work screens reachable from the navigation bar, in order. A new screen: a `<section class="panel
 * screen" hidden>` in index.html, its module's `show…(ctx)`, and one line here.
 * @type {Screen[]}
 */
const SCREENS = [
  { id: 'cases', label: 'nav.cases', roles: null, open: () => backToList() },
  { id: 'trips-view', label: 'nav.trips', roles: ['clerk', 'courier', 'admin'], open: (ctx) => showTrips(ctx) },
  { id: 'dashboards-view', label: 'nav.dashboards', roles: ['clerk', 'verifier', 'signer', 'admin'], open: (ctx) => showDashboards(ctx) },
  { id: 'verify-view', label: 'nav.verify', roles: null, open: (ctx) => showVerify(ctx) },
  { id: 'batch-view', label: 'nav.batch', roles: ['clerk', 'signer', 'courier', 'admin'], open: (ctx) => showBatch(ctx) },
  { id: 'admin-view', label: 'nav.admin', roles: ['admin'], open: (ctx) => openAdmin(ctx), button: 'settings-button' },
  { id: 'transfer-view', label: 'nav.transfer', roles: ['clerk'], open: (ctx) => showTransfer(ctx.root, ctx) },
];

/** The navigation screen on show, redrawn after a language switch. @type {Screen | null} */
let current = null;

/** @param {Screen} screen */
function navButtonId(screen) {
  return screen.button ?? `nav-${screen.id}`;
}

/** @param {Screen} screen */
function allowed(screen) {
  return Boolean(user) && (screen.roles === null || screen.roles.includes(user?.role ?? ''));
}

/** Draws the navigation bar for the signed-in user's role; the current screen is marked for screen readers. */
function drawNav() {
  const nav = one('#app-nav');
  nav.hidden = !user;
  replace(nav, ...SCREENS.filter(allowed).map((screen) => {
    const button = h('button', { type: 'button', id: navButtonId(screen), class: 'nav-item' }, t(screen.label));
    if (current === screen) button.setAttribute('aria-current', 'page');
    button.addEventListener('click', () => void openScreen(screen));
    return button;
  }));
}

/**
 * Opens a navigation screen: hides the others, marks it current and lets its module draw it.
 * @param {Screen} screen
 */
async function openScreen(screen) {
  if (!user || !allowed(screen)) return;
  openCase = null;
  current = screen;
  show(screen.id);
  drawNav();
  const root = one(`#${screen.id}`);
  try {
    await screen.open({
      root,
      user,
      back: backToList,
      error: showError,
      openCase: (id) => void openCaseScreen(id),
      register: (returnTo) => void openRegister(() => {
        // Back where the register screen was opened from (e.g. a trip page in the van).
        current = screen;
        show(screen.id);
        void (returnTo ? returnTo() : openScreen(screen));
      }),
    });
  } catch (error) {
    showError(/** @type {api.CommandError} */ (error));
  }
}

/**
 * Shows one of the main area's sections (`#gate`, the case screen, the register screen or a navigation
 * screen) and hides the others.
 * @param {string} screen
 */
function show(screen) {
  for (const section of document.querySelectorAll('#main > section, #gate')) {
    /** @type {HTMLElement} */ (section).hidden = section.id !== screen;
  }
  const signedIn = screen !== 'gate';
  for (const id of ['current-user', 'lock-button', 'signout-button']) one(`#${id}`).hidden = !signedIn;
  one('#app-nav').hidden = !signedIn;
  if (screen === 'case-view' || screen === 'register-view') current = null;
  if (signedIn) drawNav();
}

/** @param {api.Actor} actor */
async function signedIn(actor) {
  user = actor;
  translatePage();
  info = await api.appInfo();
  translatePage();
  current = SCREENS[0];
  show('cases');
  document.body.dataset.screen = 'cases';
  document.body.dataset.user = actor.username;
  one('#register-button').hidden = !REGISTERS.has(actor.role);
  cases ??= mountCases(showError, (id) => void openCaseScreen(id));
  await cases.reload();
  await refreshToday();
  one('#case-query').focus();
}

/** Redraws the today strip; a count narrows the list to its cases. */
async function refreshToday() {
  if (!user) return;
  try {
    await showToday(one('#today'), user.role, localToday(), (tile) =>
      void cases?.showOnly(t(`today.${tile.key}`), () => tileCases(tile)));
  } catch (error) {
    showError(/** @type {api.CommandError} */ (error));
  }
}

function backToList() {
  openCase = null;
  current = SCREENS[0];
  show('cases');
  document.body.dataset.screen = 'cases';
  void cases?.reload();
  void refreshToday();
  one('#case-query').focus();
}

/**
 * The register screen. A courier registers in the van: the case's channel is `van`.
 * @param {() => void} [back] where its back button goes (the case list by default)
 */
async function openRegister(back = backToList) {
  openCase = null;
  show('register-view');
  await showRegister(one('#register-view'), {
    open: (id) => void openCaseScreen(id),
    back,
    error: showError,
    channel: user?.role === 'courier' ? 'van' : 'counter',
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
      info = await api.appInfo();
      translatePage();
    },
  });
}

/** @param {number} id */
async function openCaseScreen(id) {
  openCase = id;
  show('case-view');
  await showCase(one('#case-view'), id, {
    back: backToList,
    error: showError,
    role: user?.role,
  });
}

/**
 * Ends the session on the Rust side and clears every screen that shows data; the lock screen keeps the
 * username and asks for the password again.
 * @param {boolean} keepUser
 */
async function lock(keepUser) {
  const was = keepUser ? user : null;
  user = null;
  openCase = null;
  delete document.body.dataset.user;
  await api.signOut().catch(() => {});
  current = null;
  replace(one('#case-view'));
  replace(one('#register-view'));
  for (const section of document.querySelectorAll('#main > section.screen')) replace(/** @type {HTMLElement} */ (section));
  replace(one('#cases-body'));
  replace(one('#today'));
  /** @type {HTMLInputElement} */ (one('#case-query')).value = '';
  show('gate');
  translatePage();
  await signedIn(await showSignIn(one('#gate'), was));
}

function watchIdle() {
  let last = Date.now();
  const touch = () => {
    last = Date.now();
  };
  for (const type of ['keydown', 'pointerdown', 'wheel']) document.addEventListener(type, touch, { capture: true });
  setInterval(() => {
    if (user && Date.now() - last > IDLE_LOCK_MINUTES * 60_000) void lock(true);
  }, 30_000);
  document.addEventListener('keydown', (event) => {
    if (user && REGISTERS.has(user.role) && event.key === 'F2') {
      event.preventDefault();
      void openRegister();
    }
    if (user && event.ctrlKey && !event.altKey && event.key.toLowerCase() === 'l') {
      event.preventDefault();
      void lock(true);
    }
  });
}

/**
 * Switches the window's language, remembers it on this computer and redraws what is on screen.
 * @param {'id' | 'en'} lang
 */
function applyLanguage(lang) {
  localStorage.setItem(LANGUAGE_KEY, setLanguage(lang));
  translatePage();
  if (user) drawNav();
  if (shownError) showError(shownError);
  else if (openCase !== null) void openCaseScreen(openCase);
  else if (current && current !== SCREENS[0]) void openScreen(current);
  else {
    cases?.translate();
    void refreshToday();
  }
}

/** Shows the office's own logo in the header when it has one (the product's lamp otherwise). */
async function refreshLogo() {
  const img = /** @type {HTMLImageElement} */ (one('.brand-logo'));
  try {
    const url = await logoUrl();
    if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
    img.src = url ?? 'img/logo.png';
    img.dataset.office = String(Boolean(url));
  } catch {
    // No database or no office yet: the product's lamp stays.
  }
}

/**
 * First-run setup, then its logo step (the admin is signed in by then).
 * @param {HTMLElement} gate
 * @param {Record<string, string | number>} example
 */
async function firstRun(gate, example) {
  const actor = await showSetup(gate, example);
  info = await api.appInfo(); // the header names the office just saved
  translatePage();
  await showSetupLogo(gate, refreshLogo);
  return actor;
}

async function start() {
  // The logo and the language, a tab of the administration area.
  addAdminTab({ id: 'look', label: 'admin.tab.look', show: (ctx) => showLookTab(ctx, { logoChanged: refreshLogo, language: applyLanguage }) });
  setLanguage(localStorage.getItem(LANGUAGE_KEY) ?? DEFAULT_LANGUAGE);
  translatePage();
  one('#language-toggle').addEventListener('click', () => applyLanguage(language() === 'id' ? 'en' : 'id'));
  one('#lock-button').addEventListener('click', () => void lock(true));
  one('#register-button').addEventListener('click', () => void openRegister());
  one('#signout-button').addEventListener('click', () => void lock(false));
  try {
    info = await api.appInfo();
  } catch (error) {
    showError(/** @type {api.CommandError} */ (error));
    return;
  }
  translatePage();
  void refreshLogo();
  if (info.db_error) {
    showError(info.db_error);
    return;
  }
  try {
    const session = await api.sessionInfo();
    show('gate');
    watchIdle();
    const gate = one('#gate');
    const actor = session.user
      ?? (session.setup_needed ? await firstRun(gate, session.office_example) : await showSignIn(gate));
    await signedIn(actor);
  } catch (error) {
    showError(/** @type {api.CommandError} */ (error));
  }
}

void start();
