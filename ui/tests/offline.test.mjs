// The office server's connection form, the banners, the sync screen's result and the review list's
// summaries, without a window: what they say in both languages, and what the form sends.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { setLanguage, t } = await import('../js/i18n/dictionary.js');
const { DEFAULT_SERVER, SSL_MODES, settingsOf, verdictText } = await import('../js/screens/connection.js');
const { checkinText } = await import('../js/screens/sync.js');
const { prettyPayload, vanSummary } = await import('../js/screens/review.js');
const { isUnreachable } = await import('../js/widgets/banner.js');

const VERDICTS = ['ready', 'older', 'empty', 'not_register', 'newer', 'wrong_password', 'no_database', 'unreachable',
  'bad_address', 'missing'];

test('every verdict of the connection test is said in both languages, with the schema version', () => {
  for (const lang of /** @type {const} */ (['id', 'en'])) {
    setLanguage(lang);
    for (const verdict of VERDICTS) {
      const said = verdictText({ verdict, address: 'postgres://loket@h/db', schema_version: 7, latest: 10, detail: '' });
      assert.ok(said && !said.startsWith('conn.'), `${lang} ${verdict}: ${said}`);
    }
    const newer = verdictText({ verdict: 'newer', address: '', schema_version: 12, latest: 10, detail: '' });
    assert.match(newer, /12/);
  }
  setLanguage('id');
  assert.match(verdictText({ verdict: 'wrong_password', address: '', schema_version: null, latest: 10, detail: '' }), /kata sandi/);
  for (const m of SSL_MODES) assert.notEqual(t(`conn.ssl.${m}`), `conn.ssl.${m}`);
});

test('the form sends trimmed settings and refuses a port that is no port beside the field', () => {
  const typed = { host: ' 192.168.1.10 ', port: '5432', database: 'petromaks ', user: ' loket', sslmode: 'verify-full', ca: '/etc/ca.pem' };
  assert.deepEqual(settingsOf(typed), {
    host: '192.168.1.10', port: 5432, database: 'petromaks', user: 'loket', sslmode: 'verify-full', sslrootcert: '/etc/ca.pem',
  });
  for (const port of ['', '0', '65536', '54x', '5.5']) {
    const refused = settingsOf({ ...typed, port });
    assert.ok('code' in refused && refused.field === 'port', `${port}: ${JSON.stringify(refused)}`);
  }
  const odd = settingsOf({ ...typed, sslmode: 'whatever' });
  assert.ok(!('code' in odd) && odd.sslmode === 'prefer');
  assert.equal(DEFAULT_SERVER.port, 5432);
});

test('only an unreachable register puts the banner up', () => {
  assert.equal(isUnreachable({ code: 'db_unavailable' }), true);
  for (const code of ['invalid', 'auth', 'db_damaged', 'busy']) assert.equal(isUnreachable({ code }), false);
  assert.equal(isUnreachable(null), false);
});

test('a check-in says what was applied, what was applied before and what waits for review', () => {
  setLanguage('id');
  const r = { checkout_id: 'x', van: 'VAN1', actions: 5, applied: 3, already_applied: 1, conflicts: 1, finished: true };
  assert.equal(checkinText(r), '5 tindakan: 3 diterapkan, 1 sudah diterapkan sebelumnya, 1 konflik untuk ditinjau.');
  setLanguage('en');
  assert.match(checkinText(r), /^5 actions: 3 applied, 1 applied before, 1 conflicts/);
  setLanguage('id');
});

test('the review list says what the van did from its data, and never breaks on bad data', () => {
  const base = { id: 1, checkout_id: 'c', seq: 2, kind: 'not_on_trip', reason: 'r', van_actor: 'keliling1', van_at: '2026-11-30T02:00:00Z',
    case_id: 4, status: 'open', resolution: null, case_number: 'A', permit_number: 'B', holder: 'H', decisions: ['apply', 'dismiss'] };
  const delivered = { ...base, action: 'outcome', payload: JSON.stringify({ trip: 7, case: 4, outcome: { outcome: 'delivered', recipient: { kind: 'holder', nik: '1607014508900001' } } }) };
  assert.match(vanSummary(delivered) ?? '', /pemegang.*1607014508900001/);
  const proxy = { ...delivered, payload: JSON.stringify({ outcome: { outcome: 'delivered', recipient: { kind: 'proxy', name: 'Budi', nik: '1607011203850007' } } }) };
  assert.match(vanSummary(proxy) ?? '', /Budi/);
  const registration = { ...base, action: 'register', kind: 'refused', payload: JSON.stringify({ van_number: 'VAN1/2026/000001', input: { permit_type: 'SKP', applicant: { name: 'Siti', nik: '1607014508900001' } } }) };
  assert.equal(vanSummary(registration), 'Siti · NIK 1607014508900001 · SKP · tanda terima VAN1/2026/000001');
  assert.equal(vanSummary({ ...base, action: 'outcome', payload: 'not json' }), null);
  assert.equal(vanSummary({ ...base, action: 'survey', payload: '{}' }), null);
  assert.equal(prettyPayload('{"a":1}'), '{\n  "a": 1\n}');
  assert.equal(prettyPayload('broken'), 'broken');
  for (const kind of ['clock', 'refused', 'depends', 'not_on_trip', 'applicant_differs', 'possible_duplicate']) {
    assert.notEqual(t(`review.kind.${kind}`), `review.kind.${kind}`);
    assert.notEqual(t(`review.kind.${kind}.hint`), `review.kind.${kind}.hint`);
  }
});
