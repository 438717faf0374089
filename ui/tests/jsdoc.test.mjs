// Every module of ui/js says why it exists (`@module`) and every export carries its JSDoc: the types tsc
// checks and the sentence a reader needs come from there.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const JS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../js');

/** @param {string} dir @returns {string[]} */
function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.js') ? [full] : [];
  });
}

const MODULES = files(JS);

test('every module is type-checked and names itself', () => {
  assert.ok(MODULES.length > 50, `${MODULES.length} modules`);
  for (const file of MODULES) {
    const text = readFileSync(file, 'utf8');
    const name = path.relative(JS, file);
    assert.ok(text.startsWith('// @ts-check\n'), `${name} starts with // @ts-check`);
    assert.match(text, /@module \S+/, `${name} has a @module line`);
  }
});

test('every exported function and constant has a JSDoc comment right above it', () => {
  const missing = [];
  for (const file of MODULES) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/^export (async function|function|const|let) /.test(line)) return;
      const above = lines[i - 1] ?? '';
      if (!/\*\/\s*$/.test(above)) missing.push(`${path.relative(JS, file)}:${i + 1}: ${line.slice(0, 60)}`);
    });
  }
  assert.deepEqual(missing, []);
});

test('no module is longer than about 500 lines', () => {
  for (const file of MODULES) {
    const count = readFileSync(file, 'utf8').split('\n').length;
    assert.ok(count <= 520, `${path.relative(JS, file)} has ${count} lines`);
  }
});
