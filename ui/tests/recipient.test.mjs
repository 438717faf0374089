import assert from 'node:assert/strict';
import test from 'node:test';

import { RECIPIENT_FIELDS, recipientFrom } from '../js/widgets/recipient-form.js';

test('a holder is sent with the NIK only, spaces removed', () => {
  const values = { nik: '1607 0145 0890 0001', recipient_name: 'ignored' };
  assert.deepEqual(recipientFrom('holder', (n) => values[n] ?? ''), { kind: 'holder', nik: '1607014508900001' });
});

test('a proxy carries name, NIK, relation and the letter of authority', () => {
  const values = {
    recipient_name: 'Budi Santoso',
    recipient_nik: '1607011203850007',
    relation: 'suami',
    authority_letter: 'SK/07/XI/2026',
  };
  assert.deepEqual(recipientFrom('proxy', (n) => values[n] ?? ''), {
    kind: 'proxy',
    name: 'Budi Santoso',
    nik: '1607011203850007',
    relation: 'suami',
    authority_letter: 'SK/07/XI/2026',
  });
});

test('every input is named as the core names the field of its error', () => {
  assert.deepEqual(RECIPIENT_FIELDS.holder, ['nik']);
  assert.deepEqual(RECIPIENT_FIELDS.proxy, ['recipient_name', 'recipient_nik', 'relation', 'authority_letter']);
});
