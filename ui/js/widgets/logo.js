// @ts-check
/**
 * The office logo printed in the kop surat and shown in the header: its picture, and the card that
 * chooses it (native dialog), takes `logo.png` from the documents folder, or removes it. Used by the logo
 * step of first-run setup and the administration area's "logo and language" tab.
 * @module widgets/logo
 */

import * as api from '../api/office.js';
import { t } from '../i18n/dictionary.js';
import { errorMessage } from '../i18n/format.js';
import { h } from './dom.js';
import { pngUrl } from './photo.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */

/**
 * An object URL for the office logo, or null when there is none.
 * @returns {Promise<string | null>}
 */
export async function logoUrl() {
  return pngUrl(await api.officeLogo());
}

/**
 * The logo card: a preview, choose (native dialog), take `logo.png` from the documents folder, remove.
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
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  }

  /**
   * @param {string} id
   * @param {string} label dictionary key
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
        message.textContent = errorMessage(/** @type {CommandError} */ (error));
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
