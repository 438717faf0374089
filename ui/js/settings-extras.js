// @ts-check
/**
 * A tab of the administration area about how the office looks and reads: the logo printed in the kop
 * surat and shown in the header (chosen in the native file dialog, or taken from `logo.png` in the
 * documents folder where no dialog can be used), and the window's language (the header button does the same).
 * @module settings-extras
 */

import * as api from './api.js';
import { h, replace } from './dom.js';
import { errorMessage } from './format.js';
import { language, t } from './i18n.js';

/**
 * An object URL for the office logo, or null when there is none.
 * @returns {Promise<string | null>}
 */
export async function logoUrl() {
  const bytes = await api.officeLogo();
  const size = bytes instanceof ArrayBuffer ? bytes.byteLength : /** @type {any} */ (bytes)?.length ?? 0;
  if (!size) return null;
  const data = bytes instanceof ArrayBuffer ? bytes : new Uint8Array(/** @type {any} */ (bytes));
  return URL.createObjectURL(new Blob([data], { type: 'image/png' }));
}

/**
 * The logo card: a preview, choose (native dialog), take `logo.png` from the documents folder, remove.
 * Also the logo step of first-run setup.
 * @param {{ logoChanged: () => Promise<void> | void }} on
 * @returns {Promise<HTMLElement>}
 */
export async function logoCard(on) {
  const preview = /** @type {HTMLImageElement} */ (h('img', { id: 'settings-logo-preview', class: 'logo-preview', alt: t('logo.preview'), hidden: true }));
  const none = h('p', { class: 'muted', id: 'settings-logo-none' }, t('logo.none'));
  const message = h('p', { class: 'form-message', id: 'logo-message', role: 'status', 'aria-live': 'polite' });

  async function showLogo() {
    try {
      const url = await logoUrl();
      preview.hidden = !url;
      none.hidden = Boolean(url);
      if (url) preview.src = url;
      preview.dataset.present = String(Boolean(url));
    } catch (error) {
      message.textContent = errorMessage(/** @type {api.CommandError} */ (error));
    }
  }

  /**
   * @param {() => Promise<unknown>} action
   * @param {string} done dictionary key of the success message
   */
  function button(id, label, action, done) {
    const b = h('button', { type: 'button', class: 'button button-quiet', id }, t(label));
    b.addEventListener('click', async () => {
      try {
        const result = await action();
        message.textContent = result === false ? t('logo.cancelled') : t(done);
        await showLogo();
        await on.logoChanged();
      } catch (error) {
        message.textContent = errorMessage(/** @type {api.CommandError} */ (error));
      }
    });
    return b;
  }

  const logo = h('section', { class: 'card', id: 'settings-logo' },
    h('h3', {}, t('logo.title')),
    h('p', { class: 'sub' }, t('logo.help')),
    h('div', { class: 'logo-row' }, preview, none,
      h('div', { class: 'actions' },
        button('logo-choose', 'logo.choose', api.chooseLogo, 'logo.saved'),
        button('logo-from-documents', 'logo.from_documents', api.logoFromDocuments, 'logo.saved'),
        button('logo-clear', 'logo.clear', api.clearLogo, 'logo.cleared'))),
    message);
  await showLogo();
  return logo;
}

/**
 * The logo and language cards.
 * @param {{ logoChanged: () => Promise<void> | void, language: (lang: 'id' | 'en') => void }} on
 * @returns {Promise<HTMLElement[]>}
 */
export async function settingsExtras(on) {
  const logo = await logoCard(on);
  const choices = /** @type {const} */ (['id', 'en']).map((lang) => {
    const radio = h('input', { type: 'radio', name: 'settings-language', id: `settings-language-${lang}`, value: lang, checked: language() === lang });
    radio.addEventListener('change', () => on.language(lang));
    return h('label', { class: 'radio', for: `settings-language-${lang}` }, radio, ` ${t(`language.name.${lang}`)}`);
  });
  const languageCard = h('section', { class: 'card', id: 'settings-language' },
    h('fieldset', { class: 'batch-modes' }, h('legend', {}, t('language.choose')), choices),
    h('p', { class: 'sub' }, t('language.help')));

  return [languageCard, logo];
}

/**
 * The "logo and language" tab of the administration area.
 * @param {import('./admin.js').AdminTabContext} ctx
 * @param {{ logoChanged: () => Promise<void> | void, language: (lang: 'id' | 'en') => void }} on
 */
export async function showLookTab(ctx, on) {
  replace(ctx.panel, h('h2', { class: 'visually-hidden', id: 'settings-title' }, t('admin.tab.look')), await settingsExtras(on));
}
