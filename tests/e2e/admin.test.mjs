// The admin's screens in the real window, on a demo office: the permit catalogue editor with the live
// number preview, the holiday calendar and the due dates it moves, staff accounts with the password policy,
// the audit log with its filters, and the chain check before and after a row is altered on disk.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { cli, launchApp, screenshot, tempDir } from './harness.mjs';
import { signIn } from './ui.mjs';

const ADMIN_PASSWORD = 'rahasia-e2e-123';

/**
 * Opens a tab of the administration area and waits until it is drawn.
 * @param {WebdriverIO.Browser} browser
 * @param {string} tab
 */
async function openTab(browser, tab) {
  await browser.$(`#admin-tab-${tab}`).click();
  await browser.$(`body[data-admin-ready="${tab}"]`).waitForExist({ timeout: 10_000 });
}

/**
 * Sets an input's value the way typing does (an `input` event), for inputs WebDriver types badly into
 * (dates) or to replace a whole value at once.
 * @param {WebdriverIO.Browser} browser
 * @param {string} selector
 * @param {string} value
 */
async function setInput(browser, selector, value) {
  await browser.execute((sel, v) => {
    const input = /** @type {HTMLInputElement} */ (document.querySelector(sel));
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, selector, value);
}

/** The confirmation questions are answered yes (WebKitWebDriver's alert handling is not needed). */
async function alwaysConfirm(browser) {
  await browser.execute(() => {
    window.confirm = () => true;
  });
}

/**
 * Waits until an element's text matches.
 * @param {WebdriverIO.Browser} browser
 * @param {string} selector
 * @param {RegExp} pattern
 */
async function textMatches(browser, selector, pattern) {
  let last = '';
  await browser.waitUntil(async () => {
    const el = await browser.$(selector);
    last = (await el.isExisting()) ? await el.getText() : '';
    return pattern.test(last);
  }, { timeout: 10_000, timeoutMsg: `${selector} never matched ${pattern}; last text: ${JSON.stringify(last)}` });
  return last;
}

describe('the administration area', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  /** @type {WebdriverIO.Browser} */
  let browser;
  let db = '';

  before(async () => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'admin.sqlite');
    cli(db, 'init', '--office-name', 'DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU',
      '--admin-user', 'admin', '--admin-password', ADMIN_PASSWORD);
    cli(db, '--as', 'admin', 'demo', '--cases', '40');
    app = await launchApp(db);
    browser = app.browser;
    await signIn(browser, 'admin', ADMIN_PASSWORD);
  });

  after(async () => {
    await app?.close();
    tmp?.remove();
  });

  test('the catalogue: the live number preview follows the template; a requirement is added and saved', async () => {
    await browser.$('#settings-button').click();
    await browser.$('body[data-screen="admin"][data-admin-ready="catalogue"]').waitForExist({ timeout: 10_000 });
    await alwaysConfirm(browser);
    assert.equal(await browser.$('#settings-button').getText(), 'Administrasi');
    assert.equal(await browser.$$('#pt-table tbody tr').length, 6);
    await screenshot(browser, 'admin-catalogue');

    await browser.$('#pt-table [data-open="SIPD"]').click();
    const first = await textMatches(browser, '#pt-preview', /\/SIPD\//);
    const typed = Date.now();
    await setInput(browser, '#pt-number_template', '{kode}-{seq:3}/{yyyy}');
    const edited = await textMatches(browser, '#pt-preview', /^SIPD-\d{3}\/\d{4}$/);
    console.log(`number preview shown ${Date.now() - typed} ms after typing (300 ms of it the pause it waits for)`);
    assert.notEqual(edited, first);
    await setInput(browser, '#pt-number_template', '{kode}/{yyyy}');
    await textMatches(browser, '#pt-preview', /seq/);
    await setInput(browser, '#pt-number_template', '{klasifikasi}/{seq:4}/{kode}/{yyyy}');
    await textMatches(browser, '#pt-preview', /^\d+\/\d{4}\/SIPD\/\d{4}$/);

    const before = await browser.$$('#pt-requirements li').length;
    await browser.$('#pt-req-add').click();
    await browser.$(`#pt-req-${before}`).setValue('Surat keterangan bebas narkoba');
    await browser.$(`[data-up="${before}"]`).click();
    assert.equal(await browser.$(`#pt-req-${before - 1}`).getValue(), 'Surat keterangan bebas narkoba', 'moved up one place');
    await screenshot(browser, 'admin-catalogue-editor');
    await browser.$('#pt-save').click();
    await textMatches(browser, '#pt-message', /SIPD tersimpan/);
    const saved = JSON.parse(cli(db, '--json', 'permit-type', 'show', 'SIPD'));
    assert.equal(saved.number_template, '{klasifikasi}/{seq:4}/{kode}/{yyyy}');
    assert.equal(saved.requirements.length, before + 1);
    assert.equal(saved.requirements[before - 1].label, 'Surat keterangan bebas narkoba');
  });

  test('the catalogue: a type in use is refused deletion with the reason, and is retired instead', async () => {
    await browser.$('#pt-delete').click();
    await textMatches(browser, '#pt-message', /SIPD is used by cases/);
    await browser.$('#pt-back').click();
    await browser.$('#pt-table [data-open="SKP"]').click();
    await browser.$('#pt-retire').waitForClickable({ timeout: 10_000 });
    await browser.$('#pt-retire').click();
    await browser.$('#pt-table tr[data-code="SKP"][data-active="false"]').waitForExist({ timeout: 10_000 });
    assert.match(await browser.$('#pt-notice').getText(), /SKP dihentikan/);
    assert.equal(JSON.parse(cli(db, '--json', 'permit-type', 'show', 'SKP')).active, false);
  });

  test('the catalogue: a new type is created with its first number previewed, and deleted while unused', async () => {
    await browser.$('#pt-new').click();
    await browser.$('#pt-code').setValue('SIPX');
    await textMatches(browser, '#pt-preview', /^503\/0001\/SIPX\//);
    await browser.$('#pt-save').click();
    await textMatches(browser, '#pt-name-message', /nama izin/);
    await browser.$('#pt-name').setValue('Izin Percobaan');
    await browser.$('#pt-title').setValue('SURAT IZIN PERCOBAAN');
    await browser.$('#pt-req-0').setValue('Surat permohonan');
    await browser.$('#pt-save').click();
    await textMatches(browser, '#pt-message', /SIPX tersimpan/);
    assert.equal(JSON.parse(cli(db, '--json', 'permit-type', 'show', 'SIPX')).requirements.length, 1);
    await browser.$('#pt-delete').click();
    await textMatches(browser, '#pt-notice', /SIPX dihapus/);
    assert.equal(await browser.$('#pt-table tr[data-code="SIPX"]').isExisting(), false);
  });

  test('the calendar: a new holiday lists the open cases whose due date moved', async () => {
    const running = JSON.parse(cli(db, '--json', 'case', 'list'))
      .filter((/** @type {any} */ c) => (c.status === 'verified' || c.status === 'in_review') && c.due_date);
    const latest = running.map((/** @type {any} */ c) => c.due_date).sort().at(-1);
    assert.ok(latest, 'the demo has cases whose clock runs');
    await openTab(browser, 'calendar');
    await setInput(browser, '#hol-year', latest.slice(0, 4));
    await browser.$(`body[data-holiday-year="${latest.slice(0, 4)}"]`).waitForExist({ timeout: 10_000 });
    await screenshot(browser, 'admin-calendar');
    await browser.$('#hol-day').setValue(latest.split('-').reverse().join('-'));
    await textMatches(browser, '#hol-day-message', /\d{4}$/);
    await browser.$('#hol-name').setValue('Hari Jadi Kabupaten');
    await browser.$('#hol-save').click();
    await browser.$('#moved-cases').waitForExist({ timeout: 10_000 });
    const moved = Number(await browser.$('#moved-cases').getAttribute('data-count'));
    assert.ok(moved >= 1, 'at least the case due that day moved');
    const shouldMove = running.filter((/** @type {any} */ c) => c.due_date === latest)[0].registration_number;
    assert.ok(await browser.$(`#moved-cases tr[data-case="${shouldMove}"]`).isExisting(), `${shouldMove} is listed`);
    assert.ok(await browser.$(`#hol-table tr[data-day="${latest}"]`).isExisting());
    await screenshot(browser, 'admin-calendar-moved');
  });

  test('users: a deactivation, a refused weak password beside its field, a reset, and the last admin kept', async () => {
    await openTab(browser, 'users');
    await browser.$('[data-toggle="keliling1"]').click();
    await browser.$('#users-table tr[data-username="keliling1"][data-active="false"]').waitForExist({ timeout: 10_000 });
    await browser.$('[data-reset="loket1"]').click();
    await browser.$('#reset-password').setValue('pendek');
    await browser.$('#reset-save').click();
    await textMatches(browser, '#reset-password-message', /^Terlalu pendek: kata sandi minimal 10 karakter\.$/);
    assert.equal(await browser.$('#reset-password').getAttribute('aria-invalid'), 'true');
    await screenshot(browser, 'admin-users-weak');
    await browser.$('#reset-password').setValue('loket-baru-2026');
    await browser.$('#reset-save').click();
    await textMatches(browser, '#users-message', /Kata sandi loket1 diatur ulang/);
    await browser.$('#role-admin').selectByAttribute('value', 'clerk');
    await textMatches(browser, '#users-message', /admin aktif terakhir/);
    assert.equal(await browser.$('#role-admin').getValue(), 'admin');
    await screenshot(browser, 'admin-users');
    assert.match(cli(db, '--json', '--as', 'admin', 'user', 'list'), /"keliling1"[^}]*"active": false/s);
  });

  test('the audit log filters by user and the chain verifies', async () => {
    await openTab(browser, 'audit');
    await browser.$('body[data-audit-loaded]').waitForExist({ timeout: 10_000 });
    await browser.$('#audit-user').selectByAttribute('value', 'admin');
    await browser.$('#audit-show').click();
    await browser.$('body[data-audit-loaded]').waitForExist({ timeout: 10_000 });
    const actors = await browser.execute(() =>
      [...document.querySelectorAll('#audit-table tbody tr')].map((r) => /** @type {HTMLElement} */ (r).dataset.actor));
    assert.ok(actors.length > 0);
    assert.ok(actors.every((a) => a === 'admin'), `only the admin's rows: ${actors}`);
    assert.ok(await browser.$('//td[normalize-space()="user.deactivate"]').isExisting());
    const asked = Date.now();
    await browser.$('#audit-verify-button').click();
    await browser.$('#audit-verify[data-ok="true"]').waitForExist({ timeout: 10_000 });
    console.log(`chain verified in the window in ${Date.now() - asked} ms`);
    await screenshot(browser, 'admin-audit');
    await openTab(browser, 'office');
    await screenshot(browser, 'admin-office');
    await openTab(browser, 'catalogue');
    await browser.$('#language-toggle').click();
    await browser.$('#admin-tab-catalogue=Permit catalogue').waitForExist({ timeout: 10_000 });
    await browser.$('body[data-admin-ready="catalogue"]').waitForExist({ timeout: 10_000 });
    await browser.$('#pt-table [data-open="SIPA"]').click();
    await textMatches(browser, '#pt-preview', /SIPA/);
    await screenshot(browser, 'admin-catalogue-editor-en');
    await browser.$('#language-toggle').click();
    await browser.$('#admin-tab-catalogue=Katalog izin').waitForExist({ timeout: 10_000 });
  });

  test('an old case event altered on disk while the app is closed: verify names the broken row', async () => {
    await app?.close();
    app = undefined;
    const id = Number(execFileSync('sqlite3', [db, 'SELECT min(id) + 3 FROM case_events'], { encoding: 'utf8' }).trim());
    execFileSync('sqlite3', [db, `UPDATE case_events SET reason = 'diubah diam-diam' WHERE id = ${id}`]);
    app = await launchApp(db, 'admin-reopened');
    browser = app.browser;
    await signIn(browser, 'admin', ADMIN_PASSWORD);
    await browser.$('#settings-button').click();
    await browser.$('body[data-screen="admin"]').waitForExist({ timeout: 10_000 });
    await openTab(browser, 'audit');
    await browser.$('#audit-verify-button').click();
    await browser.$('#audit-verify[data-ok="false"]').waitForExist({ timeout: 10_000 });
    const text = await browser.$('#audit-verify').getText();
    assert.match(text, new RegExp(`Peristiwa berkas: baris ${id} mata rantai pertama yang putus: isinya diubah`));
    assert.match(text, /Perubahan admin: \d+ baris, semua mata rantai utuh/);
    await screenshot(browser, 'admin-audit-broken');
  });
});
