// End-to-end harness: a temporary database filled by the CLI, a headless display, tauri-driver (which starts
// WebKitWebDriver and the real app) and a webdriverio session on the app's window.
//
// Each launch picks two free ports for tauri-driver and WebKitWebDriver (instead of the fixed 4444/4445), so a
// second checkout testing on the same machine does not collide; the files still run one at a time
// (`node --test --test-concurrency=1 tests/e2e`) to keep the load of one app at a time. tauri-driver is stopped
// with SIGTERM, never SIGKILL, so it can stop WebKitWebDriver too.

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { remote } from 'webdriverio';

import { checkAccessibility } from './a11y.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(ROOT, 'target');
// The tests run the debug build; a measurement (bench/window_search.mjs) asks for the release build.
const PROFILE = process.env.PETROMAKS_E2E_PROFILE === 'release' ? 'release' : 'debug';
export const CLI = path.join(TARGET, PROFILE, 'petromaks');
export const APP = path.join(TARGET, PROFILE, 'petromaks-desktop');
export const SCREENSHOTS = path.join(TARGET, 'screenshots');
export const LOGS = path.join(TARGET, 'e2e-logs');
export const AXE = path.join(TARGET, 'axe');


/**
 * Runs the petromaks CLI on a database and returns its standard output.
 * @param {string} db
 * @param {string[]} args
 */
