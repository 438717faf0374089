// @ts-check
/**
 * Display formats for data the core sends, in the window's language: SLA state, timestamps, roles, case
 * steps, file sizes, backup rotation and command errors. Kept apart from the screens so they can be
 * unit-tested under node.
 * @module i18n/format
 */

import { formatDate, has, language, t } from './dictionary.js';

/** @typedef {import('../api/cases.js').SlaState} SlaState */
/** @typedef {import('../api/ipc.js').CommandError} CommandError */

/**
 * The SLA line of a case and its tone (a CSS class suffix: the text always says it too).
 * @param {SlaState} sla
 * @returns {{ text: string, tone: 'neutral' | 'paused' | 'ok' | 'due' | 'late' }}
 */
export function slaText(sla) {
  switch (sla.state) {
    case 'paused':
      return { text: t('sla.paused', { used: sla.used_days, days: sla.sla_days }), tone: 'paused' };
    case 'running':
      return sla.days_left <= 0
        ? { text: t('sla.due_today'), tone: 'due' }
        : { text: t('sla.running', { days: sla.days_left, due: formatDate(sla.due) }), tone: 'ok' };
    case 'overdue':
      return { text: t('sla.overdue', { days: sla.days_overdue, due: formatDate(sla.due) }), tone: 'late' };
    case 'stopped':
      return { text: t('sla.stopped'), tone: 'neutral' };
    default:
      return { text: t('sla.not_started'), tone: 'neutral' };
  }
}

/**
 * An RFC 3339 timestamp as `28 November 2026 14.05` in this computer's time zone (the office's).
 * Returns the input unchanged when it is not a timestamp.
 * @param {string | null | undefined} stamp
 * @returns {string}
 */
export function formatDateTime(stamp) {
  if (!stamp) return '';
  const when = new Date(stamp);
  if (Number.isNaN(when.getTime())) return stamp;
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  const day = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
  return `${formatDate(day)} ${pad(when.getHours())}.${pad(when.getMinutes())}`;
}

/**
 * The name of a role in the current language; an unknown role shows as itself.
 * @param {string} role
 * @returns {string}
 */
export function roleLabel(role) {
  return has(`role.${role}`) ? t(`role.${role}`) : role;
}

/**
 * The label of the button that moves a case to `status`.
 * @param {string} status
 * @returns {string}
 */
export function moveLabel(status) {
  return has(`move.to.${status}`) ? t(`move.to.${status}`) : status;
}

/** Codes whose core message names what the translation cannot know (which input, which case, which file). */
const DETAILED = new Set(['invalid', 'not_found', 'transition', 'conflict', 'forbidden', 'io', 'pdf']);

/**
 * The message shown beside a field or at the top of a form for an error from a command: the translation
 * of its code (for invalid input, naming the field when the dictionary knows it), then the core's own
 * English explanation as detail. In English the core's explanation alone says it best for invalid input.
 * An error marked `translated` (a screen's own wording of the refusal) is shown as it is.
 * @param {Pick<CommandError, 'code' | 'message'> & Partial<CommandError>} error
 * @returns {string}
 */
export function errorMessage(error) {
  // A screen that already put the refusal in the window's language says so, and its words are kept.
  if (error.translated) return error.message;
  const key = `error.${error.code}`;
  if (!has(key)) return t('error.internal');
  if (error.code === 'invalid' && language() === 'en' && error.message) return error.message;
  const fieldKey = error.field ? `error.field.${error.field}` : '';
  const head = error.code === 'invalid' && fieldKey && has(fieldKey)
    ? t('error.invalid.field', { field: t(fieldKey) })
    : t(key);
  return DETAILED.has(error.code) && error.message ? `${head} ${t('error.detail', { detail: error.message })}` : head;
}

/**
 * A file size in words: `512 B`, `48,5 KB`, `3,2 MB` (Indonesian decimal comma; English point).
 * @param {number} bytes
 * @param {string} [lang] `id` or `en`
 * @returns {string}
 */
export function formatBytes(bytes, lang = 'id') {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 ? String(value) : value.toFixed(1);
  return `${lang === 'id' ? text.replace('.', ',') : text} ${units[unit]}`;
}

/**
 * Why the rotation keeps a backup, in words: `Harian, mingguan` or, when it goes at the next backup, a
 * note saying so.
 * @param {string[]} keptFor `daily`, `weekly`, `monthly`
 * @returns {string}
 */
export function keptLabel(keptFor) {
  if (keptFor.length === 0) return t('backups.kept.none');
  const words = keptFor.map((k) => t(`backups.kept.${k}`));
  const joined = words.join(', ').toLowerCase();
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}
