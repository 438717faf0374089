// Every command the Rust side has is listed in the app manifest (build.rs), granted to the main window,
// registered with the handler, and called from the api modules — and nothing else is. A command added in
// one place only fails here instead of as "not allowed" in the window.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (/** @type {string} */ file) => readFileSync(path.join(ROOT, file), 'utf8');

const manifest = [...read('src-tauri/build.rs').matchAll(/^\s+"([a-z_]+)",$/gm)].map((m) => m[1]).sort();
const granted = JSON.parse(read('src-tauri/capabilities/main.json')).permissions
  .map((/** @type {string} */ p) => p.replace(/^allow-/, '').replaceAll('-', '_')).sort();
const main = read('src-tauri/src/main.rs');
const handler = main.slice(main.indexOf('generate_handler!'));
const registered = [...handler.matchAll(/^\s+\w+::(\w+),?$/gm)].map((m) => m[1]).sort();
const called = [...new Set(readdirSync(path.join(ROOT, 'ui/js/api'))
  .filter((f) => f.endsWith('.js'))
  .flatMap((f) => [...read(`ui/js/api/${f}`).matchAll(/call\('([a-z_]+)'/g)].map((m) => m[1])))].sort();

test('the app manifest lists commands', () => {
  assert.ok(manifest.length > 50, `${manifest.length} commands`);
});

test('every command is granted to the main window, and only those', () => {
  assert.deepEqual(granted, manifest);
});

test('every command is registered with the handler, and only those', () => {
  assert.deepEqual(registered, manifest);
});

test('every command is called from the api/ modules, and no other name', () => {
  assert.deepEqual(called, manifest);
});

test('only api/ipc.js touches the Tauri bridge, and only api/ modules call it', () => {
  /** @param {string} dir @returns {string[]} */
  const walk = (dir) => readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.js') ? [`${dir}/${e.name}`] : []));
  const files = walk('ui/js');
  assert.deepEqual(files.filter((f) => read(f).includes('__TAURI__')), ['ui/js/api/ipc.js']);
  assert.deepEqual(files.filter((f) => /from '\.\/ipc\.js'|from '\.\.\/api\/ipc\.js'|\bcall\('/.test(read(f)) && !f.startsWith('ui/js/api/')), []);
});
