// Documents in the real window: a permit's QR code verified (genuine, then one character changed →
// tampered) and the office key exported; a batch of 20+ certificates printed by village with progress,
// every permit number in the PDF; a larger batch cancelled with no file; the envelope labels; and, where
// the CUPS-PDF printer `PDF` exists (scripts/ensure-cups-pdf), a certificate printed from the case screen.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';

import { ROOT, cli, launchApp, registeredNumber, screenshot, tempDir } from './harness.mjs';
import { scanCase, signIn, signOut } from './ui.mjs';

const DEMO_PASSWORD = 'petromaks-demo';
const VILLAGE = '16.07.01.2001';
const VILLAGE_NAME = 'Sungai Rebo';
const IN_VILLAGE = 22;

/** Whether CUPS has the CUPS-PDF printer `PDF`. */
function cupsPdf() {
  try {
    execFileSync('lpstat', ['-p', 'PDF'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** @param {string} dir */
function files(dir) {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/**
 * Registers an SKP case in the village and takes it to issued with the CLI; answers its numbers.
 * @param {string} db
 * @param {number} i
 */
function issuedInVillage(db, i) {
  const serial = String(i).padStart(4, '0');
  const number = registeredNumber(cli(db, '--json', '--as', 'loket1', 'case', 'register', '--type', 'SKP',
    '--nik', `160701450890${serial}`, '--name', `Warga Sungai Rebo ${serial}`, '--birth-place', 'Palembang',
    '--address', `Jalan Desa ${i}`, '--village', VILLAGE, '--received', 'all',
    '--field', 'judul=Riset tata air', '--field', 'instansi=Universitas Sriwijaya',
    '--field', 'lokasi=Banyuasin I', '--field', 'waktu=3 bulan'));
  cli(db, '--as', 'kasi', 'case', 'move', number, '--to', 'verified');
  cli(db, '--as', 'kadis', 'case', 'move', number, '--to', 'approved');
  cli(db, '--as', 'kadis', 'case', 'move', number, '--to', 'issued');
  const shown = JSON.parse(cli(db, '--json', 'case', 'show', number));
  return { number, permit: (shown.case ?? shown).permit_number };
}

/**
 * Clicks an element from inside the page (its click handlers and default action run as for a user's click).
 * @param {WebdriverIO.Browser} browser
 * @param {string} selector
 */
async function clickInPage(browser, selector) {
  await browser.execute((sel) => /** @type {HTMLElement} */ (document.querySelector(sel)).click(), selector);
}

/**
 * How many prints of a case's certificate are logged on its timeline.
 * @param {string} db
 * @param {string} number
 */
function printsLogged(db, number) {
  return JSON.parse(cli(db, '--json', 'case', 'show', number)).events.filter((e) => e.action === 'certificate.print').length;
}

describe('documents: verify, batch print, cancel, labels, print to CUPS', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  /** @type {WebdriverIO.Browser} */
  let browser;
  let db = '';
  let docs = '';
  /** @type {{ number: string, permit: string }[]} */
  let mine = [];
  let payload = '';

  before(async () => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'office.sqlite');
    docs = path.join(tmp.dir, 'Dokumen');
    cli(db, 'init', '--admin-password', 'rahasia-e2e-123');
    // Some 300 issued or delivered permits across the regency: the larger batch to cancel, long enough
    // that Cancel still finds it running after the progress screenshot (a hundred finished first once
    // the certificates got faster). Seed 11 issues none of them in VILLAGE, whose permits the trip
    // test counts.
    cli(db, '--as', 'admin', 'demo', '--cases', '900', '--seed', '11');
    mine = Array.from({ length: IN_VILLAGE }, (_, i) => issuedInVillage(db, i + 1));
    // A genuine payload, read from a printed certificate's QR code as a scanner would.
    const cert = path.join(tmp.dir, 'izin.pdf');
    cli(db, '--as', 'loket1', 'print', 'certificate', mine[0].number, '--out', cert);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', cert, path.join(tmp.dir, 'page')]);
    const page = readdirSync(tmp.dir).find((f) => f.startsWith('page') && f.endsWith('.png'));
    payload = execFileSync('zbarimg', ['--raw', '-q', path.join(tmp.dir, String(page))], { encoding: 'utf8' }).trim();
    assert.match(payload, /^PMK1\./);
    process.env.PETROMAKS_DOCS_DIR = docs;
    app = await launchApp(db);
    browser = app.browser;
  });

  after(async () => {
    delete process.env.PETROMAKS_DOCS_DIR;
    await app?.close();
    tmp?.remove();
  });

  test('the case list draws a page of 50, the rest after the first rows, and the next 50 below them', async () => {
    await signIn(browser, 'loket1', DEMO_PASSWORD);
    const newest = JSON.parse(cli(db, '--json', 'case', 'list', '--limit', '100')).map((c) => c.registration_number);
    const numbers = async () => browser.execute(() =>
      [...document.querySelectorAll('#cases-table tbody tr')].map((tr) => tr.getAttribute('data-registration')));
    await browser.waitUntil(async () => (await numbers()).length === 50, { timeout: 10_000, timeoutMsg: 'no page of 50' });
    assert.deepEqual(await numbers(), newest.slice(0, 50));
    await browser.$('#cases-more').click();
    await browser.waitUntil(async () => (await numbers()).length === 100, { timeout: 10_000, timeoutMsg: 'no second page' });
    assert.deepEqual(await numbers(), newest);
    // The rows came below the ones shown: the button that asked for them still has the keyboard.
    assert.equal(await browser.execute(() => document.activeElement?.id), 'cases-more');
    assert.match(await browser.$('#cases-count').getText(), /^100 permohonan$/);
    await signOut(browser);
  });

  test('a scanned genuine code verifies; one character changed is tampered; the key is exported', async () => {
    await signIn(browser, 'keliling1', DEMO_PASSWORD);
    await browser.$('#nav-verify-view').click();
    await browser.$('body[data-screen="verify"]').waitForExist({ timeout: 10_000 });
    // A scanner types the code and presses Enter (Element Send Keys: key actions drop repeated characters).
    await browser.$('#verify-payload').setValue(payload);
    const asked = Date.now();
    await browser.keys('Enter');
    await browser.$('#verify-verdict[data-verdict="genuine"]').waitForExist({ timeout: 10_000, interval: 20 });
    console.log(`verify: Enter to verdict ${Date.now() - asked} ms`);
    const genuine = await browser.$('#verify-verdict').getText();
    assert.match(genuine, /ASLI/);
    assert.ok(genuine.includes(mine[0].permit), `the verdict names ${mine[0].permit}`);
    assert.match(genuine, /Warga Sungai Rebo 0001/);
    await screenshot(browser, 'verify-genuine');

    // One character of the signed fields changed (base64url stays valid).
    const at = payload.indexOf('.') + 6;
    const changed = `${payload.slice(0, at)}${payload[at] === 'A' ? 'B' : 'A'}${payload.slice(at + 1)}`;
    assert.notEqual(changed, payload);
    await browser.$('#verify-payload').setValue(changed);
    await browser.keys('Enter');
    await browser.$('#verify-verdict[data-verdict="tampered"]').waitForExist({ timeout: 10_000 });
    const tampered = await browser.$('#verify-verdict').getText();
    assert.match(tampered, /TIDAK SAH/);
    assert.ok(!tampered.includes('Warga Sungai Rebo'), 'a tampered code does not show its claimed holder');
    await screenshot(browser, 'verify-tampered');

    await browser.$('#verify-export-key').click();
    await browser.waitUntil(async () => Boolean(await browser.$('#verify-key-message').getAttribute('data-saved')), {
      timeout: 10_000,
      timeoutMsg: 'the key was not exported',
    });
    const keyFile = await browser.$('#verify-key-message').getAttribute('data-saved');
    assert.ok(keyFile.startsWith(docs), keyFile);
    assert.match(readFileSync(keyFile, 'utf8'), /^petromaks-office-key 1/);
    await signOut(browser);
  });

  test('a batch by village prints 20+ certificates with progress into one PDF, then its labels', async () => {
    await signIn(browser, 'loket1', DEMO_PASSWORD);
    await browser.$('#nav-batch-view').click();
    await browser.$('body[data-screen="batch"]').waitForExist({ timeout: 10_000 });
    await browser.$('#batch-village').setValue(VILLAGE_NAME);
    const option = await browser.$(`#batch-village-options [data-code="${VILLAGE}"]`);
    await option.waitForExist({ timeout: 10_000 });
    await option.click();
    await browser.waitUntil(async () => Number(await browser.$('#batch-count').getAttribute('data-count')) >= IN_VILLAGE, {
      timeout: 10_000,
      timeoutMsg: 'the village did not select its permits',
    });
    const count = Number(await browser.$('#batch-count').getAttribute('data-count'));
    assert.match(await browser.$('#batch-count').getText(), new RegExp(`${count} surat izin dipilih`));
    await screenshot(browser, 'batch-village');

    // Watch the progress line from inside the page: every value it shows is recorded.
    await browser.execute(() => {
      const seen = /** @type {string[]} */ ([]);
      /** @type {any} */ (window).progressSeen = seen;
      const box = /** @type {HTMLElement} */ (document.querySelector('#batch-progress'));
      new MutationObserver(() => {
        if (!box.hidden && box.dataset.done) seen.push(box.dataset.done);
      }).observe(box, { attributes: true, subtree: true, childList: true });
    });
    const before = files(docs);
    const started = Date.now();
    await browser.$('#batch-print').click();
    await browser.$('#batch-message[data-state="done"]').waitForExist({ timeout: 60_000, interval: 50 });
    console.log(`batch of ${count} certificates in the window (debug build): ${Date.now() - started} ms`);
    const seen = /** @type {string[]} */ (await browser.execute(() => /** @type {any} */ (window).progressSeen));
    assert.ok(seen.length >= 2, `the progress moved: ${seen}`);
    assert.equal(seen.at(-1), String(count), 'the progress reached the total');
    const pdf = await browser.$('#batch-result').getAttribute('data-saved');
    assert.ok(pdf.startsWith(docs) && existsSync(pdf), pdf);
    assert.equal(files(docs).length, before.length + 1);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    assert.match(info, new RegExp(`Pages:\\s+${count}\\b`));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const { permit } of mine) assert.ok(text.includes(permit), `${permit} is in the batch`);
    assert.match(await browser.$('#batch-message').getText(), new RegExp(`${count} surat izin`));
    assert.ok(await browser.$('#batch-file-open').isExisting(), 'the result can be opened');
    assert.ok(await browser.$('#batch-file-save-as').isExisting(), 'the result can be saved elsewhere');
    await screenshot(browser, 'batch-done');

    await browser.$('#batch-labels').click();
    await browser.waitUntil(async () => Boolean(await browser.$('#batch-labels-result').getAttribute('data-saved')), {
      timeout: 15_000,
      timeoutMsg: 'the labels were not written',
    });
    const labels = await browser.$('#batch-labels-result').getAttribute('data-saved');
    const labelText = execFileSync('pdftotext', [labels, '-'], { encoding: 'utf8' });
    assert.ok(labelText.includes('Warga Sungai Rebo 0022'), 'the labels name the holders');
    assert.ok(labelText.includes(mine[21].permit), 'and their permit numbers');
  });

  test('a larger batch by issue date shows its progress and Cancel stops it with no file', async () => {
    await browser.$('#batch-mode-dates').click();
    await browser.$('#batch-from').setValue('01-01-2000');
    await browser.$('#batch-to').setValue('31-12-2099');
    assert.match(await browser.$('#batch-to-message').getText(), /31 Desember 2099/);
    await browser.waitUntil(async () => Number(await browser.$('#batch-count').getAttribute('data-count')) > 100, {
      timeout: 10_000,
      timeoutMsg: 'the date range did not select 100+ permits',
    });
    const before = files(docs);
    const logged = printsLogged(db, mine[2].number);
    assert.equal(logged, 1, 'printed once, in the village batch');
    await browser.$('#batch-print').click();
    await browser.waitUntil(async () => Number(await browser.$('#batch-progress').getAttribute('data-done')) >= 3, {
      timeout: 30_000,
      interval: 50,
      timeoutMsg: 'no progress shown',
    });
    assert.match(await browser.$('#batch-progress-text').getText(), /\d+ dari \d+ surat izin|menyusun berkas PDF/);
    await screenshot(browser, 'batch-progress');
    const cancelled = Date.now();
    await browser.$('#batch-cancel').click();
    await browser.$('#batch-message[data-state="cancelled"]').waitForExist({ timeout: 30_000, interval: 50 });
    console.log(`cancel: click to "cancelled" ${Date.now() - cancelled} ms`);
    assert.match(await browser.$('#batch-message').getText(), /Dibatalkan: tidak ada berkas/);
    assert.deepEqual(files(docs), before, 'no file was written');
    assert.equal(printsLogged(db, mine[2].number), logged, 'no print was logged');
    await screenshot(browser, 'batch-cancelled');
    await signOut(browser);
  });

  test('the permits of a van trip, or ticked by hand, make the selection', async () => {
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const trip = JSON.parse(cli(db, '--json', '--as', 'loket1', 'trip', 'create', '--date', day, '--vehicle', 'BG 1234 XY',
      '--crew', 'keliling1', '--villages', VILLAGE)).trip;
    cli(db, '--as', 'loket1', 'trip', 'add', String(trip), '--village', VILLAGE);
    await signIn(browser, 'loket1', DEMO_PASSWORD);
    await browser.$('#nav-batch-view').click();
    await browser.$('body[data-screen="batch"]').waitForExist({ timeout: 10_000 });
    await browser.$('#batch-count[data-count]').waitForExist({ timeout: 10_000 });
    // The focused village field is left by the click; WebKitWebDriver then delivers the click to the
    // fieldset around the radio (mousedown and mouseup on different targets), so the choice is clicked in the page.
    await clickInPage(browser, '#batch-mode-trip');
    await browser.$(`#batch-trip option[value="${trip}"]`).waitForExist({ timeout: 10_000 });
    await browser.$('#batch-trip').selectByAttribute('value', String(trip));
    await browser.waitUntil(async () => Number(await browser.$('#batch-count').getAttribute('data-count')) === IN_VILLAGE, {
      timeout: 10_000,
      timeoutMsg: 'the trip did not select its permits',
    });
    await screenshot(browser, 'batch-trip');
    await clickInPage(browser, '#batch-mode-cases');
    await browser.$('#batch-list input[type="checkbox"]').waitForExist({ timeout: 10_000 });
    const boxes = await browser.$$('#batch-list input[type="checkbox"]');
    assert.ok(boxes.length >= IN_VILLAGE, `issued permits listed to tick: ${boxes.length}`);
    assert.equal(await browser.$('#batch-count').getAttribute('data-count'), '0');
    await boxes[0].click();
    await boxes[2].click();
    await browser.waitUntil(async () => (await browser.$('#batch-count').getAttribute('data-count')) === '2', {
      timeout: 10_000,
      timeoutMsg: 'ticking two permits did not select two',
    });
    assert.equal(await browser.$('#batch-print').isEnabled(), true);
    // A search narrows the list (a register of years lists too many to scroll); what is ticked stays.
    await browser.$('#batch-find').setValue('Sungai Rebo 0022');
    await browser.waitUntil(async () => {
      const rows = await browser.$$('#batch-list tbody tr');
      if (rows.length === 0 || rows.length >= boxes.length) return false;
      for (const row of rows) if (!(await row.getText()).includes('0022')) return false;
      return true;
    }, { timeout: 10_000, timeoutMsg: 'the search did not narrow the list' });
    assert.equal(await browser.$('#batch-count').getAttribute('data-count'), '2', 'the ticked permits stay chosen');
    await screenshot(browser, 'batch-hand');
    await signOut(browser);
  });

  test('a certificate is printed from the case screen on the CUPS-PDF printer', { skip: !cupsPdf() && 'no CUPS-PDF printer `PDF` (scripts/ensure-cups-pdf)' }, async () => {
    const out = path.join(os.homedir(), 'PDF');
    const before = new Set(files(out));
    await signIn(browser, 'loket1', DEMO_PASSWORD);
    await scanCase(browser, mine[1].number);
    await browser.$('#case-print [data-pdf="certificate"]').click();
    await browser.$('#case-file').waitForExist({ timeout: 15_000 });
    await browser.$('#case-file-print').click();
    const select = await browser.$('#case-file-printer');
    await select.waitForExist({ timeout: 10_000 });
    assert.equal(await select.getValue(), 'PDF', 'the default printer is preselected');
    await screenshot(browser, 'case-print-picker');
    await browser.$('#case-file-print-send').click();
    await browser.$('#case-file-message[data-state="sent"]').waitForExist({ timeout: 20_000 });
    const job = await browser.$('#case-file-message').getAttribute('data-job');
    assert.match(job, /PDF-\d+/);
    await screenshot(browser, 'case-printed');
    const stem = `izin-${mine[1].number}`;
    let printed = '';
    const deadline = Date.now() + 60_000;
    while (!printed && Date.now() < deadline) {
      const hit = files(out).find((f) => !before.has(f) && f.includes(stem));
      if (hit && readFileSync(path.join(out, hit)).includes('%%EOF')) printed = path.join(out, hit);
      else await sleep(250);
    }
    assert.ok(printed, `CUPS-PDF wrote ${stem}… into ${out}`);
    assert.ok(statSync(printed).size > 1000);
    await signOut(browser);
  });
  test('the admin sets the office logo and the language in the settings', async () => {
    mkdirSync(docs, { recursive: true });
    copyFileSync(path.join(ROOT, 'icons', '128x128.png'), path.join(docs, 'logo.png'));
    await signIn(browser, 'admin', 'rahasia-e2e-123');
    await browser.$('#settings-button').click();
    await browser.$('#admin-tab-look').waitForExist({ timeout: 10_000 });
    await browser.$('#admin-tab-look').click();
    await browser.$('#settings-logo').waitForExist({ timeout: 10_000 });
    assert.equal(await browser.$('#settings-logo-preview').getAttribute('data-present'), 'false');
    await browser.$('#logo-from-documents').click();
    await browser.$('#settings-logo-preview[data-present="true"]').waitForExist({ timeout: 10_000 });
    assert.equal(await browser.$('#logo-message').getText(), 'Logo tersimpan.');
    await browser.$('.brand-logo[data-office="true"]').waitForExist({ timeout: 10_000 });
    const shown = await browser.execute(() => /** @type {HTMLImageElement} */ (document.querySelector('#settings-logo-preview')).naturalWidth);
    assert.equal(shown, 128, 'the preview shows the PNG');
    await browser.$('#settings-language-en').click();
    await browser.waitUntil(async () => (await browser.$('#nav-verify-view').getText()) === 'Verify', {
      timeout: 10_000,
      timeoutMsg: 'the language choice did not switch the window to English',
    });
    assert.equal(await browser.$('#settings-language-en').isSelected(), true);
    await screenshot(browser, 'settings-logo-language');
    await browser.$('#settings-language-id').click();
    await browser.waitUntil(async () => (await browser.$('#nav-verify-view').getText()) === 'Verifikasi', { timeout: 10_000 });
    // The logo is printed in the kop surat from now on.
    const cert = path.join(tmp.dir, 'with-logo.pdf');
    cli(db, '--as', 'loket1', 'print', 'certificate', mine[3].number, '--out', cert);
    assert.match(execFileSync('pdfimages', ['-list', cert], { encoding: 'utf8' }), /\b128\s+128\b/);
    await signOut(browser);
  });
});
