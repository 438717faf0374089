// @ts-check
/**
 * The lock: the header's lock and sign-out buttons, Ctrl+L, and locking by itself after minutes without
 * a key or a click. Locking ends the session on the Rust side and clears every screen that shows data;
 * the lock screen keeps the username and asks for the password again.
 * @module lock
 */

import { signOut } from './api/session.js';
import { currentUser, enter, leave } from './router.js';
import { showSignIn } from './screens/signin.js';
import { one } from './widgets/dom.js';

/** Minutes without a key or a click after which the screen locks itself. */
export const IDLE_LOCK_MINUTES = 10;

/**
 * Locks the window (`keepUser`) or signs out, then waits for the next sign-in.
 * @param {boolean} keepUser whether the lock screen keeps the username
 */
export async function lock(keepUser) {
  const was = keepUser ? currentUser() : null;
  leave();
  await signOut().catch(() => {});
  await enter(await showSignIn(one('#gate'), was));
}

/** Wires Ctrl+L and the idle lock (once, at start). */
export function watchIdle() {
  let last = Date.now();
  const touch = () => {
    last = Date.now();
  };
  for (const type of ['keydown', 'pointerdown', 'wheel']) document.addEventListener(type, touch, { capture: true });
  setInterval(() => {
    if (currentUser() && Date.now() - last > IDLE_LOCK_MINUTES * 60_000) void lock(true);
  }, 30_000);
  document.addEventListener('keydown', (event) => {
    if (currentUser() && event.ctrlKey && !event.altKey && event.key.toLowerCase() === 'l') {
      event.preventDefault();
      void lock(true);
    }
  });
}
