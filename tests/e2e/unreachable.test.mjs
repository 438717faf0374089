// A desk whose office server cannot be reached when the app starts: the window opens anyway, says so in
// Indonesian, keeps asking the server every few seconds, and offers the connection form (another address,
// or this computer's own register) instead of leaving the desk stuck.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchApp, screenshot } from './harness.mjs';
import './ui.mjs';

/** Nothing listens on port 1 of this machine. */
const NOWHERE = 'postgres://petromaks_app@127.0.0.1:1/petromaks?sslmode=disable';

/** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
let app;

before(async () => {
  app = await launchApp(NOWHERE, 'unreachable');
});

after(async () => {
  await app?.close();
});

test('an unreachable server at start: a clear message, retries, and the connection form', async () => {
  const { browser } = /** @type {NonNullable<typeof app>} */ (app);
  const panel = await browser.$('#app-error[data-code="db_unavailable"]');
  await panel.waitForExist({ timeout: 30_000 });
  assert.match(await browser.$('#startup-retrying').getText(), /mencoba lagi setiap beberapa detik/);
  assert.ok((await panel.getText()).includes('127.0.0.1:1'), 'the address is named, without a password');
  await screenshot(browser, 'startup-unreachable');
  await browser.$('#open-connection').click();
  await browser.$('body[data-screen="connection"][data-connection-form="ready"]').waitForExist({ timeout: 10_000 });
  assert.match(await browser.$('#conn-in-use').getText(), /postgres:\/\/petromaks_app@127\.0\.0\.1:1\/petromaks/);
  assert.equal(await browser.$('#conn-host').getValue(), '127.0.0.1');
  assert.equal(await browser.$('#conn-port').getValue(), '1');
  await screenshot(browser, 'startup-connection-form');
});
