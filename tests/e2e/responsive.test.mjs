// Long jobs never freeze the window: while a batch of more than 500 certificates is being printed, a search
// from the case list answers at once (the batch prepares its certificates from a snapshot on its own
// connection; only the short logging step at the end writes).

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { cli, launchApp, tempDir } from './harness.mjs';
import { signIn } from './ui.mjs';

/** @type {ReturnType<typeof tempDir>} */
let tmp;
/** @type {Awaited<ReturnType<typeof launchApp>> | undefined} */
let app;

before(async () => {
  tmp = tempDir();
  const db = path.join(tmp.dir, 'busy.sqlite');
  cli(db, 'init', '--admin-password', 'kata-sandi-admin1');
  // Four statuses in eleven carry a permit: 1,400 demo cases give more than 500 certificates.
  cli(db, '--as', 'admin', 'demo', '--cases', '1400');
  // As the app draws on an office PC: without WebKit's compositing.
  app = await launchApp(db, undefined, { rendering: 'default' });
  await signIn(app.browser, 'loket1', 'petromaks-demo');
});

after(async () => {
  await app?.close();
  tmp?.remove();
});

test('a search answers while a batch of more than 500 certificates is printed', async () => {
  const { browser } = /** @type {NonNullable<typeof app>} */ (app);
  await browser.setTimeout({ script: 600_000 });
  const result = await browser.executeAsync((done) => {
    const tauri = /** @type {any} */ (window).__TAURI__;
    const progress = new tauri.core.Channel();
    let total = 0;
    let prepared = 0;
    let finished = false;
    /** @type {number[]} */
    const searches = [];
    progress.onmessage = (/** @type {{ done: number, total: number }} */ p) => {
      prepared = p.done;
      total = p.total;
    };
    const batch = tauri.core
      .invoke('print_batch', {
        selection: { by: 'issued_between', from: '2000-01-01', to: '2100-12-31' },
        onProgress: progress,
      })
      .then(() => { finished = true; }, (/** @type {any} */ e) => { finished = true; searches.push(-1); console.error(e); });
    const search = async () => {
      // Search a few times once the batch is well under way, each from a keystroke's query.
      while (!finished && prepared < 50) await new Promise((r) => setTimeout(r, 20));
      for (const query of ['siti', 'REG-2026-0001', '16070', 'wijaya']) {
        if (finished) break;
        const t0 = performance.now();
        await tauri.core.invoke('list_cases', { filter: { query, limit: 50 } });
        searches.push(performance.now() - t0);
      }
      return { during: !finished, prepared, total };
    };
    search().then(async (s) => {
      await batch;
      done({ ...s, searches, total });
    });
  });
  console.log(`# batch of ${result.total} certificates; searches during it took ${result.searches.map((/** @type {number} */ t) => `${t.toFixed(0)} ms`).join(', ')} (prepared ${result.prepared} when the last one answered)`);
  assert.ok(result.total > 500, `only ${result.total} certificates in the batch`);
  assert.ok(!result.searches.includes(-1), 'the batch failed');
  assert.equal(result.searches.length, 4, 'every search answered');
  assert.ok(result.during, 'the searches answered while the batch was still being made');
  assert.ok(Math.max(...result.searches) < 200, `a search took ${Math.max(...result.searches).toFixed(0)} ms`);
});
