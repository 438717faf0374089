import assert from 'node:assert/strict';
import { test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { setLanguage } = await import('../js/i18n/dictionary.js');
const van = await import('../js/screens/van/model.js');
const { ikmText } = await import('../js/screens/van/dashboards.js');
const { tripTable } = await import('../js/screens/van/trips.js');

test('villages move up and down, not past the ends, and are added once', () => {
  const chosen = ['A', 'B', 'C'];
  assert.deepEqual(van.moveItem(chosen, 2, -1), ['A', 'C', 'B']);
  assert.deepEqual(van.moveItem(chosen, 0, 1), ['B', 'A', 'C']);
  assert.deepEqual(van.moveItem(chosen, 0, -1), chosen);
  assert.deepEqual(van.moveItem(chosen, 2, 1), chosen);
  assert.deepEqual(chosen, ['A', 'B', 'C'], 'the original list is left alone');
  assert.deepEqual(van.addStop(chosen, 'B'), chosen);
  assert.deepEqual(van.addStop(chosen, 'D'), ['A', 'B', 'C', 'D']);
  assert.deepEqual(van.removeStop(chosen, 'B'), ['A', 'C']);
});

test('the pool is grouped under the stops in visiting order', () => {
  const stops = [
    { position: 2, village_code: 'V2', village: 'Dua' },
    { position: 1, village_code: 'V1', village: 'Satu' },
    { position: 3, village_code: 'V3', village: 'Tiga' },
  ];
  const pool = [
    { case_id: 1, village_code: 'V2' },
    { case_id: 2, village_code: 'V1' },
    { case_id: 3, village_code: 'V2' },
    { case_id: 4, village_code: 'V9' },
  ];
  const groups = van.poolByStop(/** @type {any} */ (pool), stops);
  assert.deepEqual(groups.map((g) => g.village_code), ['V1', 'V2', 'V3']);
  assert.deepEqual(groups.map((g) => g.permits.map((p) => p.case_id)), [[2], [1, 3], []]);
});

test('trips split into still to do (soonest first) and closed (latest first)', () => {
  const trips = /** @type {any[]} */ ([
    { id: 1, date: '2026-11-20', status: 'closed' },
    { id: 2, date: '2026-12-02', status: 'planned' },
    { id: 3, date: '2026-11-28', status: 'out' },
    { id: 4, date: '2026-11-25', status: 'closed' },
  ]);
  const { open, closed } = van.splitTrips(trips);
  assert.deepEqual(open.map((x) => x.id), [3, 2]);
  assert.deepEqual(closed.map((x) => x.id), [4, 1]);
  assert.equal(van.tripTone('planned'), 'info');
  assert.equal(van.tripTone('out'), 'transit');
  assert.equal(van.tripTone('closed'), 'done');
  assert.equal(van.tripTone('lost'), 'neutral');
});

test('ages in days, in both languages', () => {
  assert.equal(van.daysBetween('2026-10-28', '2026-11-28'), 31);
  assert.equal(van.daysBetween('2026-11-28', '2026-11-28'), 0);
  assert.equal(van.daysBetween(null, '2026-11-28'), 0);
  assert.equal(van.daysBetween('kemarin', '2026-11-28'), 0);
  setLanguage('id');
  assert.equal(van.daysText(0), 'hari ini');
  assert.equal(van.daysText(1), '1 hari');
  assert.equal(van.daysText(32), '32 hari');
  setLanguage('en');
  assert.equal(van.daysText(1), '1 day');
  assert.equal(van.daysText(5), '5 days');
  setLanguage('id');
});

test('a recorded outcome says who took the permit or why it came back', () => {
  setLanguage('id');
  const base = { outcome: null, fail_reason: null, recipient_name: null, relation: null };
  assert.deepEqual(van.outcomeText(/** @type {any} */ (base)), { text: 'Belum dicatat', tone: 'neutral' });
  assert.equal(van.outcomeText(/** @type {any} */ ({ ...base, outcome: 'holder', recipient_name: 'Siti' })).text,
    'Diserahkan ke pemegang: Siti');
  assert.equal(van.outcomeText(/** @type {any} */ ({ ...base, outcome: 'proxy', recipient_name: 'Budi', relation: 'suami' })).text,
    'Diserahkan ke kuasa: Budi (suami)');
  const failed = van.outcomeText(/** @type {any} */ ({ ...base, outcome: 'not_delivered', fail_reason: 'not_home' }));
  assert.deepEqual(failed, { text: 'Tidak terantar: tidak ada di rumah', tone: 'danger' });
  const stops = [{ permits: [{ outcome: 'holder' }, { outcome: 'proxy' }, { outcome: null }] }, { permits: [{ outcome: 'not_delivered' }] }];
  assert.deepEqual(van.tally(/** @type {any} */ (stops)), { delivered: 2, failed: 1, open: 1 });
});

test('a survey needs all nine items scored 1 to 4', () => {
  assert.deepEqual(van.surveyAnswers([4, 4, 3, 4, 3, 3, 4, 3, 3]), { answers: [4, 4, 3, 4, 3, 3, 4, 3, 3] });
  assert.deepEqual(van.surveyAnswers([4, null, 3, 4, 5, 3, 4, 3]), { missing: [2, 5, 9] });
});

test('the IKM reads with a decimal comma in Indonesian', () => {
  assert.equal(ikmText(87.5, 'id'), '87,50');
  assert.equal(ikmText(87.5, 'en'), '87.50');
});

test('the trips table shows every trip as text with its status in words', () => {
  setLanguage('id');
  const table = tripTable(/** @type {any} */ ([
    { id: 7, date: '2026-11-28', vehicle: '<b>BG 1</b>', crew: ['keliling1'], stops: 3, permits: 5, status: 'out' },
  ]), 'trips-open', () => {});
  assert.match(table.textContent, /28 November 2026/);
  assert.match(table.textContent, /<b>BG 1<\/b>/, 'markup in data stays text');
  assert.match(table.textContent, /Sedang berjalan/);
  assert.equal(tripTable([], 'trips-open', () => {}).textContent, 'Belum ada perjalanan.');
});

test('an invalid field gets a lead in the window\'s language before the core\'s detail', async () => {
  const { fieldError } = await import('../js/screens/van/trip.js');
  setLanguage('id');
  const e = { code: 'invalid', message: "the proxy's NIK is not valid: a NIK has 16 digits", field: 'recipient_nik' };
  assert.equal(fieldError(e).message, "NIK penerima kuasa tidak sah (the proxy's NIK is not valid: a NIK has 16 digits)");
  assert.equal(fieldError(e).field, 'recipient_nik');
  const other = { code: 'forbidden', message: 'no', field: null };
  assert.equal(fieldError(other), other);
});

test('a permit number wraps only after its slashes', async () => {
  const { breakable } = await import('../js/screens/van/trip.js');
  const parts = breakable('503/0001/SIPD');
  assert.deepEqual(parts.map((p) => (typeof p === 'string' ? p : p.tagName)), ['503', 'WBR', '/0001', 'WBR', '/SIPD']);
  assert.deepEqual(breakable('—'), ['—']);
});

test('villages are grouped by district in the order they come', () => {
  const groups = van.villagesByDistrict([
    { code: '1', name: 'A', district: 'Air Kumbang' },
    { code: '2', name: 'B', district: 'Air Kumbang' },
    { code: '3', name: 'C', district: 'Banyuasin I' },
  ]);
  assert.deepEqual(groups.map((g) => [g.district, g.villages.map((v) => v.code)]), [['Air Kumbang', ['1', '2']], ['Banyuasin I', ['3']]]);
  assert.deepEqual(van.villagesByDistrict([]), []);
});

test("a courier's own trips come first, each group keeping its order", () => {
  const trip = (/** @type {number} */ id, /** @type {string[]} */ crew) =>
    ({ id, date: '2026-11-30', vehicle: 'BG 1', status: 'planned', note: null, crew, stops: 1, permits: 0 });
  const trips = [trip(1, ['joko']), trip(2, ['keliling1']), trip(3, []), trip(4, ['joko', 'keliling1'])];
  assert.deepEqual(van.mineFirst(trips, 'keliling1').map((x) => x.id), [2, 4, 1, 3]);
  assert.deepEqual(van.mineFirst(trips, 'nobody').map((x) => x.id), [1, 2, 3, 4]);
});

test('a waiting permit says when it was issued in a whole phrase, in both languages', () => {
  setLanguage('id');
  assert.deepEqual([0, 1, 3].map(van.issuedAgo), ['terbit hari ini', 'terbit kemarin', 'terbit 3 hari lalu']);
  setLanguage('en');
  assert.deepEqual([0, 1, 3].map(van.issuedAgo), ['issued today', 'issued yesterday', 'issued 3 days ago']);
  for (const days of [0, 1, 2, 40]) assert.doesNotMatch(van.issuedAgo(days), /today ago|hari ini lalu|1 days/);
  setLanguage('id');
});
