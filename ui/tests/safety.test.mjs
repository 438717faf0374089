import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { formatBytes, keptLabel } = await import('../js/i18n/format.js');
const { canConfirmImport, exportProgressText } = await import('../js/screens/transfer.js');
const api = await import('../js/api/safety.js');
const { DEFAULT_LANGUAGE, setLanguage } = await import('../js/i18n/dictionary.js');

afterEach(() => setLanguage(DEFAULT_LANGUAGE));

describe('formatBytes()', () => {
  test('bytes, kilobytes and megabytes with the language\'s decimal mark', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(49_664), '48,5 KB');
    assert.equal(formatBytes(49_664, 'en'), '48.5 KB');
    assert.equal(formatBytes(3 * 1024 * 1024), '3,0 MB');
  });
});

describe('keptLabel()', () => {
  test('says why the rotation keeps a backup, or that it goes next', () => {
    assert.equal(keptLabel(['daily', 'weekly', 'monthly']), 'Harian, mingguan, bulanan');
    assert.equal(keptLabel(['monthly']), 'Bulanan');
    assert.equal(keptLabel([]), 'Akan dihapus pada cadangan berikutnya');
    setLanguage('en');
    assert.equal(keptLabel(['daily', 'weekly']), 'Daily, weekly');
  });
});

describe('canConfirmImport()', () => {
  const clean = { dry_run: true, rows: 3, bad: [] };
  test('only a clean dry run with rows may be confirmed', () => {
    assert.equal(canConfirmImport(clean), true);
    assert.equal(canConfirmImport({ ...clean, bad: [{ line: 3, reason: 'NIK must have 16 digits' }] }), false);
    assert.equal(canConfirmImport({ ...clean, rows: 0 }), false, 'an empty file imports nothing');
    assert.equal(canConfirmImport({ ...clean, dry_run: false }), false, 'already imported');
    assert.equal(canConfirmImport(null), false);
  });
});

describe('exportProgressText()', () => {
  test('rows written of the total, with the language\'s thousands mark', () => {
    assert.equal(exportProgressText({ done: 12_000, total: 1_000_000 }), '12.000 dari 1.000.000 baris');
    assert.equal(exportProgressText({ done: 0, total: 0 }), '0 dari 0 baris', 'an empty register');
    setLanguage('en');
    assert.equal(exportProgressText({ done: 12_000, total: 1_000_000 }), '12,000 of 1,000,000 rows');
    assert.equal(exportProgressText({ done: 0, total: 6 }), '0 of 6 rows');
  });

  test('every row written: the file is being finished', () => {
    assert.equal(exportProgressText({ done: 1_000_000, total: 1_000_000 }),
      'Semua 1.000.000 baris tertulis; menyelesaikan berkas…');
    setLanguage('en');
    assert.equal(exportProgressText({ done: 6, total: 6 }), 'All 6 rows written; finishing the file…');
  });
});

describe('exportData()', () => {
  const bridge = /** @type {{ __TAURI__?: unknown }} */ (globalThis);
  afterEach(() => { delete bridge.__TAURI__; });

  test('hands the command a progress channel whose messages reach the listener, and cancels by name', async () => {
    /** @type {[string, Record<string, any> | undefined][]} */
    const calls = [];
    class Channel { onmessage = (/** @type {unknown} */ _) => {}; }
    bridge.__TAURI__ = {
      core: {
        Channel,
        invoke: async (/** @type {string} */ command, /** @type {Record<string, any>} */ args) => {
          calls.push([command, args]);
          if (command !== 'export_data') return null;
          args.onProgress.onmessage({ done: 0, total: 20_000 });
          args.onProgress.onmessage({ done: 10_000, total: 20_000 });
          return { outcome: 'cancelled' };
        },
      },
    };
    /** @type {unknown[]} */
    const heard = [];
    assert.deepEqual(await api.exportData('cases', 'xlsx', (p) => heard.push(p)), { outcome: 'cancelled' });
    assert.deepEqual(heard, [{ done: 0, total: 20_000 }, { done: 10_000, total: 20_000 }]);
    assert.equal(calls[0][0], 'export_data');
    assert.equal(calls[0][1]?.what, 'cases');
    assert.equal(calls[0][1]?.format, 'xlsx');
    await api.cancelExport();
    assert.deepEqual(calls.map((c) => c[0]), ['export_data', 'cancel_export']);
  });
});
