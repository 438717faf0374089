// Data safety in the real window: a damaged register (garbage, truncated) is named, left untouched and
// restored from the latest good backup on one click; the Backups tab takes and restores a backup; the
// Import/Export tab checks a CSV line by line, imports a clean one all or nothing, and exports files; a
// long export shows its rows as they are written, and its Cancel leaves no file.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
  cli(db, '--as', 'admin', 'backup', '--dir', backups);
  const numbers = JSON.parse(cli(db, '--json', 'case', 'list')).map((/** @type {any} */ c) => c.registration_number);
  return { db, backups, numbers };
}

/**
 * Opens a tab of the administration area (admin) and waits for it to be drawn.
 * @param {WebdriverIO.Browser} browser
 * @param {string} tab
 */
async function openAdminTab(browser, tab) {
  await browser.$('#settings-button').click();
  await browser.$('body[data-screen="admin"]').waitForExist({ timeout: 10_000 });
  await browser.$(`#admin-tab-${tab}`).click();
  await browser.$(`body[data-admin-ready="${tab}"]`).waitForExist({ timeout: 10_000 });
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

describe('the Backups tab', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  let db = '';

  before(async () => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'kantor.sqlite');
    cli(db, 'init', '--office-name', 'DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU',
      '--admin-user', 'admin', '--admin-password', ADMIN_PASSWORD);
    cli(db, '--as', 'admin', 'demo', '--cases', '4');
    // The app's record of its last automatic backup: this one failed when the app last closed.
    writeFileSync(path.join(tmp.dir, 'kantor.last-backup.json'), JSON.stringify({
      at: '2026-11-27T09:30:00Z', trigger: 'close', ok: false, detail: '/media/usb/petromaks is not mounted',
    }));
    app = await launchApp(db, 'safety-backups');
    await signIn(app.browser, 'admin', ADMIN_PASSWORD);
  });

  after(async () => {
    await app?.close();
    tmp?.remove();
  });

  test('backup now adds a checked file to the list, and restoring it brings that moment back', async () => {
    const { browser } = /** @type {NonNullable<typeof app>} */ (app);
    const backups = path.join(tmp.dir, 'backups');
    await openAdminTab(browser, 'backups');
    assert.equal(await browser.$('#backups-folder').getText(), backups, 'beside the database by default');
    assert.ok(await browser.$('#backups-empty').isExisting(), 'no backup yet');
    const last = await browser.$('#backups-last');
    assert.equal(await last.getAttribute('data-ok'), 'false');
    assert.match(await last.getText(), /Gagal.*27 November 2026 .*saat aplikasi ditutup.*is not mounted/s);

    await browser.$('#backup-now').click();
    await browser.$('#backups-table tbody tr').waitForExist({ timeout: 15_000 });
    const names = backupNames(backups);
    assert.equal(names.length, 1, `one file in ${backups}`);
    const row = await browser.$(`#backups-table tr[data-backup="${names[0]}"]`);
    assert.match(await row.getText(), /Harian, mingguan, bulanan/);
    assert.match(await browser.$('#backups-message').getText(), new RegExp(names[0].replace(/\./g, '\\.')));
    await screenshot(browser, 'safety-backups');

    // A change made after the backup (another process, as the CLI at the same desk would).
    cli(db, '--as', 'admin', 'user', 'add', 'sesudah', '--name', 'Petugas Sesudah Cadangan', '--role', 'clerk',
      '--password', 'rahasia-sesudah-1');
    await browser.$(`[data-restore="${names[0]}"]`).click();
    await browser.$('#restore-confirm').waitForExist({ timeout: 5_000 });
    assert.match(await browser.$('#restore-confirm-box').getText(), /Pulihkan data dari cadangan ini\?/i);
    await screenshot(browser, 'safety-backups-confirm');
    await browser.$('#restore-confirm').click();
    // The window reloads after the restore: wait for the new page before signing in again.
    await browser.$('body[data-restored="true"]').waitForExist({ timeout: 10_000 });
    await browser.$('body[data-restored="true"]').waitForExist({ timeout: 15_000, reverse: true });
    await signIn(browser, 'admin', ADMIN_PASSWORD);
    const users = JSON.parse(cli(db, '--json', '--as', 'admin', 'user', 'list')).map((/** @type {any} */ u) => u.username);
    assert.ok(!users.includes('sesudah'), `the account made after the backup is gone: ${users}`);
    assert.ok(readdirSync(tmp.dir).some((n) => n.startsWith('kantor.sqlite.replaced-')), 'the replaced file is kept');

    // In English, and the admin's Import/Export screen says imports are a clerk's work.
    await browser.$('#language-toggle').click();
    await openAdminTab(browser, 'backups');
    await browser.$('#backup-now=Back up now').waitForExist({ timeout: 10_000 });
    await screenshot(browser, 'safety-backups-english');
    await openAdminTab(browser, 'transfer');
    await browser.$('#import-clerk-only').waitForExist({ timeout: 10_000 });
    await screenshot(browser, 'safety-transfer-admin');
    assert.equal(await browser.$('#import-check').isExisting(), false);
  });
});

