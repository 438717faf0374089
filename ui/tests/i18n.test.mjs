import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, test } from 'node:test';

import {
  DEFAULT_LANGUAGE,
  STATUSES,
  formatDate,
  keys,
  language,
  setLanguage,
  statusLabel,
  statusTone,
  t,
} from '../js/i18n/dictionary.js';

afterEach(() => setLanguage(DEFAULT_LANGUAGE));

describe('t()', () => {
  test('Bahasa Indonesia is the default language', () => {
    assert.equal(language(), 'id');
    assert.equal(t('cases.col.applicant'), 'Pemohon');
  });

  test('English after switching', () => {
    assert.equal(setLanguage('en'), 'en');
    assert.equal(t('cases.col.applicant'), 'Applicant');
  });

  test('a key missing in English falls back to Indonesian', () => {
    setLanguage('en');
    assert.ok(!keys('en').includes('app.name'));
    assert.equal(t('app.name'), 'Petromaks');
  });

  test('an unknown key shows itself, never an empty string', () => {
    assert.equal(t('no.such.key'), 'no.such.key');
  });

  test('an unknown language falls back to the default', () => {
    assert.equal(setLanguage('fr'), 'id');
    assert.equal(setLanguage('__proto__'), 'id');
    assert.equal(t('cases.col.applicant'), 'Pemohon');
  });

  test('placeholders are filled, unknown ones kept', () => {
    assert.equal(t('cases.count', { count: 12 }), '12 permohonan');
    assert.equal(t('app.version', {}), 'Versi {version}');
  });

  test('inherited object properties are not dictionary entries', () => {
    assert.equal(t('toString'), 'toString');
    assert.equal(t('constructor'), 'constructor');
  });

  test('English defines no key Indonesian lacks', () => {
    const id = new Set(keys('id'));
    assert.deepEqual(keys('en').filter((k) => !id.has(k)), []);
  });

  test('every key the page uses exists', async () => {
    const html = await readFile(new URL('../index.html', import.meta.url), 'utf8');
    const used = [...html.matchAll(/data-i18n(?:-\w+)?="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(used.length > 5);
    for (const lang of ['id', 'en']) {
      setLanguage(lang);
      for (const key of used) assert.notEqual(t(key), key, `${lang}: ${key}`);
    }
  });
});

describe('formatDate()', () => {
  test('Indonesian: day, month name, year', () => {
    assert.equal(formatDate('2026-11-28'), '28 November 2026');
    assert.equal(formatDate('2026-08-05'), '5 Agustus 2026');
    assert.equal(formatDate('2027-01-01'), '1 Januari 2027');
    assert.equal(formatDate('2026-12-31'), '31 Desember 2026');
  });

  test('English month names', () => {
    setLanguage('en');
    assert.equal(formatDate('2026-08-05'), '5 August 2026');
  });

  test('the date of a timestamp is read from the text, not shifted by the time zone', () => {
    assert.equal(formatDate('2026-11-28T23:59:00Z'), '28 November 2026');
    assert.equal(formatDate('2026-11-28T00:10:00+07:00'), '28 November 2026');
  });

  test('a leap day, and days that do not exist', () => {
    assert.equal(formatDate('2028-02-29'), '29 Februari 2028');
    assert.equal(formatDate('2026-02-29'), '2026-02-29');
    assert.equal(formatDate('2026-13-01'), '2026-13-01');
  });

  test('empty and malformed values', () => {
    assert.equal(formatDate(''), '');
    assert.equal(formatDate(null), '');
    assert.equal(formatDate(undefined), '');
    assert.equal(formatDate('28/11/2026'), '28/11/2026');
  });
});

describe('status labels', () => {
  test('each status has words in both languages and a colour family', () => {
    for (const lang of ['id', 'en']) {
      setLanguage(lang);
      for (const status of STATUSES) {
        assert.ok(keys(lang).includes(`status.${status}`), `${lang}: ${status}`);
        assert.notEqual(statusLabel(status), status);
      }
    }
    for (const status of STATUSES) assert.match(statusTone(status), /^[a-z]+$/);
  });

  test('examples', () => {
    assert.equal(statusLabel('received'), 'Diterima');
    assert.equal(statusLabel('out_for_delivery'), 'Dalam pengantaran');
    assert.equal(statusTone('rejected'), 'danger');
    assert.equal(statusTone('issued'), 'success');
    setLanguage('en');
    assert.equal(statusLabel('returned'), 'Returned');
  });

  test('an unknown status shows as itself in a neutral badge', () => {
    assert.equal(statusLabel('archived'), 'archived');
    assert.equal(statusTone('archived'), 'neutral');
    assert.equal(statusTone('hasOwnProperty'), 'neutral');
  });
});
