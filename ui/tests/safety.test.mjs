import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { formatBytes, keptLabel } = await import('../js/i18n/format.js');
const { canConfirmImport } = await import('../js/screens/transfer.js');
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
