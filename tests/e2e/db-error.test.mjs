// A damaged database with no backup: the window still opens, names the file and says no good backup
// was found, instead of crashing.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { launchApp, screenshot, tempDir } from './harness.mjs';
import './ui.mjs';

/** @type {ReturnType<typeof tempDir>} */
let tmp;
/** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
let app;
let db = '';

before(async () => {
  tmp = tempDir();
  db = path.join(tmp.dir, 'damaged.sqlite');
  writeFileSync(db, 'This file is not a SQLite database, only some text pretending to be one.\n'.repeat(20));
  app = await launchApp(db);
});

after(async () => {
  await app?.close();
  tmp?.remove();
});

test('a damaged database shows a clear error in the window', async () => {
  const { browser } = /** @type {NonNullable<typeof app>} */ (app);
  const panel = await browser.$('#app-error');
  await panel.waitForExist({ timeout: 30_000 });
  assert.equal(await panel.getAttribute('data-code'), 'db_damaged');
  const text = await panel.getText();
  assert.match(text, /Basis data rusak/);
  assert.ok(text.includes('damaged.sqlite'), text);
  assert.ok(await browser.$('#damaged-no-backup').isExisting(), 'no backup is offered when there is none');
  assert.equal(await browser.$('#cases-table').isExisting(), false);
  await screenshot(browser, 'db-error');

  await browser.$('#language-toggle').click();
  await browser.waitUntil(async () => (await browser.$('#app-error h2').getText()) === 'The database is damaged', {
    timeout: 5_000,
    timeoutMsg: 'the error was not said again in English',
  });
  assert.match(await browser.$('#app-error').getText(), /No good backup/i);
});

/**
 * The sha-256 of a file's bytes.
 * @param {string} file
 * @returns {string}
 */
function digest(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

test('an empty file, another program\'s SQLite file and a picture are refused at start-up and never written', async () => {
  await app?.close();
  app = undefined;
  const files = {
    empty: path.join(tmp.dir, 'empty.sqlite'),
    other: path.join(tmp.dir, 'other-program.sqlite'),
    picture: path.join(tmp.dir, 'picture.sqlite'),
  };
  writeFileSync(files.empty, '');
  execFileSync('sqlite3', [files.other, 'CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'rapat\'); PRAGMA user_version = 3;']);
  copyFileSync(new URL('../core/fixtures/pas-foto.png', import.meta.url), files.picture);
  for (const [what, file] of Object.entries(files)) {
    const before = digest(file);
    const window = await launchApp(file);
    try {
      const panel = await window.browser.$('#app-error');
      await panel.waitForExist({ timeout: 30_000 });
      assert.equal(await panel.getAttribute('data-code'), 'db_damaged', what);
      assert.match(await panel.getText(), /not a Petromaks register|bukan register Petromaks/i, what);
      assert.equal(await window.browser.$('#cases-table').isExisting(), false, what);
      if (what === 'other') {
        await window.browser.pause(1500);
        await screenshot(window.browser, 'db-foreign');
      }
    } finally {
      await window.close();
    }
    assert.equal(digest(file), before, `${what}: the file's bytes changed`);
    for (const side of ['-wal', '-shm', '-journal']) {
      assert.equal(existsSync(file + side), false, `${what}: ${side} appeared beside it`);
    }
  }
});