export function cli(db, ...args) {
  return execFileSync(CLI, ['--db', db, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * The registration number in what `case register --json` printed (the case, beside its receipt and
 * warnings).
 * @param {string} output
 * @returns {string}
 */
export function registeredNumber(output) {
  const registered = JSON.parse(output);
  return (registered.case ?? registered).registration_number;
}

/** A fresh temporary directory, removed by the returned `remove()`. */
export function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'petromaks-e2e-'));
  return {
    dir,
    remove() {
      // The webview's helper processes can still be writing for a moment after the session ends; a temp
      // folder left behind is not a test failure.
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (error) {
        console.warn(`could not remove ${dir}: ${error}`);
      }
    },
  };
}

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Waits for a child to exit, up to `timeoutMs`; true if it did. */
function exited(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Makes sure there is an X display: the one from the environment (xvfb-run), or an Xvfb of our own.
 * @returns {Promise<{ stop: () => Promise<void> }>}
 */
export async function ensureDisplay() {
  if (process.env.DISPLAY) return { stop: async () => {} };
  const number = 90 + Math.floor(Math.random() * 400);
  const xvfb = spawn('Xvfb', [`:${number}`, '-screen', '0', '1366x768x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  await waitFor('Xvfb', () => existsSync(`/tmp/.X11-unix/X${number}`), 10_000);
  process.env.DISPLAY = `:${number}`;
  return {
    stop: async () => {
      xvfb.kill('SIGTERM');
      await exited(xvfb, 5_000);
      delete process.env.DISPLAY;
    },
  };
}

/**
 * Processes of the app binary started with `PETROMAKS_DB=db` (Linux /proc): the app this test launched,
 * and nothing else.
 * @param {string} db
 * @returns {number[]}
 */
function appProcesses(db) {
  const marker = `PETROMAKS_DB=${db}`;
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/exe`) !== APP) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/**
 * Ends (SIGTERM, by pid) an app this test launched that outlived its WebDriver session. Seldom needed, but
 * a survivor would keep its output pipes open and hang the test runner.
 * @param {string} db
 */
async function stopStrayApp(db) {
  const stray = appProcesses(db);
  if (stray.length === 0) return;
  console.warn(`the app outlived its session (pid ${stray.join(', ')}); sending SIGTERM`);
  for (const pid of stray) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await waitFor('the app to exit', () => appProcesses(db).length === 0, 10_000);
}

/**
 * Starts tauri-driver with extra environment for the app (e.g. `PETROMAKS_DB`) and waits for its port.
 * Its output (and WebKitWebDriver's and the app's) goes to a log file under target/e2e-logs/, never to our
 * own pipes, which a lingering child could hold open.
 * @param {Record<string, string>} env
 * @param {string} logName
 */
export async function startDriver(env, logName = 'tauri-driver') {
  if (!existsSync(APP)) throw new Error(`${APP} is missing: run cargo build -p petromaks-desktop`);
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  mkdirSync(LOGS, { recursive: true });
  const logFile = path.join(LOGS, `${logName}.log`);
  const log = openSync(logFile, 'w');
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const failed = new Promise((_, reject) => {
    driver.once('error', reject);
    driver.once('exit', (code) => reject(new Error(`tauri-driver exited early (${code}); see ${logFile}`)));
  });
  await Promise.race([waitFor(`tauri-driver on port ${port}`, () => portOpen(port), 30_000), failed]);
  failed.catch(() => {});
  driver.removeAllListeners('exit');
  return {
    port,
    async stop() {
      driver.kill('SIGTERM');
      if (!(await exited(driver, 15_000))) {
        console.error('tauri-driver did not stop within 15 s after SIGTERM; leaving it (no SIGKILL)');
      }
      await waitFor('WebKitWebDriver to release its port', async () => !(await portOpen(nativePort)), 10_000);
    },
  };
}

/**
 * Opens a WebDriver session on the app's main window through the tauri-driver on `port`.
 * @param {number} port
 */
export function openSession(port) {
  return remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'warn',
    connectionRetryCount: 0,
    capabilities: {
      browserName: 'wry',
      'tauri:options': { application: APP },
      'wdio:enforceWebDriverClassic': true,
    },
  });
}

/** How many times a launch is tried before the test fails (see `launchApp`). */
const LAUNCH_ATTEMPTS = 3;

/**
 * Starts everything for one test file: display, driver with `PETROMAKS_DB=db` and private XDG folders,
 * session. `close()` ends them all, the app included.
 *
 * The window draws with WebKit's compositing here unless `rendering` is 'default' (the app turns it off:
 * src-tauri/src/rendering.rs). Without compositing WebKitWebDriver's screenshot never answers once a key
 * was sent by a WebDriver action (WebKitGTK 2.50), and most tests type; the case list's tests and the
 * window bench run as the app does.
 * @param {string} db
 * @param {string} [logName] name of the driver's log file under target/e2e-logs/
 * @param {{ rendering?: 'default' | 'composited' }} [options]
 */
export async function launchApp(db, logName = path.basename(db, '.sqlite'), { rendering = 'composited' } = {}) {
  // The webview keeps local storage (the language choice) under the XDG data folder: give every run its
  // own, so no test sees what an earlier one left behind. (The cache folder stays shared: Mesa's shader
  // cache is harmless there and written until the last helper process exits.)
  const home = tempDir();
  const env = {
    PETROMAKS_DB: db,
    XDG_DATA_HOME: path.join(home.dir, 'data'),
    XDG_CONFIG_HOME: path.join(home.dir, 'config'),
    ...(rendering === 'composited' ? { PETROMAKS_COMPOSITING: '1' } : {}),
  };
  const display = await ensureDisplay();
  // Under load WebKitWebDriver is sometimes not listening yet when the session is asked for (the request
  // fails with a socket error before the app starts): start over, a few times, before calling it a failure.
  for (let attempt = 1; ; attempt += 1) {
    /** @type {Awaited<ReturnType<typeof startDriver>> | undefined} */
    let driver;
    try {
      driver = await startDriver(env, attempt === 1 ? logName : `${logName}-attempt-${attempt}`);
      const browser = await openSession(driver.port);
      const started = driver;
      return {
        browser,
        async close() {
          try {
            await browser.deleteSession();
          } finally {
            await started.stop();
            await stopStrayApp(db);
            await display.stop();
            home.remove();
          }
        },
      };
    } catch (error) {
      await driver?.stop().catch((e) => console.warn(`stopping the driver: ${e}`));
      await stopStrayApp(db);
      if (attempt >= LAUNCH_ATTEMPTS) {
        await display.stop();
        home.remove();
        throw error;
      }
      console.warn(`launching the app failed (attempt ${attempt} of ${LAUNCH_ATTEMPTS}), trying again: ${error}`);
    }
  }
}

/**
 * Saves a screenshot of the window under target/screenshots/, after a pause so the last DOM change is
 * painted (a screenshot taken at once can show the previous frame), then checks the screen with axe-core:
 * every screen the tests show is photographed, so every one is checked, and a serious or critical
 * violation fails the test (`a11y.mjs`).
 * @param {WebdriverIO.Browser} browser
 * @param {string} name file name without extension, and the screen's name in the axe report
 */
export async function screenshot(browser, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await sleep(1000);
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await browser.saveScreenshot(file);
  await checkAccessibility(browser, name, AXE);
  return file;
}
