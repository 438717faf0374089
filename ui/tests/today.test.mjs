// The today strip draws what the core counted: no status table, no cap, no browser clock in the window.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { officeDay, tileButton } = await import('../js/screens/today.js');
const { setLanguage } = await import('../js/i18n/dictionary.js');

/** A strip as `today_strip` answers it for a verifier on 28 November 2026. */
const STRIP = [
  { key: 'waiting', tone: 'info', count: 2, filter: { statuses: ['received', 'verified'] } },
  { key: 'due_today', tone: 'warning', count: 0, filter: { due_on: '2026-11-28' } },
  { key: 'overdue', tone: 'danger', count: 731, filter: { overdue_on: '2026-11-28' } },
  { key: 'to_print', tone: 'success', count: 1, filter: { status: 'approved' } },
  { key: 'to_deliver', tone: 'success', count: 0, filter: { status: 'issued' } },
];

test("a tile shows the core's count, however large, and hands its own filter back", () => {
  setLanguage('id');
  const picked = [];
  const button = tileButton(STRIP[2], (tile) => picked.push(tile));
  assert.equal(button.getAttribute('data-tile'), 'overdue');
  assert.equal(button.className, 'tile tile-danger');
  assert.match(button.textContent, /^731Terlambat$/);
  button.listeners.click[0]();
  assert.deepEqual(picked[0].filter, { overdue_on: '2026-11-28' });
});

test("the office's day is the day the core counted on", () => {
  assert.equal(officeDay(STRIP), '2026-11-28');
  assert.equal(officeDay(STRIP.slice(3)), null);
});

test('the strip knows no status table and reads no clock', () => {
  const source = readFileSync(new URL('../js/screens/today.js', import.meta.url), 'utf8');
  assert.doesNotMatch(source, /new Date|Date\.now|'received'|'verified'|limit/);
});
