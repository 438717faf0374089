// @ts-check
/**
 * A tab of the administration area about how the office looks and reads: the logo printed in the kop
 * surat and shown in the header (`widgets/logo.js`), and the window's language (the header button does
 * the same).
 * @module screens/admin/look
 */

import { language, t } from '../../i18n/dictionary.js';
import { h, replace } from '../../widgets/dom.js';
import { logoCard } from '../../widgets/logo.js';

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
 * @param {import('./tabs.js').AdminTabContext} ctx
 * @param {{ logoChanged: () => Promise<void> | void, language: (lang: 'id' | 'en') => void }} on
 */
export async function showLookTab(ctx, on) {
  replace(ctx.panel, h('h2', { class: 'visually-hidden', id: 'settings-title' }, t('admin.tab.look')), await settingsExtras(on));
}