describe('the Import/Export tab', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  let db = '';
  let docs = '';
  const header = 'nik,name,birth_place,address,village_code,phone,email,npwp,permit_type,channel,service_mode,received,fields';
  /** @param {number} i @param {string} [nik] */
  const row = (i, nik = `160701450890${String(i).padStart(4, '0')}`) =>
    `${nik},Pemohon Impor ${i},Pangkalan Balai,Jl. Merdeka ${i},16.07.01.2001,,,,,,,,`;

  before(async () => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'kantor.sqlite');
    docs = path.join(tmp.dir, 'Dokumen');
    cli(db, 'init', '--office-name', 'DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU',
      '--admin-user', 'admin', '--admin-password', ADMIN_PASSWORD);
    cli(db, '--as', 'admin', 'demo', '--cases', '3');
    mkdirSync(path.join(docs, 'impor'), { recursive: true });
    // Lines 3 and 5 are bad: a 15-digit NIK and a missing name.
    writeFileSync(path.join(docs, 'impor', 'a-salah.csv'),
      [header, row(1), '16070145089002,Pemohon Salah,Pangkalan Balai,Jl. Merdeka,16.07.01.2001,,,,,,,,', row(3),
        `${row(4).split(',')[0]},,Pangkalan Balai,Jl. Merdeka 4,16.07.01.2001,,,,,,,,`].join('\n') + '\n');
    writeFileSync(path.join(docs, 'impor', 'b-benar.csv'), [header, row(11), row(12), row(13)].join('\n') + '\n');
    process.env.PETROMAKS_DOCS_DIR = docs;
    app = await launchApp(db, 'safety-transfer');
    await signIn(app.browser, 'loket1', DEMO_PASSWORD);
  });

  after(async () => {
    delete process.env.PETROMAKS_DOCS_DIR;
    await app?.close();
    tmp?.remove();
  });

  test('a dry run names the bad lines and keeps confirm disabled; a clean file imports', async () => {
    const { browser } = /** @type {NonNullable<typeof app>} */ (app);
    await browser.$('#nav-transfer-view').click();
    await browser.$('body[data-screen="transfer"]').waitForExist({ timeout: 10_000 });
    await browser.$('#import-file').selectByAttribute('value', 'a-salah.csv');
    await browser.$('#import-check').click();
    await browser.$('#import-summary').waitForExist({ timeout: 10_000 });
    assert.equal(await browser.$('#import-summary').getAttribute('data-bad'), '2');
    const lines = await browser.execute(() =>
      [...document.querySelectorAll('#import-bad tbody tr')].map((r) => /** @type {HTMLElement} */ (r).dataset.line));
    assert.deepEqual(lines, ['3', '5']);
    assert.match(await browser.$('#import-bad').getText(), /NIK/);
    assert.equal(await browser.$('#import-confirm').isEnabled(), false, 'confirm stays disabled');
    await screenshot(browser, 'safety-import-bad');

    await browser.$('#import-file').selectByAttribute('value', 'b-benar.csv');
    await browser.$('#import-check').click();
    await browser.waitUntil(async () => (await browser.$('#import-summary').getAttribute('data-bad')) === '0', {
      timeout: 10_000,
      timeoutMsg: 'the clean file was not checked',
    });
    assert.equal(await browser.$('#import-confirm').isEnabled(), true);
    await browser.$('#import-confirm').click();
    await browser.$('#import-done').waitForExist({ timeout: 10_000 });
    assert.match(await browser.$('#import-done').getText(), /3 baris, 3 pemohon baru/);
    await screenshot(browser, 'safety-import-done');
    const nik = '1607014508900012';
    assert.match(cli(db, '--json', 'applicant', 'show', nik), /Pemohon Impor 12/);
  });

  test('export writes a CSV and an XLSX file into the documents folder', async () => {
    const { browser } = /** @type {NonNullable<typeof app>} */ (app);
    await browser.$('#export-what').selectByAttribute('value', 'applicants');
    await browser.$('#export-run').click();
    await browser.$('#export-path').waitForExist({ timeout: 10_000 });
    const csv = await browser.$('#export-path').getText();
    assert.ok(csv.startsWith(docs) && csv.endsWith('.csv'), csv);
    const written = readFileSync(csv, 'utf8');
    assert.match(written, /Pemohon Impor 13/);
    // The rows the message names are the file's (its header aside).
    const rows = written.trimEnd().split('\n').length - 1;
    assert.match(await browser.$('#export-message').getText(), new RegExp(`^Tersimpan \\(${rows} baris\\):`));
    assert.equal(await browser.$('#export-progress').isDisplayed(), false, 'the progress goes once the export is done');

    await browser.$('#export-what').selectByAttribute('value', 'cases');
    await browser.$('#export-format').selectByAttribute('value', 'xlsx');
    await browser.$('#export-run').click();
    await browser.waitUntil(async () => (await browser.$('#export-path').getText()).endsWith('.xlsx'), {
      timeout: 10_000,
      timeoutMsg: 'no XLSX path shown',
    });
    const xlsx = await browser.$('#export-path').getText();
    assert.ok(existsSync(xlsx), xlsx);
    assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), 'PK', 'an XLSX is a zip');
    await screenshot(browser, 'safety-export');
  });
});

