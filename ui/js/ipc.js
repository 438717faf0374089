// @ts-check
/**
 * The bridge to the Rust side: one function that invokes a command and turns every failure into a
 * {@link CommandError}. Only the `api*.js` modules import it; screens call the functions of `api.js`.
 * @module ipc
 */

/**
 * An error as every command reports it.
 * @typedef {object} CommandError
 * @property {string} code a short stable code (`invalid`, `not_found`, `db_unavailable`, …)
 * @property {string} message an English description (the UI shows its own translation of `code` first)
 * @property {string | null} field the input at fault, when there is one
 */

/**
 * Calls a command and turns every failure into a {@link CommandError}.
 * @template T
 * @param {string} command
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<T>}
 */
export async function call(command, args) {
  const tauri = /** @type {any} */ (window).__TAURI__;
  if (!tauri?.core?.invoke) {
    throw toCommandError('The Tauri bridge is missing: open this page in the Petromaks app.');
  }
  try {
    return await tauri.core.invoke(command, args);
  } catch (error) {
    throw toCommandError(error);
  }
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
