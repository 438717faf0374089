// @ts-check
/**
 * Starts the window: language, header, footer, then first-run setup or sign-in, then the work screens
 * (`router.js`). Shows a clear message instead of the screens when the register could not be opened.
 * The entry point of index.html.
 * @module boot
 */

import { appInfo } from './api/app.js';
import { registerStatus } from './api/connection.js';
import { sessionInfo } from './api/session.js';
import { DEFAULT_LANGUAGE, language, setLanguage, t } from './i18n/dictionary.js';
import { startLive } from './live.js';
import { lock, watchIdle } from './lock.js';
import {
  enter, info, leave, liveReload, onSignedOut, openRegister, redraw, setInfo, showError, translate, watchRegisterKey,
} from './router.js';
import { addAdminTab } from './screens/admin/tabs.js';
import { showLookTab } from './screens/admin/look.js';
import { showBackups } from './screens/backups.js';
import { showConnection, showConnectionGate } from './screens/connection.js';
import { openAbout, showUpgraded } from './screens/program.js';
import { showSetup, showSetupLogo } from './screens/setup.js';
import { showSignIn } from './screens/signin.js';
import { showTransfer } from './screens/transfer.js';
import { refreshStatus, watchConnection } from './widgets/banner.js';
import { h, one } from './widgets/dom.js';
import { logoUrl } from './widgets/logo.js';

/** @typedef {import('./api/ipc.js').CommandError} CommandError */
/** @typedef {import('./api/session.js').SignedIn} SignedIn */

/** Where this computer remembers the window's language. */
const LANGUAGE_KEY = 'petromaks.language';

/**
 * Switches the window's language, remembers it on this computer and redraws what is on screen.
 * @param {'id' | 'en'} lang
 */
function applyLanguage(lang) {
  localStorage.setItem(LANGUAGE_KEY, setLanguage(lang));
  translate();
  redraw();
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
    // No register or no office yet: the product's lamp stays.
  }
}

/**
 * First-run setup, then its logo step (the admin is signed in by then).
 * @param {HTMLElement} gate
 * @param {Record<string, string | number>} example
 * @returns {Promise<SignedIn>}
 */
async function firstRun(gate, example) {
  const signedIn = await showSetup(gate, example);
  setInfo(await appInfo()); // the header names the office just saved
  translate();
  await showSetupLogo(gate, refreshLogo);
  return signedIn;
}

/** How often the start-up screen asks whether an unreachable register is back. */
const STARTUP_RETRY_MS = 3000;

/**
 * The register could not be opened at start: the error screen says why and offers the connection form;
 * an unreachable one is asked again every few seconds, and the window starts over once it answers.
 * @param {CommandError} error
 */
function cannotOpen(error) {
  showError(error);
  const panel = document.getElementById('app-error');
  if (!panel || error.code === 'db_damaged') return;
  const change = h('button', { type: 'button', class: 'button button-quiet', id: 'open-connection' }, t('conn.open'));
  change.addEventListener('click', () => void showConnectionGate(one('#main')));
  if (error.code === 'db_unavailable') {
    panel.append(h('p', { id: 'startup-retrying', 'aria-live': 'polite' }, t('startup.unreachable')));
    const again = () => setTimeout(() => {
      registerStatus().then(() => window.location.reload(), again);
    }, STARTUP_RETRY_MS);
    again();
  }
  panel.append(change);
}

async function start() {
  // Data safety joins the administration area as two tabs (clerks reach Import/Export from the
  // navigation), then the logo and the language.
  addAdminTab({ id: 'transfer', label: 'nav.transfer', show: (ctx) => showTransfer(ctx.panel, ctx) });
  addAdminTab({ id: 'backups', label: 'nav.backups', show: (ctx) => showBackups(ctx.panel, ctx) });
  addAdminTab({ id: 'look', label: 'admin.tab.look', show: (ctx) => showLookTab(ctx, { logoChanged: refreshLogo, language: applyLanguage }) });
  // The office server: an admin reaches it here once signed in; anyone reaches it from the sign-in screen.
  addAdminTab({ id: 'server', label: 'admin.tab.server', show: (ctx) => showConnection(ctx.panel, { connected: () => setTimeout(() => window.location.reload(), 1500) }) });
  watchConnection({ back: () => liveReload(true) });
  onSignedOut(() => void lock(false));
  setLanguage(localStorage.getItem(LANGUAGE_KEY) ?? DEFAULT_LANGUAGE);
  translate();
  one('#language-toggle').addEventListener('click', () => applyLanguage(language() === 'id' ? 'en' : 'id'));
  one('#lock-button').addEventListener('click', () => void lock(true));
  one('#register-button').addEventListener('click', () => void openRegister());
  one('#signout-button').addEventListener('click', () => void lock(false));
  one('#about-button').addEventListener('click', () => void openAbout().catch((e) => showError(e)));
  try {
    setInfo(await appInfo());
  } catch (error) {
    showError(/** @type {CommandError} */ (error));
    return;
  }
  translate();
  showUpgraded(info()?.upgraded);
  void refreshLogo();
  const dbError = info()?.db_error;
  if (dbError) {
    cannotOpen(dbError);
    return;
  }
  // Other desks' changes show without a click; the van banner says what this laptop works on.
  startLive(liveReload).catch(() => {});
  void refreshStatus();
  try {
    const session = await sessionInfo();
    leave();
    watchIdle();
    watchRegisterKey();
    const gate = one('#gate');
    const signedIn = session.user
      ? { user: session.user, screens: session.screens, work: session.work, place: session.place }
      : session.setup_needed ? await firstRun(gate, session.office_example) : await showSignIn(gate);
    await enter(signedIn);
  } catch (error) {
    showError(/** @type {CommandError} */ (error));
  }
}

void start();
