import assert from 'node:assert/strict';
import test from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { pngUrl } = await import('../js/widgets/photo.js');

test('no bytes, no image; bytes become an object URL of a PNG', () => {
  assert.equal(pngUrl(null), null);
  assert.equal(pngUrl(new ArrayBuffer(0)), null);
  assert.equal(pngUrl([]), null);
  const url = pngUrl([0x89, 0x50, 0x4e, 0x47]);
  assert.match(url ?? '', /^blob:/);
  URL.revokeObjectURL(url ?? '');
});
