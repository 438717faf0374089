// A database file that does not exist yet: the app creates it and says how to set up the office.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { cli, launchApp, screenshot, tempDir } from './harness.mjs';

/** @type {ReturnType<typeof tempDir>} */
let tmp;
/** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
let app;
let db = '';

before(async () => {
  tmp = tempDir();
  db = path.join(tmp.dir, 'new-office', 'petromaks.sqlite');
  app = await launchApp(db);
});

after(async () => {
  await app?.close();
  tmp?.remove();
});

test('a new database is created, empty, with a hint to set up the office', async () => {
  const { browser } = /** @type {NonNullable<typeof app>} */ (app);
  await browser.$('body[data-cases-loaded="true"]').waitForExist({ timeout: 30_000 });
  assert.ok(existsSync(db), 'the app created the database file');
  assert.equal(await browser.$('#cases-empty').getText(), 'Belum ada permohonan.');
  const note = await browser.$('#setup-note').getText();
  assert.ok(note.includes(`petromaks --db "${db}" init`), note);
  await screenshot(browser, 'fresh-db');
  // The CLI can work on the file the app created: both use the same core and schema.
  assert.deepEqual(JSON.parse(cli(db, '--json', 'case', 'list')), []);
});
