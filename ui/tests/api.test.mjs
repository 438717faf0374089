import assert from 'node:assert/strict';
import { test } from 'node:test';

import { toCommandError } from '../js/api/ipc.js';

test('a command error object keeps code, message and field', () => {
  assert.deepEqual(toCommandError({ code: 'invalid', message: 'NIK must have 16 digits', field: 'nik' }), {
    code: 'invalid',
    message: 'NIK must have 16 digits',
    field: 'nik',
  });
});

test('anything else becomes an internal error with its text', () => {
  assert.deepEqual(toCommandError('command list_cases not allowed'), {
    code: 'internal',
    message: 'command list_cases not allowed',
    field: null,
  });
  assert.equal(toCommandError({ code: 'db' , message: 'x', field: 3 }).field, null);
});
