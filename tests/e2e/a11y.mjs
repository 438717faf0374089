// Accessibility as a test: axe-core checks the screen on show. Its source is read from node_modules and
// injected through WebDriver's Execute Script, which runs it in the page from the driver: the window's
// strict CSP (no inline script, no eval) does not stand in its way, and the app ships no test code.
// Every violation is printed per screen and written to target/axe/<screen>.json; a serious or critical
// one fails the test that showed the screen.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a test; moderate and minor ones are reported only. */
export const FAILING = new Set(['serious', 'critical']);

/**
 * @typedef {object} Violation
 * @property {string} id the axe rule
 * @property {string | null} impact
 * @property {string} help
 * @property {{ target: string, html: string, summary: string }[]} nodes
 */

/**
 * Runs axe-core on the page now on show.
 * @param {WebdriverIO.Browser} browser
 * @returns {Promise<Violation[]>}
 */
export async function axeViolations(browser) {
  await browser.setTimeout({ script: 120_000 });
  const present = await browser.execute(() => typeof (/** @type {any} */ (window)).axe?.run === 'function');
  if (!present) await browser.execute(`${AXE_SOURCE}\nreturn true;`);
  const answer = await browser.executeAsync((done) => {
    /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] }).then(
      (/** @type {any} */ r) => done(JSON.stringify(r.violations.map((/** @type {any} */ v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((/** @type {any} */ n) => ({
          target: n.target.join(' '),
          html: String(n.html).slice(0, 200),
          summary: String(n.failureSummary ?? ''),
        })),
      })))),
      (/** @type {any} */ e) => done(JSON.stringify({ error: String(e?.message ?? e) })));
  });
  const parsed = JSON.parse(/** @type {string} */ (answer));
  if (!Array.isArray(parsed)) throw new Error(`axe-core did not run: ${parsed.error}`);
  return parsed;
}

/**
 * Checks the screen on show: prints what axe found, keeps it under target/axe/, and throws when a
 * violation is serious or critical.
 * @param {WebdriverIO.Browser} browser
 * @param {string} screen a name for the report (the screenshot's)
 * @param {string} dir where the reports go
 */
export async function checkAccessibility(browser, screen, dir) {
  const violations = await axeViolations(browser);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${screen}.json`), `${JSON.stringify(violations, null, 2)}\n`);
  const failing = violations.filter((v) => FAILING.has(v.impact ?? ''));
  const line = violations.length === 0
    ? 'no violation'
    : violations.map((v) => `${v.impact ?? 'unknown'} ${v.id} ×${v.nodes.length}`).join(', ');
  console.log(`axe ${screen}: ${failing.length} serious or critical; ${line}`);
  if (failing.length > 0) {
    const detail = failing.map((v) => `${v.impact} ${v.id} (${v.help}):\n${v.nodes.map((n) =>
      `    ${n.target}\n      ${n.summary.replaceAll('\n', '\n      ')}`).join('\n')}`).join('\n');
    throw new Error(`axe-core found ${failing.length} serious or critical violation(s) on ${screen}:\n${detail}`);
  }
}
