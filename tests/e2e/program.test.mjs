// The program in the real window: the About dialog names the version the CLI prints and the register; a
// start on the first release's register says once that it was upgraded and where the copy from before is;
// an administrator is told that the register's file is readable by other accounts and makes it private.

import assert from 'node:assert/strict';
import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';

import { ROOT, cli, launchApp, screenshot, tempDir } from './harness.mjs';
import { signIn } from './ui.mjs';

const ADMIN_PASSWORD = 'rahasia-e2e-123';

/** @param {string} file */
const mode = (file) => (statSync(file).mode & 0o777).toString(8);

describe('the About dialog and the privacy notice', () => {
  const home = tempDir();
  const db = path.join(home.dir, 'kantor.sqlite');
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;

  before(async () => {
    cli(db, 'init', '--admin-user', 'admin', '--admin-password', ADMIN_PASSWORD);
    // As an older Petromaks, or a copy made by hand, would have left it.
    chmodSync(db, 0o644);
    app = await launchApp(db, 'program-privacy');
  });
  after(async () => {
    await app?.close();
    home.remove();
  });

  test('About names the version of `petromaks --version`, the register and the data licences', async () => {
    const browser = /** @type {WebdriverIO.Browser} */ (app?.browser);
    await browser.$('#signin-password').waitForExist({ timeout: 30_000 });
    await browser.$('#about-button').click();
    const dialog = await browser.$('#about-dialog');
    await dialog.waitForDisplayed({ timeout: 10_000 });
    const version = cli(db, '--version').trim().split(' ').pop() ?? '';
    assert.match(await browser.$('#about-version').getText(), new RegExp(version.replaceAll('.', '\\.')));
    assert.match(await browser.$('#about-register').getText(), new RegExp(path.basename(db)));
    const text = await dialog.getText();
    assert.match(text, /idn-area-data/);
    assert.match(text, /ODbL-1\.0/);
    assert.match(text, /DejaVu/);
    await screenshot(browser, 'program-about');
    await browser.$('#about-close').click();
    await browser.waitUntil(async () => !(await browser.$('#about-dialog').isExisting()), { timeout: 5_000 });
  });

  test('the admin is told the register is readable by others, and one click makes it private', async () => {
    const browser = /** @type {WebdriverIO.Browser} */ (app?.browser);
    assert.equal(mode(db), '644');
    await signIn(browser, 'admin', ADMIN_PASSWORD);
    const notice = await browser.$('#privacy-notice');
    await notice.waitForDisplayed({ timeout: 15_000 });
    assert.match(await notice.getText(), new RegExp(path.basename(db)));
    assert.match(await notice.getText(), /0644/);
    await screenshot(browser, 'program-privacy-notice');
    await browser.$('#privacy-fix').click();
    await browser.$('#privacy-done').waitForDisplayed({ timeout: 10_000 });
    assert.equal(mode(db), '600');
  });
});

describe("a start on the first release's register", () => {
  const home = tempDir();
  const db = path.join(home.dir, 'rilis-pertama.sqlite');
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;

  before(async () => {
    const gz = readFileSync(path.join(ROOT, 'tests/fixtures/register-v8-first-release.sqlite.gz'));
    writeFileSync(db, gunzipSync(gz));
    app = await launchApp(db, 'program-upgrade');
  });
  after(async () => {
    await app?.close();
    home.remove();
  });

  test('says once that the register was upgraded after a checked copy, and where the copy is', async () => {
    const browser = /** @type {WebdriverIO.Browser} */ (app?.browser);
    const notice = await browser.$('#upgrade-notice');
    await notice.waitForDisplayed({ timeout: 30_000 });
    const copies = readdirSync(path.join(home.dir, 'backups')).filter((n) => n.endsWith('-before-upgrade.sqlite'));
    assert.equal(copies.length, 1);
    const text = await notice.getText();
    assert.match(text, /skema 8 ke skema \d+/);
    assert.ok(text.includes(copies[0]), text);
    await screenshot(browser, 'program-upgraded');
    // Once: a reload of the page does not say it again.
    await browser.refresh();
    await browser.$('#signin-password').waitForExist({ timeout: 30_000 });
    assert.equal(await browser.$('#upgrade-notice').isExisting(), false);
  });
});
