// The front desk's day in the real window: first run → sign in → register with the keyboard only →
// declare complete → approve → issue → save the certificate → mark picked up, each as the right user,
// with hostile applicant names shown as text on every screen, and a step outside the role refused.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ROOT, cli, launchApp, registeredNumber, screenshot, tempDir } from './harness.mjs';
import { offeredSteps, scanCase, signIn, signOut, takeStep } from './ui.mjs';

const IMG = '<img src=x onerror=alert(1)>';
const SQL = '"; DROP TABLE cases; --';
const DEMO_PASSWORD = 'petromaks-demo';
const ADMIN_PASSWORD = 'rahasia-e2e-123';
const DETAILS = {
  judul: 'Tata air rawa pasang surut',
  instansi: 'Universitas Sriwijaya',
  lokasi: 'Kecamatan Rantau Bayur',
  waktu: '3 bulan',
};

/**
 * Types into the focused element (Element Send Keys on the active element: no click, no mouse).
 * @param {WebdriverIO.Browser} browser
 * @param {string} text
 */
async function typeHere(browser, text) {
  const active = await browser.getActiveElement();
  await browser.$(/** @type {any} */ (active)).addValue(text);
}

/** @param {WebdriverIO.Browser} browser */
async function focusedId(browser) {
  return browser.execute(() => document.activeElement?.id ?? '');
}

