import assert from 'node:assert/strict';
import { test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { ADMIN_TABS, addAdminTab, tabFor } = await import('../js/screens/admin/tabs.js');
const { blankType, fromType, lines, moveItem, typeInput, refusal, debounce } = await import('../js/screens/admin/catalogue.js');
const { parseDay, typedDay, weekdayKey } = await import('../js/widgets/day-field.js');
const { movedSummary } = await import('../js/screens/admin/calendar.js');
const { accountMessage } = await import('../js/screens/admin/users.js');
const { auditQuery, chainLine, entryWhat, witnessLine, PAGE } = await import('../js/screens/admin/audit.js');
const { setLanguage } = await import('../js/i18n/dictionary.js');

/** A permit type as the core's `admin_catalogue` sends it. */
const SIPD = {
  id: 1, code: 'SIPD', name: 'Surat Izin Praktik Dokter', title: 'SURAT IZIN PRAKTIK DOKTER', in_use: true, active: true,
  legal_basis: ['UU 17/2023;', 'PP 28/2024.'], conditions: [], tembusan: ['Kepala Dinas Kesehatan'],
  sla_days: 5, validity_months: 60, classification: '503', number_template: '{klasifikasi}/{seq:4}/{kode}/{yyyy}',
  number_reset: 'yearly', fee: 0,
  requirements: [{ position: 1, label: 'Surat permohonan', mandatory: true }, { position: 2, label: 'Fotokopi KTP', mandatory: false }],
  fields: [{ key: 'tempat_praktik', label: 'Tempat Praktik', kind: 'text', required: true },
    { key: 'jenis', label: 'Jenis', kind: 'choice', required: false, choices: ['Umum', 'Gigi'] }],
};

test('the tab list is a plain array others extend; an unknown tab falls back to the first', () => {
  assert.deepEqual(ADMIN_TABS.map((x) => x.id), ['catalogue', 'calendar', 'users', 'audit', 'office']);
  addAdminTab({ id: 'backups', label: 'admin.tab.backups', show: () => {} });
  assert.equal(ADMIN_TABS.at(-1)?.id, 'backups');
  addAdminTab({ id: 'backups', label: 'x', show: () => {} });
  assert.equal(ADMIN_TABS.filter((x) => x.id === 'backups').length, 1, 'the same id replaces');
  ADMIN_TABS.pop();
  assert.equal(tabFor('audit').id, 'audit');
  assert.equal(tabFor('nope').id, 'catalogue');
});

test('requirements move up and down without falling off either end', () => {
  const list = ['a', 'b', 'c'];
  assert.deepEqual(moveItem(list, 2, -1), ['a', 'c', 'b']);
  assert.deepEqual(moveItem(list, 0, 1), ['b', 'a', 'c']);
  assert.deepEqual(moveItem(list, 0, -1), ['a', 'b', 'c']);
  assert.deepEqual(moveItem(list, 2, 1), ['a', 'b', 'c']);
  assert.deepEqual(list, ['a', 'b', 'c'], 'the original is not changed');
});

test('a type read into the editor comes back out as the same input', () => {
  const state = fromType(SIPD);
  assert.equal(state.legal_basis, 'UU 17/2023;\nPP 28/2024.');
  assert.equal(state.fields[1].choices, 'Umum, Gigi');
  const { input, error } = typeInput(state);
  assert.equal(error, null);
  assert.deepEqual(input, {
    code: 'SIPD', name: SIPD.name, title: SIPD.title, classification: '503', number_template: SIPD.number_template,
    number_reset: 'yearly', sla_days: 5, validity_months: 60, fee: 0,
    legal_basis: SIPD.legal_basis, conditions: [], tembusan: SIPD.tembusan,
    requirements: [['Surat permohonan', true], ['Fotokopi KTP', false]],
    fields: [{ key: 'tempat_praktik', label: 'Tempat Praktik', kind: 'text', required: true, choices: [] },
      { key: 'jenis', label: 'Jenis', kind: 'choice', required: false, choices: ['Umum', 'Gigi'] }],
  });
});

test('building the type: blanks dropped, numbers parsed, and the first problem names its field', () => {
  setLanguage('en');
  const state = fromType(SIPD);
  state.requirements.push({ label: '  ', mandatory: true });
  state.validity_months = ' ';
  state.code = 'sipd';
  state.legal_basis = '\n  UU 17/2023;  \n\n';
  const built = typeInput(state);
  assert.equal(built.input.requirements.length, 2);
  assert.equal(built.input.validity_months, null, 'empty validity: no expiry');
  assert.equal(built.input.code, 'SIPD');
  assert.deepEqual(built.input.legal_basis, ['UU 17/2023;']);
  assert.deepEqual(lines(' a \n\n b'), ['a', 'b']);

  const field = (/** @type {(s: any) => void} */ change) => {
    const s = fromType(SIPD);
    change(s);
    return typeInput(s).error?.field;
  };
  assert.equal(field((s) => { s.sla_days = '0'; }), 'sla_days');
  assert.equal(field((s) => { s.sla_days = '2.5'; }), 'sla_days');
  assert.equal(field((s) => { s.validity_months = 'lima'; }), 'validity_months');
  assert.equal(field((s) => { s.name = ' '; }), 'name');
  assert.equal(field((s) => { s.requirements = [{ label: '', mandatory: true }]; }), 'requirements');
  assert.equal(field((s) => { s.fields[1].key = 'tempat_praktik'; }), 'field_key_1');
  assert.equal(field((s) => { s.fields[0].key = 'Tempat Praktik'; }), 'field_key_0');
  assert.equal(field((s) => { s.fields[1].choices = 'Umum'; }), 'field_choices_1');
  assert.equal(field((s) => { s.fields[0].label = ''; }), 'field_label_0');
  assert.equal(typeInput(blankType()).error?.field, 'name', 'a blank type asks for its name first');
  setLanguage('id');
});

test('a refusal shows the translation and the core\'s reason; invalid input only the reason', () => {
  setLanguage('en');
  assert.equal(refusal({ code: 'conflict', message: 'SIPD is used by cases', field: null }),
    'This conflicts with existing data. (SIPD is used by cases)');
  assert.equal(refusal({ code: 'invalid', message: 'the number template needs exactly one {seq:N}', field: 'number_template' }),
    'the number template needs exactly one {seq:N}');
  setLanguage('id');
});

test('the preview waits for typing to pause', async () => {
  const calls = [];
  const later = debounce((/** @type {string} */ x) => calls.push(x), 20);
  later('a');
  later('ab');
  later('abc');
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(calls, ['abc']);
});

test('dates are typed the Indonesian way and read back as ISO', () => {
  assert.equal(parseDay('17-08-2026'), '2026-08-17');
  assert.equal(parseDay(' 1/2/2027 '), '2027-02-01');
  assert.equal(parseDay('17.08.2026'), '2026-08-17');
  assert.equal(parseDay('2026-08-17'), '2026-08-17');
  assert.equal(parseDay('31-02-2026'), null);
  assert.equal(parseDay('08/17/2026'), null, 'no month 17');
  assert.equal(parseDay('besok'), null);
  assert.equal(typedDay('2026-08-17'), '17-08-2026');
  assert.equal(weekdayKey('2026-08-17'), 'weekday.1');
  assert.equal(weekdayKey('2026-11-29'), 'weekday.7');
  assert.equal(movedSummary([]), 'Tidak ada tenggat berkas berjalan yang bergeser.');
  assert.equal(movedSummary([{ registration_number: 'REG-1' }, { registration_number: 'REG-2' }]), 'Tenggat 2 berkas berjalan bergeser:');
});

test('the password policy and last-admin refusals are said in the window\'s language', () => {
  const error = (/** @type {string} */ message) => ({ code: 'invalid', message, field: 'password' });
  assert.equal(accountMessage(error('a password needs at least 10 characters')), 'Terlalu pendek: kata sandi minimal 10 karakter.');
  assert.equal(accountMessage(error('a password must not be the username')), 'Kata sandi tidak boleh sama dengan nama pengguna.');
  assert.match(accountMessage(error('a password needs two kinds of character (letters and digits, or a space or sign)')), /dua jenis/);
  assert.match(accountMessage({ code: 'invalid', message: 'this is the last active admin; add another admin first', field: 'user' }), /admin aktif terakhir/);
  assert.equal(accountMessage(error('something new')), 'Isian kata sandi tidak valid. (Rincian: something new)',
    'an unknown sentence is named by its field, the core\'s words kept as detail');
});

test('the audit filters become a query without empty filters', () => {
  assert.deepEqual(auditQuery({ case_number: ' REG-2026-000012 ', user: '', action: 'signin', from: '2026-11-01', to: '' }),
    { limit: PAGE, case_number: 'REG-2026-000012', action: 'signin', from: '2026-11-01' });
  assert.deepEqual(auditQuery({ case_number: '', user: 'rina', action: ' ', from: '', to: '' }, 300), { limit: 300, user: 'rina' });
});

test('a chain check names the table, the first broken row and why', () => {
  assert.deepEqual(chainLine({ table: 'case_events', rows: 12, first_broken: null }),
    { ok: true, text: 'Peristiwa berkas: 12 baris, semua mata rantai utuh.' });
  assert.deepEqual(chainLine({ table: 'admin_events', rows: 9, first_broken: { id: 4, reason: 'its content was changed after it was written' } }),
    { ok: false, text: 'Perubahan admin: baris 4 mata rantai pertama yang putus: isinya diubah setelah ditulis.' });
  assert.match(chainLine({ table: 'case_events', rows: 2, first_broken: { id: 2, reason: 'odd' } }).text, /baris 2 .*: odd$/);
  assert.equal(entryWhat({ from_status: 'received', to_status: 'verified', reason: null, detail: null }), 'Diterima → Lengkap');
});

test('a witness outside the register agrees, or names the first event that disagrees', () => {
  setLanguage('id');
  const agrees = witnessLine({ source: 'petromaks-20261128-090000.sqlite', taken_at: null, agrees: true, table: null,
    first_disagreeing_event: null, message: '' });
  assert.deepEqual(agrees, { ok: true, text: 'Saksi petromaks-20261128-090000.sqlite (—) cocok dengan rantai.' });
  const differs = witnessLine({ source: 'saksi-audit.txt', taken_at: null, agrees: false, table: 'case_events',
    first_disagreeing_event: 42, message: 'hash differs' });
  assert.equal(differs.ok, false);
  assert.match(differs.text, /Peristiwa berkas berbeda mulai peristiwa 42/);
});
