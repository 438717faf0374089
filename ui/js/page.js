// @ts-check
/**
 * The frame around the screens: the static page's strings (`data-i18n`, `data-i18n-placeholder`,
 * `data-i18n-label`) in the current language, the header's office and user, and the footer's register
 * and version.
 * @module page
 */

import { language, t } from './i18n/dictionary.js';
import { roleLabel } from './i18n/format.js';
import { h, one, replace } from './widgets/dom.js';

/** @typedef {import('./api/app.js').AppInfo} AppInfo */
/** @typedef {import('./api/session.js').Actor} Actor */

/**
 * Writes every translated string of the page, and the header and footer from what the window knows.
 * @param {AppInfo | null} info
 * @param {Actor | null} user
 */
export function translatePage(info, user) {
  document.documentElement.lang = language();
  // Static strings, and those of forms that stay on screen across a switch (setup, sign-in, lock):
  // `data-i18n-args` holds the parameters of a string that has some.
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'))) {
    const { i18n, i18nArgs } = el.dataset;
    el.textContent = t(i18n ?? '', i18nArgs ? JSON.parse(i18nArgs) : undefined);
  }
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n-placeholder]'))) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder ?? ''));
  }
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n-label]'))) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel ?? ''));
  }
  if (info) {
    one('#office-government').textContent = info.office?.government ?? t('app.name');
    // Without a register there is no profile to miss: keep the product name rather than a false hint.
    one('#office-name').textContent =
      info.office?.name ?? (info.db_error ? t('app.name') : t('app.office.unset'));
    one('#db-path').textContent = t('app.database', { path: info.db_path });
    one('#app-version').textContent = t('app.version', { version: info.version });
  }
  // Name above role, so a long name does not squeeze the office name out of the header.
  replace(one('#current-user'), user
    ? [h('span', { class: 'user-name' }, user.full_name), h('span', { class: 'user-role' }, roleLabel(user.role))]
    : []);
}
