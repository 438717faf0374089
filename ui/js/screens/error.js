// @ts-check
/**
 * The error screen: when a command fails in a way no screen can place (the register cannot be opened, an
 * internal error), the main area says so in the window's language, with the technical message and a retry.
 * @module screens/error
 */

import { t } from '../i18n/dictionary.js';
import { h, replace } from '../widgets/dom.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */

/**
 * Replaces `main` with the explanation of `error`.
 * @param {HTMLElement} main
 * @param {CommandError} error
 */
export function showErrorScreen(main, error) {
  const key = `error.${error.code}`;
  const explanation = t(key) === key ? t('error.internal') : t(key);
  const retry = h('button', { type: 'button', class: 'button' }, t('error.retry'));
  retry.addEventListener('click', () => window.location.reload());
  replace(
    main,
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
}
