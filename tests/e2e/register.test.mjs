// The register form in the real window (issues 10 and 11): the name's limit shows before saving and a
// refusal keeps the field's label in view; a double click or the same submission sent twice registers one
// case; a 150-letter name wraps in the case list, which stays inside the window; a receipt that cannot be
// written leaves the case registered, printed again from the case screen; typed data that differs from
// the registered applicant is shown beside the fields and the register keeps its own.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { cli, launchApp, screenshot, tempDir } from './harness.mjs';
import { signIn } from './ui.mjs';

const DEMO_PASSWORD = 'petromaks-demo';
const ADMIN_PASSWORD = 'rahasia-e2e-123';
const DETAILS = {
  judul: 'Tata air rawa pasang surut',
  instansi: 'Universitas Sriwijaya',
  lokasi: 'Kecamatan Rantau Bayur',
  waktu: '3 bulan',
};
/** A one-word name of exactly 150 letters: the longest the core takes, and the hardest to wrap. */
const LONG = 'Kusumawardhani'.repeat(11).slice(0, 150);
const TOO_LONG = `${LONG}x`;
const NIK_LONG = '1607015505920003';
const NIK_OTHER = '1607012002880004';

describe('the register form', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  /** @type {WebdriverIO.Browser} */
  let browser;
  let db = '';
  /** The documents folder sits in `blocker/`: a file put there instead makes every write fail. */
  let blocker = '';
  let docs = '';

  /** @param {string} nik */
  const casesOf = (nik) => JSON.parse(cli(db, '--json', 'case', 'list')).filter((c) => c.applicant_nik === nik);

  before(async () => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'register.sqlite');
    blocker = path.join(tmp.dir, 'blocker');
    docs = path.join(blocker, 'Dokumen');
    mkdirSync(docs, { recursive: true });
    process.env.PETROMAKS_DOCS_DIR = docs;
    cli(db, 'init', '--admin-password', ADMIN_PASSWORD);
    cli(db, '--as', 'admin', 'demo', '--cases', '0');
    app = await launchApp(db);
    browser = app.browser;
    await signIn(browser, 'loket1', DEMO_PASSWORD);
  });

  after(async () => {
    delete process.env.PETROMAKS_DOCS_DIR;
    await app?.close();
    tmp?.remove();
  });

  /** Opens a fresh register form with F2. */
  async function openForm() {
    await browser.keys('F2');
    await browser.$('body[data-screen="register"]:not([data-registered])').waitForExist({ timeout: 10_000 });
  }

  /**
   * Fills the form for an SKP application.
   * @param {{ nik: string, name?: string, address?: string }} who
   */
  async function fill(who) {
    await browser.$('#register-nik').setValue(who.nik);
    await browser.waitUntil(async () => (await browser.$('#register-nik-info').getText()) !== '', {
      timeout: 10_000,
      timeoutMsg: 'the NIK was not decoded',
    });
    if (who.name !== undefined) await browser.$('#register-name').setValue(who.name);
    await browser.$('#register-birth_place').setValue('Pangkalan Balai');
    await browser.$('#register-address').setValue(who.address ?? 'Jalan Merdeka 7');
    await browser.$('#register-permit_type').setValue('SKP');
    await browser.$('#register-checklist').waitForExist({ timeout: 5_000 });
    for (const box of await browser.$$('#register-checklist input[type="checkbox"]')) await box.click();
    for (const [key, value] of Object.entries(DETAILS)) await browser.$(`[data-detail="${key}"]`).setValue(value);
  }

  /** The registration number the form says it saved, once it says so. */
  async function registered() {
    await browser.$('body[data-registered]').waitForExist({ timeout: 15_000 });
    return browser.$('body').getAttribute('data-registered');
  }

  test('the name shows its limit before saving; a refused name keeps its label in view', async () => {
    await openForm();
    assert.equal(await browser.$('#register-name-message').getText(), 'Sesuai KTP, paling banyak 150 huruf.');
    await fill({ nik: NIK_LONG, name: TOO_LONG });
    assert.equal(await browser.$('#register-name-message').getText(), '151 huruf: paling banyak 150.');
    // The save button is at the bottom of a long form: the name is out of view when it is pressed.
    await browser.execute(() => document.querySelector('#register-save')?.scrollIntoView({ block: 'end' }));
    await browser.$('#register-save').click();
    await browser.waitUntil(async () => (await browser.$('#register-name').getAttribute('aria-invalid')) === 'true', {
      timeout: 10_000,
      timeoutMsg: 'the over-long name was not refused beside the field',
    });
    assert.equal(casesOf(NIK_LONG).length, 0, 'nothing registered');
    assert.notEqual(await browser.$('#register-name-message').getText(), '');
    const view = await browser.execute(() => {
      const label = /** @type {HTMLElement} */ (document.querySelector('label[for="register-name"]')).getBoundingClientRect();
      const area = /** @type {HTMLElement} */ (document.querySelector('#register-view')).getBoundingClientRect();
      return { label: [label.top, label.bottom], area: [area.top, area.bottom], focused: document.activeElement?.id };
    });
    assert.equal(view.focused, 'register-name');
    assert.ok(view.label[0] >= view.area[0] && view.label[1] <= view.area[1], `the label is in view: ${JSON.stringify(view)}`);
    await screenshot(browser, 'register-name-refused');
  });

  test('a double click registers one case; the same submission sent again answers the first case', async () => {
    await browser.$('#register-name').setValue(LONG);
    // Two clicks in one go, before the first answer: the second is the same submission.
    await browser.execute(() => {
      const save = /** @type {HTMLButtonElement} */ (document.querySelector('#register-save'));
      save.click();
      save.click();
    });
    const number = await registered();
    assert.equal(casesOf(NIK_LONG).length, 1, 'one case');
    assert.equal(await browser.$('#register-done').getAttribute('data-created'), 'true');
    assert.ok(existsSync(path.join(docs, `tanda-terima-${number}.pdf`)), 'its receipt is saved');
    // A retry of one submission (an answer lost on the way): the core answers the case it registered.
    const answers = await browser.executeAsync((done) => {
      const invoke = /** @type {any} */ (window).__TAURI__.core.invoke;
      const input = {
        submission_id: 'e2e-retry-0001', channel: 'counter', permit_type: 'SKP', received: [1, 2, 3],
        applicant: { nik: '1607014508900001', name: 'Siti Rahmawati', birth_place: 'Palembang', address: 'Jalan Mawar 3', phone: null, village_code: null },
        details: { judul: 'Tata air', instansi: 'Universitas Sriwijaya', lokasi: 'Rantau Bayur', waktu: '3 bulan' },
      };
      (async () => [await invoke('register_case', { input }), await invoke('register_case', { input })])()
        .then(done, (/** @type {any} */ e) => done({ error: e }));
    });
    assert.ok(Array.isArray(answers), JSON.stringify(answers));
    assert.equal(answers[0].id, answers[1].id);
    assert.deepEqual([answers[0].created, answers[1].created], [true, false]);
    assert.equal(casesOf('1607014508900001').length, 1, 'the retry registered nothing more');
  });

  test('a 150-letter name wraps in the case list, which stays inside the window', async () => {
    await browser.$('#register-back').click();
    await browser.$('body[data-screen="cases"]').waitForExist({ timeout: 10_000 });
    await browser.$('#cases-table .applicant-name').waitForExist({ timeout: 10_000 });
    const fit = await browser.execute(() => {
      const table = /** @type {HTMLElement} */ (document.querySelector('#cases-table'));
      const due = /** @type {HTMLElement} */ (document.querySelector('#cases-table th.col-due')).getBoundingClientRect();
      return {
        window: document.documentElement.clientWidth,
        page: document.documentElement.scrollWidth,
        table: table.getBoundingClientRect().width,
        wrap: /** @type {HTMLElement} */ (document.querySelector('#cases-body')).scrollWidth,
        wrapWidth: /** @type {HTMLElement} */ (document.querySelector('#cases-body')).clientWidth,
        due: due.right,
      };
    });
    assert.ok(fit.page <= fit.window, `the page is no wider than the window: ${JSON.stringify(fit)}`);
    assert.ok(fit.wrap <= fit.wrapWidth, `the case list has no horizontal scrollbar: ${JSON.stringify(fit)}`);
    assert.ok(fit.due <= fit.window, `the due-date column is in view: ${JSON.stringify(fit)}`);
    await screenshot(browser, 'cases-long-name');
    await browser.$('#cases-table [data-open]').click();
    await browser.$('body[data-screen="case"]').waitForExist({ timeout: 10_000 });
    await screenshot(browser, 'case-long-name');
    await browser.$('#case-back').click();
    await browser.$('body[data-screen="cases"]').waitForExist({ timeout: 10_000 });
  });

  test('a receipt that cannot be written leaves the case registered; the case screen prints it', async () => {
    renameSync(blocker, `${blocker}-kept`);
    writeFileSync(blocker, 'a file where the documents folder should be\n');
    await openForm();
    await fill({ nik: NIK_OTHER, name: 'Budi Hartono' });
    await browser.keys('Enter');
    const number = await registered();
    assert.equal(casesOf(NIK_OTHER).length, 1, 'the case is registered');
    await browser.$('#register-receipt-error').waitForExist({ timeout: 5_000 });
    assert.match(await browser.$('#register-receipt-error').getText(), /^Permohonan sudah terdaftar, tetapi tanda terimanya belum dapat disimpan/);
    assert.equal(await browser.execute(() => document.activeElement?.id), 'register-print-receipt');
    await screenshot(browser, 'register-receipt-failed');
    rmSync(blocker);
    renameSync(`${blocker}-kept`, blocker);
    await browser.keys('Enter');
    await browser.$('body[data-screen="case"]').waitForExist({ timeout: 10_000 });
    assert.equal(await browser.execute(() => /** @type {HTMLElement | null} */ (document.activeElement)?.dataset.pdf), 'receipt');
    await browser.keys('Enter');
    await browser.waitUntil(async () => Boolean(await browser.$('#case-message').getAttribute('data-saved')), {
      timeout: 15_000,
      timeoutMsg: 'the receipt was not printed from the case screen',
    });
    const file = await browser.$('#case-message').getAttribute('data-saved');
    assert.equal(file, path.join(docs, `tanda-terima-${number}.pdf`));
    assert.ok(existsSync(file));
    assert.equal(casesOf(NIK_OTHER).length, 1, 'still one case');
  });

  test('typed data that differs from the registered applicant is shown beside the field; the register keeps its own', async () => {
    await browser.$('#case-back').click();
    await browser.$('body[data-screen="cases"]').waitForExist({ timeout: 10_000 });
    await openForm();
    await fill({ nik: NIK_OTHER, address: 'Dusun III, Sukamaju' });
    // The known applicant filled the form in; the address typed over it differs.
    assert.equal(await browser.$('#register-name').getValue(), 'Budi Hartono');
    assert.equal(await browser.$('#register-address-message').getText(), 'Terdaftar: “Jalan Merdeka 7”. Data terdaftar yang dipakai.');
    await browser.keys('Enter');
    await registered();
    await browser.$('#register-differences').waitForExist({ timeout: 5_000 });
    assert.match(await browser.$('#register-differences').getText(), /Alamat: terdaftar “Jalan Merdeka 7”, diketik “Dusun III, Sukamaju”/);
    assert.match(await browser.$('#register-address-message').getText(), /^Tetap “Jalan Merdeka 7”/);
    await screenshot(browser, 'register-differences');
    const cases = casesOf(NIK_OTHER);
    assert.equal(cases.length, 2);
    const shown = JSON.parse(cli(db, '--json', 'case', 'show', cases[0].registration_number));
    assert.equal(shown.applicant.address, 'Jalan Merdeka 7', 'the registered address is kept');
  });
});