describe('a long export', () => {
  /** @type {ReturnType<typeof tempDir>} */
  let tmp;
  /** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
  let app;
  let docs = '';
  // The core reports every 10,000 rows: 30,000 cases give reports while an XLSX is written (about 3 s in
  // a debug build), time enough to press Cancel after the first.
  const CASES = 30_000;

  before(async () => {
    tmp = tempDir();
    const db = path.join(tmp.dir, 'kantor.sqlite');
    docs = path.join(tmp.dir, 'Dokumen');
    cli(db, 'init', '--office-name', 'DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU',
      '--admin-user', 'admin', '--admin-password', ADMIN_PASSWORD);
    cli(db, '--as', 'admin', 'demo', '--cases', String(CASES));
    process.env.PETROMAKS_DOCS_DIR = docs;
    app = await launchApp(db, 'safety-long-export');
    await signIn(app.browser, 'loket1', DEMO_PASSWORD);
  });

  after(async () => {
    delete process.env.PETROMAKS_DOCS_DIR;
    await app?.close();
    tmp?.remove();
  });

  /**
   * Starts an XLSX export of the cases and waits for its first report of rows written.
   * @param {WebdriverIO.Browser} browser
   */
  async function startLongExport(browser) {
    await browser.$('#export-what').selectByAttribute('value', 'cases');
    await browser.$('#export-format').selectByAttribute('value', 'xlsx');
    await browser.$('#export-run').click();
    await browser.waitUntil(async () => Number(await browser.$('#export-progress').getAttribute('data-done')) >= 10_000, {
      timeout: 60_000,
      interval: 50,
      timeoutMsg: 'no rows reported',
    });
  }

  test('the rows written show of the total, and Cancel stops the export with no file', async () => {
    const { browser } = /** @type {NonNullable<typeof app>} */ (app);
    await browser.$('#nav-transfer-view').click();
    await browser.$('body[data-screen="transfer"]').waitForExist({ timeout: 10_000 });
    await startLongExport(browser);
    const cancelled = Date.now();
    await browser.$('#export-cancel').click();
    await browser.$('#export-message[data-state="cancelled"]').waitForExist({ timeout: 30_000, interval: 50 });
    console.log(`export cancel: click to "cancelled" ${Date.now() - cancelled} ms`);
    assert.match(await browser.$('#export-message').getText(), /Ekspor dibatalkan: tidak ada berkas/);
    assert.deepEqual(existsSync(docs) ? readdirSync(docs) : [], [], 'no file, not even the half-written one');
    assert.equal(await browser.$('#export-run').isEnabled(), true, 'another export may start');
    await screenshot(browser, 'safety-export-cancelled');
  });

  test('a long export runs to the end and writes every row', async () => {
    const { browser } = /** @type {NonNullable<typeof app>} */ (app);
    await startLongExport(browser);
    assert.match(await browser.$('#export-progress-text').getText(),
      /^\d{1,3}(\.\d{3})* dari 30\.000 baris$|^Semua 30\.000 baris tertulis; menyelesaikan berkas/);
    assert.equal(await browser.$('#export-cancel').isDisplayed(), true);
    // Still running for most of the pause the screenshot takes: the picture of the progress.
    await screenshot(browser, 'safety-export-progress');
    await browser.$('#export-path').waitForExist({ timeout: 60_000 });
    assert.match(await browser.$('#export-message').getText(), /^Tersimpan \(30\.000 baris\):/);
    const xlsx = await browser.$('#export-path').getText();
    assert.deepEqual(readdirSync(docs), [path.basename(xlsx)], 'the file and no part file beside it');
    const sheet = execFileSync('unzip', ['-p', xlsx, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    assert.equal(sheet.split('<row ').length - 1, CASES + 1, 'the header and every case');
  });
});