describe('a case from the counter to pick-up', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  /** @type {WebdriverIO.Browser} */
  let browser;
  let db = '';
  let docs = '';
  let number = '';
  let caseId = 0;
  let imgNumber = '';

  before(async () => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'office.sqlite');
    docs = path.join(tmp.dir, 'Dokumen');
    process.env.PETROMAKS_DOCS_DIR = docs;
    app = await launchApp(db);
    browser = app.browser;
  });

  after(async () => {
    delete process.env.PETROMAKS_DOCS_DIR;
    await app?.close();
    tmp?.remove();
  });

  test('first run in the window, then the staff and a hostile case from the CLI', async () => {
    await browser.$('body[data-screen="setup"]').waitForExist({ timeout: 30_000 });
    await browser.$('#setup-username').setValue('admin');
    await browser.$('#setup-full_name').setValue('Admin Kantor');
    await browser.$('#setup-password').setValue(ADMIN_PASSWORD);
    await browser.keys('Enter');
    await browser.$('#setup-logo-next').waitForExist({ timeout: 15_000 });
    await browser.keys('Enter'); // "Continue" has the focus: the logo can wait
    await browser.$('body[data-user="admin"][data-cases-loaded="true"]').waitForExist({ timeout: 15_000 });
    cli(db, '--as', 'admin', 'demo', '--cases', '0');
    imgNumber = registeredNumber(cli(db, '--json', '--as', 'loket1', 'case', 'register', '--type', 'SKP',
      '--nik', '1607014708900002', '--name', IMG, '--birth-place', 'Palembang',
      '--address', 'Jalan Merdeka 1', ...Object.entries(DETAILS).flatMap(([k, v]) => ['--field', `${k}=${v}`])));
    await signOut(browser);
    await screenshot(browser, 'signin');
  });

  test('the clerk registers an applicant and a case with the keyboard only', async () => {
    await signIn(browser, 'loket1', DEMO_PASSWORD);
    await browser.keys('F2');
    await browser.$('body[data-screen="register"]').waitForExist({ timeout: 10_000 });
    assert.equal(await focusedId(browser), 'register-nik');
    await typeHere(browser, '1607011203850001');
    await browser.waitUntil(async () => (await browser.$('#register-nik-info').getText()) !== '', {
      timeout: 10_000,
      timeoutMsg: 'the NIK was not decoded',
    });
    assert.match(await browser.$('#register-nik-info').getText(), /12 Maret 1985 · Laki-laki/);
    for (const value of [SQL, 'Pangkalan Balai', 'Jalan Sudirman 2']) {
      await browser.keys('Tab');
      await typeHere(browser, value);
    }
    // The village, typed by name and taken from the suggestions with Enter: the van plans by it.
    await browser.keys('Tab');
    assert.equal(await focusedId(browser), 'register-village_code');
    await typeHere(browser, 'Sungai Rebo');
    await browser.$('#register-village_code-options [data-code="16.07.01.2001"]').waitForExist({ timeout: 10_000 });
    await browser.keys('Enter');
    await browser.waitUntil(async () => (await browser.$('#register-village_code').getAttribute('data-code')) === '16.07.01.2001', {
      timeout: 5_000,
      timeoutMsg: 'Enter did not take the village',
    });
    assert.match(await browser.$('#register-village_code-chosen').getText(), /Sungai Rebo, Kec\. Banyuasin I \(16\.07\.01\.2001\)/);
    assert.ok(!(await browser.$('body[data-registered]').isExisting()), 'Enter in the village field does not save yet');
    // Separate presses: WebKitWebDriver merges identical keys sent in one action.
    await browser.keys('Tab');
    await browser.keys('Tab'); // past the optional phone
    assert.equal(await focusedId(browser), 'register-permit_type');
    await typeHere(browser, 'SKP');
    await browser.$('#register-checklist').waitForExist({ timeout: 5_000 });
    const boxes = await browser.$$('#register-checklist input[type="checkbox"]');
    for (let i = 0; i < boxes.length; i += 1) {
      await browser.keys('Tab');
      if (i < 4) await browser.keys('Space');
    }
    const detailKeys = await browser.execute(() =>
      [...document.querySelectorAll('[data-detail]')].map((e) => /** @type {HTMLElement} */ (e).dataset.detail ?? ''));
    for (const key of detailKeys) {
      await browser.keys('Tab');
      await typeHere(browser, DETAILS[/** @type {keyof DETAILS} */ (key)] ?? 'x');
    }
    await screenshot(browser, 'register');
    await browser.keys('Enter');
    await browser.$('body[data-registered]').waitForExist({ timeout: 15_000 });
    number = await browser.$('body').getAttribute('data-registered');
    assert.match(await browser.$('#register-number').getText(), new RegExp(number));
    const receipt = path.join(docs, `tanda-terima-${number}.pdf`);
    assert.ok(existsSync(receipt), `receipt saved at ${receipt}`);
    assert.match(await browser.$('#register-receipt').getText(), /tanda-terima/);
    await screenshot(browser, 'register-done');
    // "Next applicant" has the focus: Tab to "Open" and Enter opens the new case.
    assert.equal(await focusedId(browser), 'register-next');
    await browser.keys('Tab');
    await browser.keys('Enter');
    await browser.$('body[data-screen="case"]').waitForExist({ timeout: 10_000 });
    assert.equal(await browser.$('#case-applicant .applicant-name').getText(), SQL);
    assert.ok((await browser.$('#case-applicant').getText()).includes('Sungai Rebo'), 'the case carries the village');
    assert.equal(cli(db, '--json', 'case', 'list').includes('Sungai Rebo'), true);
    caseId = JSON.parse(cli(db, '--json', 'case', 'list')).find((c) => c.registration_number === number).id;
  });

  test('the clerk adds the holder\'s pas photo, taken from the photo folder by NIK', async () => {
    assert.equal(await browser.$('#case-photo').getAttribute('data-present'), 'false');
    await browser.$('#photo-from-documents').click();
    await browser.waitUntil(async () => (await browser.$('#case-photo-message').getText()) !== '', { timeout: 10_000 });
    assert.equal(await browser.$('#case-photo').getAttribute('data-present'), 'false', 'no file yet: nothing set');
    mkdirSync(path.join(docs, 'foto'), { recursive: true });
    copyFileSync(path.join(ROOT, 'icons', '64x64.png'), path.join(docs, 'foto', '1607011203850001.png'));
    await browser.$('#photo-from-documents').click();
    await browser.$('#case-photo[data-present="true"]').waitForExist({ timeout: 10_000 });
  });

  test('the clerk is not offered to declare complete, and invoking it anyway is refused', async () => {
    const steps = await offeredSteps(browser);
    assert.ok(!steps.includes('verified'), `clerk offered ${steps}`);
    assert.equal(await browser.$('#settings-button').isDisplayed(), false, 'settings are for admins');
    const answer = await browser.executeAsync((id, done) => {
      /** @type {any} */ (window).__TAURI__.core.invoke('move_case', { id, step: { to: 'verified' } })
        .then(() => done('accepted'), (/** @type {any} */ e) => done(e.code));
    }, caseId);
    assert.equal(answer, 'forbidden');
    await screenshot(browser, 'case-received');
    await signOut(browser);
  });

  test('the verifier declares the file complete (the scanner opens it)', async () => {
    await signIn(browser, 'kasi', DEMO_PASSWORD);
    // Today: both received files wait for the verifier; the count opens exactly those.
    const waiting = await browser.$('#today [data-tile="waiting"]');
    await waiting.waitForExist({ timeout: 10_000 });
    assert.equal(await waiting.$('.tile-count').getText(), '2');
    await waiting.click();
    await browser.waitUntil(async () => (await browser.$('#cases-count').getText()).startsWith('Menunggu Anda'), {
      timeout: 10_000,
    });
    assert.equal((await browser.$$('#cases-table tbody tr')).length, 2);
    assert.equal(await browser.$('#register-button').isDisplayed(), false, 'a verifier does not register');
    await screenshot(browser, 'today');
    await scanCase(browser, number);
    assert.ok(!(await offeredSteps(browser)).includes('approved'));
    await takeStep(browser, 'verified');
    assert.match(await browser.$('#case-sla').getText(), /hari kerja|hari ini/);
    await signOut(browser);
  });

  test('the head of office approves, issues and saves the certificate', async () => {
    await signIn(browser, 'kadis', DEMO_PASSWORD);
    await scanCase(browser, number);
    await takeStep(browser, 'approved');
    await takeStep(browser, 'issued');
    await browser.$('#case-print [data-pdf="certificate"]').click();
    await browser.waitUntil(async () => Boolean(await browser.$('#case-message').getAttribute('data-saved')), {
      timeout: 15_000,
      timeoutMsg: 'the certificate was not saved',
    });
    const file = await browser.$('#case-message').getAttribute('data-saved');
    assert.ok(file.startsWith(docs), file);
    execFileSync('qpdf', ['--check', file], { stdio: 'ignore' });
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    assert.match(images, /^\s*1\s+\d+\s+image\s+64\s+64\s/m, `the pas photo is printed:\n${images}`);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const permit = await browser.$('#case-permit dd.mono').getText();
    assert.ok(text.includes(permit), `certificate shows ${permit}`);
    assert.ok(text.includes(SQL), 'certificate shows the applicant name as written');
    const labels = await browser.$$('#case-permit dt').map((dt) => dt.getText());
    assert.ok(labels.includes('Judul Penelitian'), `permit fields carry their labels: ${labels}`);
    await screenshot(browser, 'case-issued');
    await signOut(browser);
  });

  test('the delivery steps cannot be taken through the generic step, even by invoking it', async () => {
    await signIn(browser, 'loket1', DEMO_PASSWORD);
    await scanCase(browser, number);
    assert.ok(!(await offeredSteps(browser)).some((s) => ['out_for_delivery', 'delivered'].includes(s)));
    for (const to of ['picked_up', 'delivered', 'out_for_delivery']) {
      const answer = await browser.executeAsync((id, step, done) => {
        /** @type {any} */ (window).__TAURI__.core.invoke('move_case', { id, step: { to: step } })
          .then(() => done({ code: 'accepted' }), (/** @type {any} */ e) => done({ code: e.code, message: e.message }));
      }, caseId, to);
      assert.notEqual(answer.code, 'accepted', `move_case to ${to} was refused`);
      if (to === 'picked_up') assert.equal(answer.code, 'transition', JSON.stringify(answer));
    }
    assert.equal(JSON.parse(cli(db, '--json', 'case', 'show', number)).case.status, 'issued', 'nothing changed');
  });

  test('the clerk hands it over at the counter; the timeline names each step and user', async () => {
    await browser.$('#case-actions [data-move="picked_up"]').click();
    // Someone else's ID card: refused beside the field, nothing recorded.
    await browser.$('#collect-nik').setValue('1607014708900002');
    await browser.$('#collect-confirm').click();
    await browser.waitUntil(async () => (await browser.$('#collect-nik-message').getText()) !== '', {
      timeout: 10_000,
      timeoutMsg: 'a wrong holder NIK was not refused',
    });
    assert.match(await browser.$('#collect-nik-message').getText(), /NIK/);
    assert.equal(await browser.$('body').getAttribute('data-case-status'), 'issued');
    await screenshot(browser, 'case-collect-refused');
    await browser.$('#collect-nik').setValue('1607011203850001');
    await browser.$('#collect-confirm').click();
    await browser.$('body[data-case-status="picked_up"]').waitForExist({ timeout: 10_000 });
    const rows = await browser.execute(() => [...document.querySelectorAll('#case-timeline tbody tr')]
      .map((r) => [/** @type {HTMLElement} */ (r).dataset.to, /** @type {HTMLElement} */ (r).dataset.actor]));
    const steps = rows.filter(([to]) => to);
    assert.deepEqual(steps, [
      ['received', 'loket1'],
      ['verified', 'kasi'],
      ['approved', 'kadis'],
      ['issued', 'kadis'],
      ['picked_up', 'loket1'],
    ]);
    await screenshot(browser, 'case-picked-up');
  });

  test('both hostile names are plain text in the list and on their case screens', async () => {
    await browser.$('#case-back').click();
    await browser.$('body[data-screen="cases"][data-cases-loaded="true"]').waitForExist({ timeout: 10_000 });
    await browser.waitUntil(async () => (await browser.$$('#cases-table tbody tr')).length === 2, { timeout: 10_000 });
    const names = await browser.execute(() =>
      [...document.querySelectorAll('#cases-table .applicant-name')].map((e) => e.textContent));
    assert.deepEqual(names.sort(), [SQL, IMG].sort());
    assert.equal((await browser.$$('#main img:not(#case-photo-image)')).length, 0, 'no image but the pas photo frame');
    await scanCase(browser, imgNumber);
    assert.equal(await browser.$('#case-applicant .applicant-name').getText(), IMG);
    assert.equal((await browser.$$('#main img:not(#case-photo-image)')).length, 0, 'no image but the pas photo frame');
    assert.equal(JSON.parse(cli(db, '--json', 'case', 'list')).length, 2, 'the cases table is still there');
  });

  test('Ctrl+L locks the screen: no data left on it, the password brings the user back', async () => {
    await browser.keys(['Control', 'l']);
    await browser.$('body[data-screen="locked"]').waitForExist({ timeout: 10_000 });
    const shown = await browser.execute(() => document.querySelector('#main')?.textContent ?? '');
    assert.ok(!shown.includes(IMG) && !shown.includes(SQL), 'no applicant data on the lock screen');
    assert.equal(await browser.$('#signin-username').getValue(), 'loket1');
    const answer = await browser.executeAsync((id, done) => {
      /** @type {any} */ (window).__TAURI__.core.invoke('case_detail', { id })
        .then(() => done('answered'), (/** @type {any} */ e) => done(e.code));
    }, caseId);
    assert.equal(answer, 'signed_out');
    await screenshot(browser, 'locked');
    await signIn(browser, 'loket1', DEMO_PASSWORD);
  });
});
