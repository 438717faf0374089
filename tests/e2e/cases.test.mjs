// The main window on a database filled by the CLI: the case list, hostile text, search, language.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { cli, launchApp, registeredNumber, screenshot, tempDir } from './harness.mjs';
import { scanCase, signIn } from './ui.mjs';

const HOSTILE = '<img src=x onerror=alert(1)>';
const DEMO_CASES = 12;

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(file) {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('case list window', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  /** @type {WebdriverIO.Browser} */
  let browser;
  /** @type {{ registration_number: string, applicant_name: string }[]} */
  let listed;
  let hostileNumber = '';

  before(async () => {
    tmp = tempDir();
    const db = path.join(tmp.dir, 'e2e.sqlite');
    cli(db, 'init', '--office-name', 'DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU',
      '--admin-user', 'admin', '--admin-password', 'rahasia-e2e-123');
    cli(db, '--as', 'admin', 'demo', '--cases', String(DEMO_CASES));
    hostileNumber = registerHostileCase(db);
    listed = JSON.parse(cli(db, '--json', 'case', 'list'));
    // As the app draws on an office PC: without WebKit's compositing.
    app = await launchApp(db, undefined, { rendering: 'default' });
    browser = app.browser;
    await signIn(browser, 'admin', 'rahasia-e2e-123');
  });

  after(async () => {
    await app?.close();
    tmp?.remove();
  });

  test('the window opens on the temporary database and lists its cases', async () => {
    assert.equal(listed.length, DEMO_CASES + 1);
    const rows = await browser.$$('#cases-table tbody tr');
    assert.equal(rows.length, listed.length);
    const number = listed[listed.length - 1].registration_number;
    const row = await browser.$(`#cases-table tbody tr[data-registration="${number}"]`);
    assert.ok(await row.isExisting(), `row for ${number}`);
    assert.equal(await row.$('.col-registration').getText(), number);
    assert.match(await browser.$('#cases-count').getText(), new RegExp(`^${listed.length} permohonan$`));
    assert.equal(await browser.getTitle(), 'Petromaks');
  });

  test('the header shows the office name from the database', async () => {
    assert.equal(await browser.$('#office-name').getText(), 'DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU');
  });

  test('every status badge says its status in words', async () => {
    const badges = await browser.$$('#cases-table .badge');
    assert.equal(badges.length, listed.length);
    for (const badge of badges) assert.notEqual((await badge.getText()).trim(), '');
  });

  test('an applicant name that looks like HTML is shown as plain text', async () => {
    const row = await browser.$(`#cases-table tbody tr[data-registration="${hostileNumber}"]`);
    assert.ok(await row.isExisting());
    assert.equal(await row.$('.applicant-name').getText(), HOSTILE);
    assert.equal((await browser.$$('#cases-table img')).length, 0);
  });

  test('the page runs under the strict CSP with a frozen Object.prototype', async () => {
    const result = await browser.execute(() => {
      let evalRuns;
      try {
        evalRuns = (0, eval)('1 + 1') === 2;
      } catch {
        evalRuns = false;
      }
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inlineRan = "yes"';
      document.head.appendChild(script);
      return {
        evalRuns,
        inlineRan: document.body.dataset.inlineRan === 'yes',
        frozen: Object.isFrozen(Object.prototype),
      };
    });
    assert.deepEqual(result, { evalRuns: false, inlineRan: false, frozen: true });
  });

  test('a screenshot of the window at 1366×768', async () => {
    const file = await screenshot(browser, 'cases');
    assert.deepEqual(pngSize(file), { width: 1366, height: 768 });
  });

  test('typing in the search narrows the list as you type', async () => {
    const number = listed[0].registration_number;
    const search = await browser.$('#case-query');
    await search.setValue(number);
    await browser.waitUntil(async () => (await browser.$$('#cases-table tbody tr')).length === 1, {
      timeout: 10_000,
      timeoutMsg: 'the search did not narrow the list to one case',
    });
    assert.equal(await browser.$('#cases-table tbody tr').getAttribute('data-registration'), number);
    // Element Clear blurs the field (WebDriver spec), so focus it again before pressing Enter.
    await search.clearValue();
    await search.click();
    await browser.keys('Enter');
    await browser.waitUntil(
      async () => (await browser.$$('#cases-table tbody tr')).length === listed.length,
      { timeout: 10_000, timeoutMsg: 'clearing the search did not bring every case back' },
    );
  });

  test('a registration number typed by a scanner (ending in Enter) opens its case at once', async () => {
    await scanCase(browser, hostileNumber);
    assert.equal(await browser.$('#case-applicant .applicant-name').getText(), HOSTILE);
    assert.equal((await browser.$$('#case-view img:not(#case-photo-image)')).length, 0);
    await screenshot(browser, 'case-hostile');
    await browser.$('#case-back').click();
    await browser.$('body[data-screen="cases"]').waitForExist({ timeout: 10_000 });
    const search = await browser.$('#case-query');
    await search.clearValue();
    await search.click();
    await browser.keys('Enter');
    await browser.waitUntil(
      async () => (await browser.$$('#cases-table tbody tr')).length === listed.length,
      { timeout: 10_000, timeoutMsg: 'every case is listed again' },
    );
  });

  test('switching to English relabels the screen', async () => {
    await browser.$('#language-toggle').click();
    await browser.waitUntil(async () => (await browser.$('#cases-title').getText()) === 'Applications', {
      timeout: 5_000,
    });
    assert.equal(await browser.$('th.col-applicant').getText(), 'APPLICANT');
    await screenshot(browser, 'cases-english');
    await browser.$('#language-toggle').click();
    await browser.waitUntil(async () => (await browser.$('#cases-title').getText()) === 'Daftar permohonan');
  });
});

/**
 * Registers, as the demo clerk, a case whose applicant's name is an HTML snippet; returns its number.
 * @param {string} db
 */
function registerHostileCase(db) {
  return registeredNumber(
    cli(db, '--json', '--as', 'loket1', 'case', 'register', '--type', 'SKP',
      '--nik', '1607014708900002', '--name', HOSTILE, '--birth-place', 'Palembang',
      '--address', 'Jalan Merdeka 1', '--village', '16.07.01.2001',
      '--field', 'judul=Tata air rawa pasang surut', '--field', 'instansi=Universitas Sriwijaya',
      '--field', 'lokasi=Kecamatan Rantau Bayur', '--field', 'waktu=3 bulan'),
  );
}
