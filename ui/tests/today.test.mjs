import assert from 'node:assert/strict';
import { test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { todayTiles } = await import('../js/today.js');

const TODAY = '2026-11-28';

test('each role sees what waits for it, then due today, overdue, to print, to deliver', () => {
  assert.deepEqual(todayTiles('verifier', TODAY).map((x) => x.key),
    ['waiting', 'due_today', 'overdue', 'to_print', 'to_deliver']);
  assert.deepEqual(todayTiles('verifier', TODAY)[0].filters, [{ status: 'received' }, { status: 'verified' }]);
  assert.deepEqual(todayTiles('signer', TODAY)[0].filters.map((f) => f.status), ['verified', 'in_review', 'approved']);
  assert.ok(!todayTiles('admin', TODAY).some((x) => x.key === 'waiting'), 'no role work for an admin');
});

test('due today and overdue split the cases due by today', () => {
  const [dueToday, overdue] = todayTiles('clerk', TODAY).filter((x) => x.key === 'due_today' || x.key === 'overdue');
  const cases = [{ due_date: '2026-11-28' }, { due_date: '2026-11-27' }, { due_date: null }];
  assert.deepEqual(cases.filter(dueToday.keep), [cases[0]]);
  assert.deepEqual(cases.filter(overdue.keep), [cases[1]]);
});
