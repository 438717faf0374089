// The register form's pure parts: the name's limit shown before saving, one submission id per opened
// form, and what the form says when the receipt could not be written or the typed data differs.

import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { NAME_MAX, fieldLabel, nameNote, newSubmissionId, receiptProblem } = await import('../js/screens/register.js');
const { DEFAULT_LANGUAGE, setLanguage } = await import('../js/i18n/dictionary.js');

afterEach(() => setLanguage(DEFAULT_LANGUAGE));

test('the name field shows its limit before saving, and says when a name is over it', () => {
  assert.equal(NAME_MAX, 150);
  assert.deepEqual(nameNote(''), { text: 'Sesuai KTP, paling banyak 150 huruf.', warning: false });
  assert.equal(nameNote('A'.repeat(150)).warning, false);
  assert.deepEqual(nameNote('A'.repeat(151)), { text: '151 huruf: paling banyak 150.', warning: true });
  setLanguage('en');
  assert.equal(nameNote('').text, 'As on the ID card, at most 150 letters.');
});

test('each opened form gets its own submission id, in the form the core accepts', () => {
  const a = newSubmissionId();
  const b = newSubmissionId();
  assert.match(a, /^[A-Za-z0-9_-]{8,64}$/);
  assert.notEqual(a, b);
});

test('a receipt that could not be written is said in words; a saved one is no problem', () => {
  const base = { id: 7, registration_number: 'REG-2026-000007', created: true, differences: [] };
  assert.equal(receiptProblem({ ...base, receipt_path: '/tmp/tanda-terima.pdf' }), null);
  assert.equal(receiptProblem({ ...base, receipt_error: 'disk full' }), 'disk full');
  const said = receiptProblem({ ...base, receipt_error: { code: 'io', message: 'No space left on device', field: null } });
  assert.match(said ?? '', /No space left on device/);
});

test('the fields a difference names are labelled as the form labels them', () => {
  assert.equal(fieldLabel('name'), 'Nama lengkap');
  assert.equal(fieldLabel('village_code'), 'Desa/kelurahan (boleh kosong)');
  assert.equal(fieldLabel('npwp'), 'npwp');
});
