// Keystroke to rendered results in the window's case list, on a register of any size: figures to read
// (p50/p95 per kind of search, milliseconds), never a test. The real app (release build) runs on REGISTER
// under the e2e harness; for each sample case and each kind of search the last key of the text is "typed"
// (the box gets the text and its input event) and the time runs until the list has been replaced and the
// next frame starts ("frame": it lays out and paints the new rows), and until the frame after it starts
// ("drawn": the rows are on screen).
//
//     cargo build --release -p petromaks-desktop -p petromaks --bins
//     xvfb-run -a -s '-screen 0 1366x768x24' node bench/window_search.mjs REGISTER [USER] [PASSWORD]
//
// USER defaults to admin and PASSWORD to PETROMAKS_PASSWORD. The samples are 30 cases spread over the
// register's years, read with the CLI (`case show`).

import { execFileSync } from 'node:child_process';

process.env.PETROMAKS_E2E_PROFILE = 'release';
const { CLI, launchApp } = await import('../tests/e2e/harness.mjs');
const { signIn } = await import('../tests/e2e/ui.mjs');

const [register, user = 'admin', password = process.env.PETROMAKS_PASSWORD] = process.argv.slice(2);
if (!register || !password) {
  console.error('usage: node bench/window_search.mjs REGISTER [USER] [PASSWORD] (or PETROMAKS_PASSWORD)');
  process.exit(2);
}

/** @param {string[]} args */
const cli = (...args) => JSON.parse(execFileSync(CLI, ['--db', register, '--json', ...args], { encoding: 'utf8' }));

/** Up to `n` cases spread over the register: the newest case's number names the years and their sizes. */
function samples(n) {
  const newest = cli('case', 'list', '--limit', '1')[0];
  const [, lastYear, lastSerial] = /^REG-(\d{4})-(\d+)$/.exec(newest.registration_number) ?? [];
  const out = [];
  let seed = 7;
  const next = (below) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % below;
  };
  for (let k = 0; out.length < n && k < n * 4; k += 1) {
    const year = Number(lastYear) - next(10);
    const serial = 1 + next(Number(lastSerial));
    const number = `REG-${year}-${String(serial).padStart(6, '0')}`;
    try {
      const { applicant } = cli('case', 'show', number);
      out.push({ number, name: applicant?.name, nik: applicant?.nik });
    } catch {
      // no such number in that year: try another
    }
  }
  return out.filter((s) => s.name && s.nik);
}

/** A four-letter part from the middle of the name's longest word, as the core bench types it. */
function middleOf(name) {
  const word = name.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  const from = Math.max(0, Math.floor((word.length - 4) / 2));
  return word.slice(from, from + 4);
}

const KINDS = {
  name_word: (s) => s.name.split(/\s+/).at(-1).toLowerCase(),
  name_middle_of_word: (s) => middleOf(s.name),
  name_start: (s) => s.name.slice(0, 3),
  whole_name: (s) => s.name,
  nik_prefix: (s) => s.nik.slice(0, 6),
  registration_number: (s) => s.number,
  no_match: (_, k) => `zqxw${k}`,
};

function spread(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.round((sorted.length - 1) * p)];
  return { p50: Number(at(0.5).toFixed(1)), p95: Number(at(0.95).toFixed(1)), max: Number(at(1).toFixed(1)), n: sorted.length };
}

const picked = samples(30);
const app = await launchApp(register, 'window-search', { rendering: 'default' });
try {
  const { browser } = app;
  await browser.setTimeout({ script: 30_000 });
  await signIn(browser, user, password);
  await browser.$('#case-query').waitForExist({ timeout: 10_000 });
  /** @type {Record<string, unknown>} */
  const figures = { register, samples: picked.length };
  for (const [kind, typed] of Object.entries(KINDS)) {
    const times = [];
    const drawn = [];
    for (let round = 0; round < 2; round += 1) {
      for (const [k, s] of picked.entries()) {
        const text = typed(s, k);
        const ms = await browser.executeAsync((value, done) => {
          const input = /** @type {HTMLInputElement} */ (document.querySelector('#case-query'));
          const body = /** @type {HTMLElement} */ (document.querySelector('#cases-body'));
          const t0 = performance.now();
          const seen = new MutationObserver(() => {
            seen.disconnect();
            // The first frame after the list was replaced starts (it lays out and paints the rows); the
            // second starts once that one is on screen.
            requestAnimationFrame(() => {
              const frame = performance.now() - t0;
              requestAnimationFrame(() => done([frame, performance.now() - t0]));
            });
          });
          seen.observe(body, { childList: true, subtree: true });
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }, text);
        times.push(Number(ms[0]));
        drawn.push(Number(ms[1]));
      }
    }
    figures[kind] = { frame: spread(times), drawn: spread(drawn) };
  }
  console.log(JSON.stringify(figures, null, 2));
} finally {
  await app.close();
}
