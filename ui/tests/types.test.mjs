// The window's modules are type-checked by `tsc --checkJs` (its own phase of `make test`); this test keeps
// their exported signatures free of `any`: the declarations tsc derives for every module must not name it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** @param {string} dir @returns {string[]} */
function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test('no exported signature of ui/js is typed `any`', { skip: !existsSync(TSC) && 'typescript is not installed (npm ci)' }, () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'petromaks-dts-'));
  try {
    execFileSync(process.execPath, [TSC, '-p', path.join(ROOT, 'tsconfig.json'), '--noEmit', 'false',
      '--declaration', '--emitDeclarationOnly', '--outDir', out], { stdio: 'pipe' });
    const declarations = files(out).filter((f) => f.endsWith('.d.ts'));
    assert.ok(declarations.length > 40, `${declarations.length} declaration files`);
    const found = declarations.flatMap((file) => readFileSync(file, 'utf8').split('\n')
      // Comments and strings are prose ("any of these statuses"); only the declarations themselves count.
      .filter((line) => !/^\s*(\/\*\*|\*)/.test(line)
        && /\bany\b/.test(line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')))
      .map((line) => `${path.relative(out, file)}: ${line.trim()}`));
    assert.deepEqual(found, []);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
