// A damaged database with no backup: the window still opens, names the file and says no good backup
// was found, instead of crashing.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
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
