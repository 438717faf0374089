// Data safety in the real window: a damaged register (garbage, truncated) is named, left untouched and
// restored from the latest good backup on one click; the Backups tab takes and restores a backup; the
// Import/Export tab checks a CSV line by line, imports a clean one all or nothing, and exports files.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { cli, launchApp, screenshot, tempDir } from './harness.mjs';
import { signIn } from './ui.mjs';

const ADMIN_PASSWORD = 'rahasia-e2e-123';
const DEMO_PASSWORD = 'petromaks-demo';

/**
 * A set-up office with demo cases in `dir`, and one good backup in `dir/backups`.
 * @param {string} dir
 * @returns {{ db: string, backups: string, numbers: string[] }}
 */
function officeWithBackup(dir) {
  const db = path.join(dir, 'kantor.sqlite');
  cli(db, 'init', '--office-name', 'DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU',
    '--admin-user', 'admin', '--admin-password', ADMIN_PASSWORD);
  cli(db, '--as', 'admin', 'demo', '--cases', '6');
  const backups = path.join(dir, 'backups');
  cli(db, 'backup', '--dir', backups);
  const numbers = JSON.parse(cli(db, '--json', 'case', 'list')).map((/** @type {any} */ c) => c.registration_number);
  return { db, backups, numbers };
}

/** @param {string} dir */
function backupNames(dir) {
  return readdirSync(dir).filter((n) => /^petromaks-\d{8}-\d{6}\.sqlite$/.test(n)).sort();
}

/**
 * Waits for the damaged-register screen and checks what it says.
 * @param {WebdriverIO.Browser} browser
 * @param {string} db
 */
async function expectDamaged(browser, db) {
  const panel = await browser.$('#app-error[data-code="db_damaged"]');
  await panel.waitForExist({ timeout: 30_000 });
  const text = await panel.getText();
  assert.match(text, /Basis data rusak/);
  assert.match(text, /tidak diubah/);
  assert.equal(await browser.$('#damaged-file').getText(), db);
  assert.ok(await browser.$('#restore-latest').isExisting(), 'the latest good backup is offered');
  assert.equal(await browser.$('#cases-table').isExisting(), false);
}

describe('a register overwritten with garbage', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  let office = { db: '', backups: '', numbers: /** @type {string[]} */ ([]) };
  /** @type {Buffer} */
  let garbage;

  before(async () => {
    tmp = tempDir();
    office = officeWithBackup(tmp.dir);
    garbage = Buffer.from('Bukan basis data: ini hanya teks yang menimpa berkasnya. '.repeat(400));
    writeFileSync(office.db, garbage);
    app = await launchApp(office.db, 'safety-garbage');
  });

  after(async () => {
    await app?.close();
    tmp?.remove();
  });

  test('the window names the file, leaves it as it is and restores the latest good backup', async () => {
    const { browser } = /** @type {NonNullable<typeof app>} */ (app);
    await expectDamaged(browser, office.db);
    assert.match(await browser.$('#damaged-offer').getText(), /petromaks-\d{8}-\d{6}\.sqlite/);
    await screenshot(browser, 'safety-damaged');
    assert.deepEqual(readFileSync(office.db), garbage, 'the start-up check wrote nothing');

    await browser.$('#language-toggle').click();
    await browser.waitUntil(async () => (await browser.$('#app-error h2').getText()) === 'The database is damaged', {
      timeout: 5_000,
      timeoutMsg: 'the damage was not said again in English',
    });
    await screenshot(browser, 'safety-damaged-english');
    await browser.$('#language-toggle').click();
    await browser.$('#restore-latest').waitForExist({ timeout: 5_000 });

    await browser.$('#restore-latest').click();
    await signIn(browser, 'admin', ADMIN_PASSWORD);
    const known = office.numbers[0];
    await browser.$(`#cases-table tbody tr[data-registration="${known}"]`).waitForExist({ timeout: 10_000 });
    const aside = readdirSync(tmp.dir).filter((n) => n.startsWith('kantor.sqlite.replaced-'));
    assert.equal(aside.length, 1, `the damaged file is kept aside: ${readdirSync(tmp.dir)}`);
    assert.deepEqual(readFileSync(path.join(tmp.dir, aside[0])), garbage, 'kept byte for byte');
    await screenshot(browser, 'safety-restored');
  });
});

describe('a truncated register', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  let office = { db: '', backups: '', numbers: /** @type {string[]} */ ([]) };
  /** @type {Buffer} */
  let truncated;

  before(async () => {
    tmp = tempDir();
    office = officeWithBackup(tmp.dir);
    const whole = readFileSync(office.db);
    truncated = whole.subarray(0, Math.floor(whole.length / 3));
    writeFileSync(office.db, truncated);
    app = await launchApp(office.db, 'safety-truncated');
  });

  after(async () => {
    await app?.close();
    tmp?.remove();
  });

  test('is refused untouched with the offer of the backup, which then opens', async () => {
    const { browser } = /** @type {NonNullable<typeof app>} */ (app);
    await expectDamaged(browser, office.db);
    assert.deepEqual(readFileSync(office.db), truncated, 'the start-up check wrote nothing');
    await browser.$('#restore-latest').click();
    await signIn(browser, 'loket1', DEMO_PASSWORD);
    await browser.$(`#cases-table tbody tr[data-registration="${office.numbers[1]}"]`).waitForExist({ timeout: 10_000 });
  });
});
