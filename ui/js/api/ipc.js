// @ts-check
/**
 * The bridge to the Rust side: the one place that touches `window.__TAURI__`. {@link call} invokes a
 * command and turns every failure into a {@link CommandError}; {@link channel} makes the progress channel
 * a long job reports on. Only the modules of `api/` import it; screens call their functions and never know
 * a command name.
 * @module api/ipc
 */

/**
 * An error as every command reports it.
 * @typedef {object} CommandError
 * @property {string} code a short stable code (`invalid`, `not_found`, `db_unavailable`, …)
 * @property {string} message an English description (the UI shows its own translation of `code` first)
 * @property {string | null} field the input at fault, when there is one (e.g. `nik`, `field_key_2`)
 * @property {boolean} [translated] set by a screen that already put `message` in the window's language
 */

/**
 * A progress channel as Tauri's `Channel` class makes it.
 * @template T
 * @typedef {{ onmessage: (message: T) => void }} Channel
 */

/**
 * What `withGlobalTauri` puts on the window (only what the window uses).
 * @typedef {object} TauriCore
 * @property {(command: string, args?: Record<string, unknown>) => Promise<unknown>} invoke
 * @property {new () => Channel<unknown>} [Channel]
 */

const MISSING = 'The Tauri bridge is missing: open this page in the Petromaks app.';

/** @returns {TauriCore | undefined} */
function core() {
  const w = /** @type {{ __TAURI__?: { core?: TauriCore } }} */ (/** @type {unknown} */ (globalThis));
  return w.__TAURI__?.core;
}

/**
 * Calls a command and turns every failure into a {@link CommandError}. The answer's type is the one the
 * calling `api/` function declares (the Rust side's serialised struct).
 * @template T
 * @param {string} command
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<T>}
 */
export async function call(command, args) {
  const tauri = core();
  if (!tauri?.invoke) throw toCommandError(MISSING);
  try {
    const answer = /** @type {T} */ (await tauri.invoke(command, args));
    for (const listener of answered) listener(command, null);
    return answer;
  } catch (error) {
    const e = toCommandError(error);
    for (const listener of answered) listener(command, e);
    throw e;
  }
}

/**
 * Who hears of every answer: the connection banner goes up when a command says the register cannot be
 * reached, and down when one gets through again.
 * @type {((command: string, error: CommandError | null) => void)[]}
 */
const answered = [];

/**
 * Calls `listener` after every command, with its error or null.
 * @param {(command: string, error: CommandError | null) => void} listener
 */
export function onAnswer(listener) {
  answered.push(listener);
}

/**
 * A channel whose messages go to `listener` (a long job's progress).
 * @template T
 * @param {(message: T) => void} listener
 * @returns {Channel<T>}
 * @throws {CommandError} outside the app
 */
export function channel(listener) {
  const Channel = core()?.Channel;
  if (!Channel) throw toCommandError(MISSING);
  const made = /** @type {Channel<T>} */ (/** @type {unknown} */ (new Channel()));
  made.onmessage = listener;
  return made;
}

/**
 * Normalises whatever a rejected call carries into a {@link CommandError}.
 * @param {unknown} error
 * @returns {CommandError}
 */
export function toCommandError(error) {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const e = /** @type {{code: unknown, message: unknown, field?: unknown}} */ (error);
    return {
      code: String(e.code),
      message: String(e.message),
      field: typeof e.field === 'string' ? e.field : null,
    };
  }
  return { code: 'internal', message: String(error), field: null };
}
