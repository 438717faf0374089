import assert from 'node:assert/strict';
import test from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { bagState, tickedPositions } = await import('../js/screens/van/intake.js');
const { setLanguage } = await import('../js/i18n/dictionary.js');

test('the originals sent are the ticked positions, in checklist order', () => {
  const boxes = [
    { position: 3, checked: true },
    { position: 1, checked: true },
    { position: 2, checked: false },
  ];
  assert.deepEqual(tickedPositions(boxes), [1, 3]);
  assert.deepEqual(tickedPositions([]), []);
});

test('a bag is with the crew, received, or received with a discrepancy', () => {
  setLanguage('id');
  assert.deepEqual(bagState({ handed_over_at: null, received_by: null, discrepancy: null }),
    { text: 'Masih dibawa petugas keliling', tone: 'transit' });
  const received = bagState({ handed_over_at: '2026-11-28T03:00:00Z', received_by: 'loket1', discrepancy: null });
  assert.equal(received.tone, 'done');
  assert.match(received.text, /^Diterima 28 November 2026 .* oleh loket1$/);
  const short = bagState({ handed_over_at: '2026-11-28T03:00:00Z', received_by: 'loket1', discrepancy: 'segel robek' });
  assert.equal(short.tone, 'warning');
  assert.match(short.text, /selisih: segel robek$/);
});
