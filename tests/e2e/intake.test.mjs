// Applications taken in the van, in the real window: on a trip that is out, the courier registers an
// application from the trip page (channel van, its receipt saved), puts two of its originals into a sealed
// bag, and back at the office a clerk receives the bag with a discrepancy written down; the case's timeline
// names each step and its user. A clerk cannot bag and a courier cannot receive (the core refuses both).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { cli, launchApp, screenshot, tempDir } from './harness.mjs';
import { signIn, signOut } from './ui.mjs';

const DEMO_PASSWORD = 'petromaks-demo';
const ADMIN_PASSWORD = 'rahasia-e2e-123';
const DETAILS = {
  judul: 'Tata air rawa pasang surut',
  instansi: 'Universitas Sriwijaya',
  lokasi: 'Kecamatan Rantau Bayur',
  waktu: '3 bulan',
};

/** The office's day (WIB, UTC+7) as YYYY-MM-DD. */
function officeToday() {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

describe('applications taken in the van, bagged and received', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  /** @type {WebdriverIO.Browser} */
  let browser;
  let db = '';
  let docs = '';
  let tripId = 0;
  let number = '';

  before(async () => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'intake.sqlite');
    docs = path.join(tmp.dir, 'Dokumen');
    process.env.PETROMAKS_DOCS_DIR = docs;
    cli(db, 'init', '--admin-password', ADMIN_PASSWORD);
    cli(db, '--as', 'admin', 'demo', '--cases', '0');
    tripId = JSON.parse(cli(db, '--json', '--as', 'loket1', 'trip', 'create', '--date', officeToday(),
      '--vehicle', 'BG 1234 XY', '--crew', 'keliling1', '--villages', '16.07.01.2003')).trip;
    cli(db, '--as', 'keliling1', 'trip', 'start', String(tripId));
    app = await launchApp(db);
    browser = app.browser;
  });

  after(async () => {
    delete process.env.PETROMAKS_DOCS_DIR;
    await app?.close();
    tmp?.remove();
  });

  /** @param {string} user */
  async function openTrip(user) {
    await signIn(browser, user, DEMO_PASSWORD);
    await browser.$('#nav-trips-view').click();
    await browser.$(`[data-open-trip="${tripId}"]`).click();
    await browser.$(`body[data-trip-id="${tripId}"]`).waitForExist({ timeout: 10_000 });
    await browser.$('#trip-intake h3').waitForExist({ timeout: 10_000 });
  }

  test('the courier registers an application on the trip and is brought back to it', async () => {
    await openTrip('keliling1');
    await browser.$('#intake-register').click();
    await browser.$('body[data-screen="register"]').waitForExist({ timeout: 10_000 });
    await browser.$('#register-nik').setValue('1607014508900001');
    await browser.waitUntil(async () => (await browser.$('#register-nik-info').getText()) !== '', {
      timeout: 10_000,
      timeoutMsg: 'the NIK was not decoded',
    });
    await browser.$('#register-name').setValue('Siti Rahmawati');
    await browser.$('#register-birth_place').setValue('Pangkalan Balai');
    await browser.$('#register-address').setValue('Dusun II, Talang Indah');
    await browser.$('#register-permit_type').setValue('SKP');
    await browser.$('#register-checklist').waitForExist({ timeout: 5_000 });
    const boxes = await browser.$$('#register-checklist input[type="checkbox"]');
    for (const box of boxes.slice(0, 3)) await box.click();
    for (const [key, value] of Object.entries(DETAILS)) await browser.$(`[data-detail="${key}"]`).setValue(value);
    await browser.$('#register-save').click();
    await browser.$('body[data-registered]').waitForExist({ timeout: 15_000 });
    number = await browser.$('body').getAttribute('data-registered');
    assert.ok(existsSync(path.join(docs, `tanda-terima-${number}.pdf`)), 'the receipt is printed on the spot');
    const registered = JSON.parse(cli(db, '--json', 'case', 'show', number));
    assert.equal(registered.case.channel, 'van');
    await browser.$('#register-back').click();
    await browser.$(`body[data-trip-id="${tripId}"]`).waitForExist({ timeout: 10_000 });
    await browser.$(`#trip-intake [data-intake]`).waitForExist({ timeout: 10_000 });
  });

  test('its originals go into a sealed bag; the seal is required', async () => {
    const form = `#trip-intake form[data-intake]`;
    const caseId = Number(await browser.$(form).getAttribute('data-intake'));
    // Items 1 and 2 only: the third stays with the applicant.
    await browser.$(`#intake-${caseId}-doc-3`).click();
    await browser.$(`${form} [data-bag]`).click();
    await browser.waitUntil(async () => (await browser.$(`#intake-${caseId}-bag_seal-message`).getText()) !== '', {
      timeout: 10_000,
      timeoutMsg: 'an empty seal was not refused beside the field',
    });
    assert.equal(JSON.parse(cli(db, '--json', 'trip', 'bags', String(tripId))).length, 0, 'nothing bagged');
    await browser.$(`#intake-${caseId}-bag_seal`).setValue('SEGEL-0042');
    await screenshot(browser, 'van-intake-bag');
    await browser.$(`${form} [data-bag]`).click();
    await browser.$('#trip-intake [data-seal="SEGEL-0042"]').waitForExist({ timeout: 10_000 });
    const bags = JSON.parse(cli(db, '--json', 'trip', 'bags', String(tripId)));
    assert.equal(bags.length, 1);
    assert.equal(bags[0].cases[0].registration_number, number);
    assert.equal(bags[0].cases[0].originals.length, 2);
    assert.equal(await browser.$('#trip-intake [data-receive]').isExisting(), false, 'the crew does not receive');
    await signOut(browser);
  });

  test('a clerk receives the bag with a discrepancy; the timeline names each step', async () => {
    await openTrip('loket1');
    await browser.$('#trip-intake [data-receive="SEGEL-0042"]').waitForExist({ timeout: 10_000 });
    assert.equal(await browser.$('#trip-intake form[data-intake]').isExisting(), false, 'a clerk does not bag');
    await browser.$('#receive-SEGEL-0042-discrepancy').setValue('fotokopi KTP tidak ada di dalam kantong');
    await browser.$('#trip-intake [data-receive="SEGEL-0042"]').click();
    await browser.$('#trip-intake [data-seal="SEGEL-0042"][data-received="true"]').waitForExist({ timeout: 10_000 });
    await screenshot(browser, 'van-intake-received');
    const bags = JSON.parse(cli(db, '--json', 'trip', 'bags', String(tripId)));
    assert.equal(bags[0].received_by, 'loket1');
    assert.equal(bags[0].discrepancy, 'fotokopi KTP tidak ada di dalam kantong');
    await browser.$(`#trip-intake [data-open-case]`).click();
    await browser.$('body[data-screen="case"]').waitForExist({ timeout: 10_000 });
    const rows = await browser.execute(() => [...document.querySelectorAll('#case-timeline tbody tr')]
      .map((r) => [/** @type {HTMLElement} */ (r).dataset.actor ?? '', r.querySelectorAll('td')[3]?.textContent ?? '']));
    assert.ok(rows.some(([who, what]) => who === 'keliling1' && what.includes('bag SEGEL-0042')), JSON.stringify(rows));
    assert.ok(rows.some(([who, what]) => who === 'loket1' && what.includes('fotokopi KTP tidak ada')), JSON.stringify(rows));
  });
});
