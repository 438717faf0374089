// @ts-check
/**
 * Starts the window: language, header, footer and the case list. Shows a clear message instead of the
 * screens when the database could not be opened.
 * @module app
 */

import * as api from './api.js';
import { mountCases } from './cases.js';
import { h, one, replace } from './dom.js';
import { DEFAULT_LANGUAGE, language, setLanguage, t } from './i18n.js';

const LANGUAGE_KEY = 'petromaks.language';

/** @type {api.AppInfo | null} */
let info = null;

/**
 * The error on screen, if any, so a language switch can say it again in the other language.
 * @type {api.CommandError | null}
 */
let shownError = null;

/** Writes every `data-i18n*` string of the static page in the current language. */
function translatePage() {
  document.documentElement.lang = language();
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n ?? '');
  }
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(/** @type {HTMLElement} */ (el).dataset.i18nPlaceholder ?? ''));
  }
  for (const el of document.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(/** @type {HTMLElement} */ (el).dataset.i18nLabel ?? ''));
  }
  if (info) {
    one('#office-government').textContent = info.office?.government ?? t('app.name');
    // Without a database there is no profile to miss: keep the product name rather than a false hint.
    one('#office-name').textContent =
      info.office?.name ?? (info.db_error ? t('app.name') : t('app.office.unset'));
    one('#db-path').textContent = t('app.database', { path: info.db_path });
    one('#app-version').textContent = t('app.version', { version: info.version });
  }
}

/**
 * Replaces the main area with an error: the translated explanation, the technical message, and a retry.
 * @param {api.CommandError} error
 */
function showError(error) {
  const key = `error.${error.code}`;
  const explanation = t(key) === key ? t('error.internal') : t(key);
  const retry = h('button', { type: 'button', class: 'button' }, t('error.retry'));
  retry.addEventListener('click', () => window.location.reload());
  replace(
    one('#main'),
    h(
      'section',
      { class: 'panel error-panel', role: 'alert', id: 'app-error', 'data-code': error.code },
      h('h2', {}, t('error.title')),
      h('p', {}, explanation),
      h('pre', { class: 'error-detail' }, error.message),
      retry,
    ),
  );
  document.body.dataset.error = error.code;
  shownError = error;
}

async function start() {
  setLanguage(localStorage.getItem(LANGUAGE_KEY) ?? DEFAULT_LANGUAGE);
  translatePage();
  /** @type {ReturnType<typeof mountCases> | null} */
  let cases = null;
  one('#language-toggle').addEventListener('click', () => {
    localStorage.setItem(LANGUAGE_KEY, setLanguage(language() === 'id' ? 'en' : 'id'));
    translatePage();
    if (shownError) showError(shownError);
    else cases?.translate();
  });
  try {
    info = await api.appInfo();
  } catch (error) {
    showError(/** @type {api.CommandError} */ (error));
    return;
  }
  translatePage();
  if (info.db_error) {
    showError(info.db_error);
    return;
  }
  if (!info.office) {
    one('#cases').before(
      h('p', { class: 'notice', id: 'setup-note', role: 'note' },
        h('span', { 'data-i18n': 'app.office.setup' }, t('app.office.setup')), ' ',
        h('code', {}, `petromaks --db "${info.db_path}" init`)),
    );
  }
  cases = mountCases(showError);
  await cases.reload();
  one('#case-query').focus();
}

void start();
