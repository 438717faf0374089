// @ts-check
/**
 * Display helpers of the data-safety screens (backups, start-up restore, import/export), kept apart from
 * the screens so they can be unit-tested under node.
 * @module safety-format
 */

import { t } from './i18n.js';

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

/**
 * What the import screen may do after a dry run: confirm only a clean report with rows in it.
 * @param {{ dry_run: boolean, rows: number, bad: { line: number, reason: string }[] } | null} report
 * @returns {boolean}
 */
export function canConfirmImport(report) {
  return report !== null && report.dry_run && report.rows > 0 && report.bad.length === 0;
}
