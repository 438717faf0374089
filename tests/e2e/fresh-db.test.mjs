// A database file that does not exist yet: the app creates it and asks for first-run setup in the window.

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { ROOT, cli, launchApp, screenshot, tempDir } from './harness.mjs';
import { signIn } from './ui.mjs';

/** @type {ReturnType<typeof tempDir>} */
let tmp;
/** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
let app;
let db = '';
let docs = '';

before(async () => {
  tmp = tempDir();
  db = path.join(tmp.dir, 'new-office', 'petromaks.sqlite');
  docs = path.join(tmp.dir, 'Dokumen');
  process.env.PETROMAKS_DOCS_DIR = docs;
  app = await launchApp(db);
});

after(async () => {
  delete process.env.PETROMAKS_DOCS_DIR;
  await app?.close();
  tmp?.remove();
});

test('a new database asks for first-run setup, which signs the first admin in', async () => {
  const { browser } = /** @type {NonNullable<typeof app>} */ (app);
  await browser.$('body[data-screen="setup"]').waitForExist({ timeout: 30_000 });
  assert.ok(existsSync(db), 'the app created the database file');
  assert.equal(await browser.$('#setup-title').getText(), 'Penyiapan awal kantor');
  // The profile starts from the example; a wrong NIP is shown beside its field and nothing is saved.
  const nip = await browser.$('#setup-head_nip');
  await nip.setValue('123');
  await browser.$('#setup-username').setValue('admin');
  await browser.$('#setup-full_name').setValue('Admin Kantor');
  await browser.$('#setup-password').setValue('rahasia-e2e-123');
  await screenshot(browser, 'setup');
  await browser.keys('Enter');
  await browser.waitUntil(async () => (await browser.$('#setup-head_nip-message').getText()) !== '', {
    timeout: 10_000,
    timeoutMsg: 'no message beside the NIP field',
  });
  assert.equal(await browser.$('#setup-head_nip').getAttribute('aria-invalid'), 'true');
  // Said in Indonesian, with the core's English explanation kept as detail.
  assert.match(await browser.$('#setup-head_nip-message').getText(), /^Isian NIP.* tidak valid\. \(Rincian: .+\)$/);
  await screenshot(browser, 'setup-invalid');
  await nip.setValue('196805121990031007');
  await browser.$('#setup-save').click();
  // The last step: the office logo (a scanned logo.png left in the documents folder, the dialog's stand-in).
  await browser.$('body[data-screen="setup-logo"]').waitForExist({ timeout: 15_000 });
  assert.notEqual(await browser.$('.brand-logo').getAttribute('data-office'), 'true', 'no office logo yet');
  mkdirSync(docs, { recursive: true });
  copyFileSync(path.join(ROOT, 'icons', '128x128.png'), path.join(docs, 'logo.png'));
  await browser.$('#logo-from-documents').click();
  await browser.$('.brand-logo[data-office="true"]').waitForExist({ timeout: 10_000 });
  await screenshot(browser, 'setup-logo');
  await browser.$('#setup-logo-next').click();
  await browser.$('body[data-user="admin"][data-cases-loaded="true"]').waitForExist({ timeout: 15_000 });
  assert.equal(await browser.$('#cases-empty').getText(), 'Belum ada permohonan.');
  assert.match(await browser.$('#current-user').getText(), /Admin Kantor\s*Administrator/);
  assert.equal(await browser.$('#office-name').getText(), 'DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU');
  // The CLI sees the office and the admin the window created.
  assert.deepEqual(JSON.parse(cli(db, '--json', 'case', 'list')), []);
  assert.match(cli(db, '--as', 'admin', 'user', 'list'), /admin/);
});

test('sign out, then a wrong password is refused and the right one lets the admin in', async () => {
  const { browser } = /** @type {NonNullable<typeof app>} */ (app);
  await browser.$('#signout-button').click();
  await browser.$('body[data-screen="signin"]').waitForExist({ timeout: 10_000 });
  assert.equal(await browser.$$('#cases-table').length, 0);
  // The language switch retranslates the sign-in form in place, keeping what was typed.
  await browser.$('#signin-username').setValue('admin');
  await browser.$('#language-toggle').click();
  await browser.waitUntil(async () => (await browser.$('label[for="signin-username"]').getText()) === 'Username', {
    timeout: 5_000,
    timeoutMsg: 'the sign-in form stayed in Indonesian',
  });
  assert.equal(await browser.$('#signin-submit').getText(), 'Sign in');
  assert.equal(await browser.$('#signin-username').getValue(), 'admin');
  await browser.$('#language-toggle').click();
  await browser.waitUntil(async () => (await browser.$('label[for="signin-username"]').getText()) === 'Nama pengguna', {
    timeout: 5_000,
  });
  await browser.$('#signin-username').setValue('admin');
  await browser.$('#signin-password').setValue('salah');
  await browser.keys('Enter');
  await browser.waitUntil(async () => (await browser.$('#signin-message').getText()) !== '', { timeout: 10_000 });
  assert.equal(await browser.$('#signin-message').getText(), 'Nama pengguna atau kata sandi salah.');
  await screenshot(browser, 'signin-wrong');
  await signIn(browser, 'admin', 'rahasia-e2e-123');
});

test('the admin adds a clerk and changes the office phone in the administration area', async () => {
  const { browser } = /** @type {NonNullable<typeof app>} */ (app);
  await browser.$('#settings-button').click();
  await browser.$('body[data-screen="admin"]').waitForExist({ timeout: 10_000 });
  await browser.$('#admin-tab-users').click();
  await browser.$('body[data-admin-ready="users"]').waitForExist({ timeout: 10_000 });
  assert.ok(await browser.$('#users-table tr[data-username="admin"]').isExisting());
  await browser.$('#user-add-card summary').click();
  await browser.$('#user-username').setValue('loket2');
  await browser.$('#user-full_name').setValue('Siti Aminah');
  await browser.$('#user-role').selectByAttribute('value', 'clerk');
  await browser.$('#user-password').setValue('rahasia-loket-2');
  await browser.$('#user-add').click();
  await browser.$('#users-table tr[data-username="loket2"]').waitForExist({ timeout: 10_000 });
  assert.match(await browser.$('#users-table tr[data-username="loket2"]').getText(), /Siti Aminah\s*Petugas loket/);
  await browser.$('#admin-tab-office').click();
  await browser.$('body[data-admin-ready="office"]').waitForExist({ timeout: 10_000 });
  await browser.$('#office-phone').setValue('(0711) 1234567');
  await browser.$('#office-save').click();
  await browser.waitUntil(async () => (await browser.$('#office-message').getText()) === 'Profil kantor tersimpan.', {
    timeout: 10_000,
  });
  await screenshot(browser, 'settings');
  assert.match(cli(db, '--as', 'admin', 'user', 'list'), /loket2/);
});
