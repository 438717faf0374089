// The navigation shows exactly the screens the core lists for the signed-in role, in the core's order.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { installFakeDocument } from './fake-dom.mjs';

installFakeDocument();
const { SCREENS, navigation } = await import('../js/router.js');

test('every screen the core can list has its place in the window', () => {
  const core = readFileSync(new URL('../../src/people/access.rs', import.meta.url), 'utf8');
  const screens = core.slice(core.indexOf('pub enum Screen'), core.indexOf('pub enum Work'));
  const names = [...screens.matchAll(/^\s+\w+ = "([a-z_]+)",$/gm)].map((m) => m[1]);
  assert.ok(names.length >= 8, names.join(', '));
  assert.deepEqual(Object.keys(SCREENS).sort(), [...names].sort());
});

test('the navigation keeps the core\'s list and order, leaving out a name it does not know', () => {
  assert.deepEqual(navigation(['cases', 'register', 'trips', 'verify', 'batch']), ['cases', 'register', 'trips', 'verify', 'batch']);
  assert.deepEqual(navigation(['cases', 'statistics', 'admin']), ['cases', 'admin']);
  assert.deepEqual(navigation(['admin', 'cases']), ['admin', 'cases']);
});

test('no role table in the window: who sees what comes from the session', () => {
  const source = readFileSync(new URL('../js/router.js', import.meta.url), 'utf8');
  assert.doesNotMatch(source, /'clerk'|'verifier'|'signer'|'admin', '|roles:/);
});

test('every kind of work the window asks about is one the core offers', async () => {
  const core = readFileSync(new URL('../../src/people/access.rs', import.meta.url), 'utf8');
  const work = core.slice(core.indexOf('pub enum Work'), core.indexOf('pub enum Place'));
  const known = new Set([...work.matchAll(/^\s+\w+ = "([a-z_]+)",$/gm)].map((m) => m[1]));
  assert.ok(known.size >= 8, [...known].join(', '));
  const { readdirSync } = await import('node:fs');
  /** @param {URL} dir @returns {string[]} */
  const walk = (dir) => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(new URL(`${e.name}/`, dir)) : e.name.endsWith('.js') ? [readFileSync(new URL(e.name, dir), 'utf8')] : []));
  const asked = new Set(walk(new URL('../js/', import.meta.url)).flatMap((src) => [...src.matchAll(/\bcan\('([a-z_]+)'\)/g)].map((m) => m[1])));
  assert.ok(asked.size >= 6, [...asked].join(', '));
  for (const w of asked) assert.ok(known.has(w), `${w} is no kind of work of the core`);
});
