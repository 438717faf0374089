import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { errorMessage, formatDateTime, moveLabel, roleLabel, slaText } = await import('../js/i18n/format.js');
const { inputIdFor } = await import('../js/widgets/forms.js');
const { findPermitType, nikSummary } = await import('../js/screens/register.js');
const { canHandOver, caseSections } = await import('../js/screens/case.js');
const { DEFAULT_LANGUAGE, setLanguage } = await import('../js/i18n/dictionary.js');

const HOSTILE = '<img src=x onerror=alert(1)>';
const SQL = '"; DROP TABLE cases; --';

afterEach(() => setLanguage(DEFAULT_LANGUAGE));

describe('slaText()', () => {
  test('each state says where the case stands, in words, with a tone', () => {
    assert.deepEqual(slaText({ state: 'not_started' }), { text: 'Waktu layanan belum berjalan', tone: 'neutral' });
    assert.deepEqual(slaText({ state: 'running', due: '2026-12-02', days_left: 3 }),
      { text: 'Sisa 3 hari kerja (batas 2 Desember 2026)', tone: 'ok' });
    assert.equal(slaText({ state: 'running', due: '2026-11-28', days_left: 0 }).text, 'Batas waktu hari ini');
    assert.deepEqual(slaText({ state: 'overdue', due: '2026-11-20', days_overdue: 4 }),
      { text: 'Terlambat 4 hari kerja (batas 20 November 2026)', tone: 'late' });
    assert.equal(slaText({ state: 'paused', used_days: 2, sla_days: 5 }).text, 'Dijeda: 2 dari 5 hari kerja terpakai');
    assert.equal(slaText({ state: 'stopped' }).tone, 'neutral');
  });

  test('English', () => {
    setLanguage('en');
    assert.equal(slaText({ state: 'overdue', due: '2026-11-20', days_overdue: 1 }).text,
      'Overdue by 1 working days (due 20 November 2026)');
  });
});

describe('labels and messages', () => {
  test('roles and steps have names; unknown ones show as themselves', () => {
    assert.equal(roleLabel('signer'), 'Kepala kantor');
    assert.equal(roleLabel('janitor'), 'janitor');
    assert.equal(moveLabel('verified'), 'Nyatakan lengkap');
    setLanguage('en');
    assert.equal(moveLabel('picked_up'), 'Mark picked up');
  });

  test('invalid input is named in Indonesian with the core explanation as detail; other codes their translation', () => {
    assert.equal(errorMessage({ code: 'invalid', message: 'a NIP has 18 digits; this one has 3', field: 'nip' }),
      'Isian NIP tidak valid. (Rincian: a NIP has 18 digits; this one has 3)');
    assert.equal(errorMessage({ code: 'invalid', message: 'NIK must have 16 digits', field: 'nik' }),
      'Isian NIK tidak valid. (Rincian: NIK must have 16 digits)');
    assert.equal(errorMessage({ code: 'invalid', message: 'odd', field: 'no_such_field' }),
      'Data yang dimasukkan tidak valid. (Rincian: odd)');
    assert.equal(errorMessage({ code: 'not_found', message: 'case not found: 9' }),
      'Data tidak ditemukan. (Rincian: case not found: 9)');
    setLanguage('en');
    assert.equal(errorMessage({ code: 'invalid', message: 'NIK must have 16 digits', field: 'nik' }), 'NIK must have 16 digits');
    assert.equal(errorMessage({ code: 'transition', message: 'case 3 is closed' }),
      'This step is not possible in the current status. (case 3 is closed)');
    setLanguage('id');
    assert.equal(errorMessage({ code: 'auth', message: 'x' }), 'Nama pengguna atau kata sandi salah.');
    assert.equal(errorMessage({ code: 'weird', message: 'x' }), 'Kesalahan internal aplikasi.');
  });

  test('a timestamp is shown as an Indonesian date with the time', () => {
    assert.match(formatDateTime('2026-11-28T07:05:00Z'), /^\d{1,2} November 2026 \d{2}\.\d{2}$/);
    assert.equal(formatDateTime('not a time'), 'not a time');
    assert.equal(formatDateTime(null), '');
  });

  test('an error field maps to the form input id', () => {
    assert.equal(inputIdFor('setup-', 'head_nip'), 'setup-head_nip');
    assert.equal(inputIdFor('register-', 'applicant.nik'), 'register-applicant_nik');
    assert.equal(inputIdFor('register-', null), null);
  });
});

describe('register helpers', () => {
  const types = [{ code: 'SKP', name: 'Surat Keterangan Penelitian' }, { code: 'SIPD', name: 'Izin Praktik Dokter' }];

  test('a permit type is found by code, by the offered label or by name', () => {
    assert.equal(findPermitType(types, 'skp')?.code, 'SKP');
    assert.equal(findPermitType(types, 'SIPD — Izin Praktik Dokter')?.code, 'SIPD');
    assert.equal(findPermitType(types, 'izin praktik dokter')?.code, 'SIPD');
    assert.equal(findPermitType(types, 'SK'), undefined);
    assert.equal(findPermitType(types, ''), undefined);
  });

  test('the NIK line names birth date, sex and area', () => {
    const info = { birth_date: '1985-03-12', sex: 'L', district: 'Banyuasin I', regency: 'Kabupaten Banyuasin', province: 'Sumatera Selatan' };
    assert.equal(nikSummary(info), 'Lahir 12 Maret 1985 · Laki-laki · Banyuasin I, Kabupaten Banyuasin, Sumatera Selatan');
  });
});

describe('caseSections()', () => {
  test('hostile applicant data stays text', () => {
    const detail = {
      case: { registration_number: 'REG-2026-000001', status: 'received', permit_type_code: 'SKP', permit_type_name: 'SKP',
        permit_number: null, registered_at: '2026-11-28T01:00:00Z', details: { judul: HOSTILE } },
      applicant: { name: HOSTILE, nik: '1607011203850001', birth_place: SQL, birth_date: '1985-03-12', address: SQL, village: null, phone: null },
      documents: [{ position: 1, label: HOSTILE, mandatory: true, received: false }],
      events: [{ at: '2026-11-28T01:00:00Z', actor: 'loket1', actor_name: HOSTILE, actor_role: 'clerk', action: 'register',
        from_status: null, to_status: 'received', reason: SQL, detail: null }],
      sla: { state: 'not_started' },
      moves: [],
      fields: [{ key: 'judul', label: 'Judul Penelitian', value: SQL }],
    };
    const nodes = caseSections(detail);
    const all = nodes.flatMap((n) => [n, ...n.descendants()]);
    assert.equal(all.filter((e) => e.tagName === 'IMG').length, 0);
    const text = nodes.map((n) => n.textContent).join('');
    assert.ok(text.includes(HOSTILE) && text.includes(SQL));
    assert.ok(text.includes('Judul Penelitian'), 'fields show their catalogue label, not their key');
  });
});

describe('the counter handover', () => {
  test('is offered when the core lists it among the dedicated steps, never as a generic step', () => {
    assert.equal(canHandOver({ steps: ['counter_handover'] }), true);
    assert.equal(canHandOver({ steps: [] }), false);
    assert.equal(canHandOver({}), false);
  });
});
