// @ts-check
/**
 * The two banners under the header. The connection banner: when a command answers `db_unavailable` (or
 * the live watcher says the server is lost) it says so in the window's language and that the app keeps
 * trying; it asks the register again every few seconds and goes away when the register answers, and the
 * screens reload. Nothing on screen is cleared: what was typed stays. The van banner: on a van laptop, the
 * trip worked offline and how many actions wait for check-in.
 * @module widgets/banner
 */

import { onAnswer, registerStatus } from '../api/connection.js';
import { t } from '../i18n/dictionary.js';
import { h, one, replace } from './dom.js';

/** @typedef {import('../api/connection.js').RegisterStatus} RegisterStatus */

/** How often the banner asks whether the register is back. */
export const RETRY_EVERY_MS = 3000;

const state = {
  lost: false,
  /** @type {'server' | 'file'} */ engine: 'server',
  /** @type {ReturnType<typeof setTimeout> | undefined} */ timer: undefined,
  /** @type {RegisterStatus | null} */ status: null,
  /** What to do when the register answers again. @type {() => void} */ back: () => {},
  /** Opens the sync screen from the van banner. @type {(() => void) | null} */ openSync: null,
};

/**
 * Whether a command's error means the register cannot be reached now.
 * @param {{ code: string } | null} error
 * @returns {boolean}
 */
export function isUnreachable(error) {
  return error?.code === 'db_unavailable';
}

function drawConnection() {
  const banner = one('#connection-banner');
  banner.hidden = !state.lost;
  replace(banner, state.lost ? t(state.engine === 'file' ? 'banner.lost.file' : 'banner.lost.server') : '');
  document.body.dataset.connection = state.lost ? 'lost' : 'ok';
}

function drawVan() {
  const banner = one('#van-banner');
  const van = state.status?.van ?? null;
  banner.hidden = !van;
  document.body.dataset.place = state.status?.place ?? 'office';
  if (!van) {
    replace(banner);
    return;
  }
  banner.dataset.pending = String(van.pending);
  const text = h('span', { id: 'van-banner-text' }, t('banner.van', { trip: String(van.trip_id), van: van.van, pending: String(van.pending) }));
  let open = null;
  if (state.openSync) {
    const go = state.openSync;
    open = h('button', { type: 'button', class: 'button button-quiet button-small', id: 'van-banner-sync' }, t('banner.van.open'));
    open.addEventListener('click', () => go());
  }
  replace(banner, text, open ? ' ' : null, open);
}

/** Asks the register again, until it answers. */
function retry() {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => void refreshStatus(), RETRY_EVERY_MS);
}

/**
 * The register cannot be reached: up goes the banner, and the retries start.
 * @param {'server' | 'file'} [engine]
 */
export function connectionLost(engine) {
  if (engine) state.engine = engine;
  if (!state.lost) {
    state.lost = true;
    const count = Number(document.body.dataset.connectionLosses ?? 0) + 1;
    document.body.dataset.connectionLosses = String(count);
    drawConnection();
  }
  retry();
}

/** The register answers again: down goes the banner, and the screens reload. */
export function connectionBack() {
  clearTimeout(state.timer);
  if (!state.lost) return;
  state.lost = false;
  drawConnection();
  state.back();
}

/**
 * Reads the register's status now (the van banner's numbers, and the connection banner's retry).
 * @returns {Promise<RegisterStatus | null>}
 */
export async function refreshStatus() {
  try {
    state.status = await registerStatus();
    state.engine = state.status.engine;
    drawVan();
    connectionBack();
    return state.status;
  } catch {
    // The answer listener put the banner up already when the register cannot be reached.
    if (state.lost) retry();
    return null;
  }
}

/**
 * Starts listening to every command's answer (once, at start).
 * @param {{ back: () => void, openSync?: (() => void) | null }} on `back`: reload the screens
 */
export function watchConnection(on) {
  state.back = on.back;
  state.openSync = on.openSync ?? null;
  // Only the register's own answer (`refreshStatus`) takes the banner down: a command that needs no
  // register (signing out, the connection form) says nothing about it.
  onAnswer((_command, error) => {
    if (isUnreachable(error)) connectionLost();
  });
}

/**
 * Whether the sync screen can be opened from the van banner (set when the signed-in user may open it).
 * @param {(() => void) | null} open
 */
export function setOpenSync(open) {
  state.openSync = open;
  drawVan();
}

/** Redraws both banners in the current language. */
export function translateBanners() {
  drawConnection();
  drawVan();
}
