// The dictionary is split by area (`i18n/<lang>/<area>.js`) and merged in `i18n/<lang>/index.js`: a key
// defined in two parts would silently lose one translation, and a key missing in one language would show
// the other's text.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const I18N = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../js/i18n');

/** Every key each source file of a language defines, by file. @param {'id' | 'en'} lang */
function keysByFile(lang) {
  return readdirSync(path.join(I18N, lang))
    .filter((f) => f.endsWith('.js'))
    .map((f) => [f, [...readFileSync(path.join(I18N, lang, f), 'utf8').matchAll(/^ {2}'([^']+)':/gm)].map((m) => m[1])]);
}

for (const lang of /** @type {const} */ (['id', 'en'])) {
  test(`no key is defined twice in the ${lang} dictionary`, () => {
    const seen = new Map();
    for (const [file, keys] of keysByFile(lang)) {
      for (const key of keys) {
        assert.ok(!seen.has(key), `${key} is in ${seen.get(key)} and ${file}`);
        seen.set(key, file);
      }
    }
    assert.ok(seen.size > 500, `${seen.size} keys`);
  });
}

test('English has every key but the language-neutral ones, which fall back to Indonesian', async () => {
  const ID = (await import('../js/i18n/id/index.js')).default;
  const EN = (await import('../js/i18n/en/index.js')).default;
  assert.deepEqual(Object.keys(EN).filter((k) => !(k in ID)), [], 'no English-only key');
  const neutral = Object.keys(ID).filter((k) => !(k in EN));
  for (const key of neutral) assert.doesNotMatch(ID[key], /\s/, `${key} needs an English text: "${ID[key]}"`);
});
