// @ts-check
/**
 * Live desks: the Rust side watches the register (LISTEN on the office server, `data_version` on a file)
 * and sends a notice when another desk changed something; the screens that show the register's data
 * (the case list, the today strip, the case screen, the van banner) read it again, a moment later so a
 * burst of changes is one reload. After `reconnected` everything is read again; `lost` puts up the
 * connection banner (it goes when the register answers).
 * @module live
 */

import { watchRegister } from './api/connection.js';
import { connectionLost, refreshStatus } from './widgets/banner.js';

/** A burst of notices within this many milliseconds is one reload. */
export const SETTLE_MS = 250;

/**
 * Starts listening (once, at start).
 * @param {(everything: boolean) => void} reload reads the screens' data again (`everything` after a
 *   reconnect)
 * @returns {Promise<void>}
 */
export async function startLive(reload) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let everything = false;
  await watchRegister((notice) => {
    if (notice.change === 'lost') {
      connectionLost('server');
      return;
    }
    everything ||= notice.change === 'reconnected';
    clearTimeout(timer);
    timer = setTimeout(() => {
      const all = everything;
      everything = false;
      // The screens first: the banner's numbers can wait for the next free moment of the connection.
      reload(all);
      void refreshStatus();
    }, SETTLE_MS);
  });
}
