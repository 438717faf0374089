// Steps through the window the way a user does, shared by the end-to-end tests: keyboard first.

// WebKit's GPU process can still be writing Mesa's shader cache into the run's private XDG cache folder
// when the harness removes it (ENOTEMPTY): the tests run without a shader cache.
process.env.MESA_SHADER_CACHE_DISABLE = 'true';

/**
 * Signs in on the sign-in (or lock) screen with the keyboard and waits for the case list.
 * @param {WebdriverIO.Browser} browser
 * @param {string} username
 * @param {string} password
 */
export async function signIn(browser, username, password) {
  await browser.$('#signin-password').waitForExist({ timeout: 30_000 });
  const name = await browser.$('#signin-username');
  if (!(await name.getAttribute('readonly'))) await name.setValue(username);
  await browser.$('#signin-password').setValue(password);
  await browser.keys('Enter');
  await browser.$(`body[data-user="${username}"][data-cases-loaded="true"]`).waitForExist({ timeout: 15_000 });
}

/**
 * Signs out with the header button and waits for the sign-in screen.
 * @param {WebdriverIO.Browser} browser
 */
export async function signOut(browser) {
  await browser.$('#signout-button').click();
  await browser.$('body[data-screen="signin"]').waitForExist({ timeout: 10_000 });
}

/**
 * Types a registration number into the search box and presses Enter, as a barcode scanner does; waits
 * for the case screen.
 * @param {WebdriverIO.Browser} browser
 * @param {string} number
 */
export async function scanCase(browser, number) {
  const search = await browser.$('#case-query');
  // Element Send Keys, then Enter: WebKitWebDriver's key actions drop repeated characters ("000" → "0").
  await search.setValue(number);
  await browser.keys('Enter');
  await browser.waitUntil(async () => (await browser.$('#case-number').isExisting())
    && (await browser.$('#case-number').getText()) === number, {
    timeout: 10_000,
    timeoutMsg: `the scanned number ${number} did not open its case`,
  });
}

/**
 * Clicks the step button to `status` (answering the reason prompt if given) and waits for the new status.
 * @param {WebdriverIO.Browser} browser
 * @param {string} status
 * @param {string} [reason]
 */
export async function takeStep(browser, status, reason) {
  await browser.$(`#case-actions [data-move="${status}"]`).click();
  if (reason !== undefined) {
    await browser.$('#move-reason').setValue(reason);
    await browser.$('#move-confirm').click();
  }
  await browser.$(`body[data-case-status="${status}"]`).waitForExist({ timeout: 10_000 });
}

/**
 * The steps offered on the case screen now.
 * @param {WebdriverIO.Browser} browser
 * @returns {Promise<string[]>}
 */
export async function offeredSteps(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('#case-actions [data-move]')].map((b) => /** @type {HTMLElement} */ (b).dataset.move ?? ''));
}

/**
 * How many rows the case list shows once its page is whole: the rows that fit the window come first and
 * the rest of the page a frame or two later, so this waits until the table holds what its count line
 * says (or whole pages of 50, of a today tile's longer list).
 * @param {WebdriverIO.Browser} browser
 * @returns {Promise<number>}
 */
export async function caseRows(browser) {
  let rows = 0;
  await browser.waitUntil(async () => {
    const [count, shown] = await browser.execute(() => [
      document.querySelector('#cases-count')?.textContent ?? '',
      document.querySelectorAll('#cases-table tbody tr').length,
    ]);
    const total = Number((/\d[\d.]*/.exec(String(count))?.[0] ?? '0').replaceAll('.', ''));
    rows = Number(shown);
    return rows === total || (rows > 0 && rows < total && rows % 50 === 0);
  }, { timeout: 10_000, timeoutMsg: 'the case list did not draw its whole page' });
  return rows;
}
