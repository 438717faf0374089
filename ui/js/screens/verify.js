// @ts-check
/**
 * The verify screen: a scanned QR payload (a scanner types it and presses Enter) or a pasted one is checked
 * against the office's keys and revocations, and the verdict is shown big, in words and colour; plus the
 * export of the office's public key for another office or a phone app.
 * @module screens/verify
 */

import * as api from '../api/documents.js';
import { formatDate, t } from '../i18n/dictionary.js';
import { errorMessage } from '../i18n/format.js';
import { h, replace } from '../widgets/dom.js';

/** @typedef {import('../api/documents.js').Verification} Verification */
/** @typedef {import('../api/ipc.js').CommandError} CommandError */

/** The colour family of each verdict (a CSS class suffix); the verdict is always written out too. */
const TONES = Object.freeze({
  genuine: 'success',
  tampered: 'danger',
  unknown_key: 'warning',
  expired: 'warning',
  revoked: 'danger',
});

/**
 * The tone of a verdict; an unknown verdict is treated as a failure.
 * @param {string} verdict
 * @returns {string}
 */
export function verdictTone(verdict) {
  return /** @type {Record<string, string>} */ (TONES)[verdict] ?? 'danger';
}

/**
 * What the code claims, as label/value pairs for the verdict box.
 * @param {NonNullable<Verification['claim']>} claim
 * @returns {[string, string][]}
 */
export function claimRows(claim) {
  return [
    [t('verify.permit_number'), claim.permit_number],
    [t('verify.holder'), claim.holder_name],
    [t('verify.nik'), claim.masked_nik],
    [t('verify.permit_type'), claim.permit_type],
    [t('verify.valid_until'), claim.valid_until ? formatDate(claim.valid_until) : t('verify.valid_always')],
  ];
}

/**
 * The verdict box.
 * @param {Verification} v
 * @returns {HTMLElement}
 */
export function verdictView(v) {
  const tone = verdictTone(v.verdict);
  // A tampered code's content is not to be trusted: it is not shown as if it were the permit's.
  const claim = v.claim && v.verdict !== 'tampered'
    ? h('dl', { class: 'verdict-claim' }, claimRows(v.claim).map(([k, value]) => [h('dt', {}, k), h('dd', {}, value)]))
    : null;
  return h('div', { class: `verdict verdict-${tone}`, id: 'verify-verdict', 'data-verdict': v.verdict, role: 'status' },
    h('p', { class: 'verdict-word' }, `${tone === 'success' ? '✓' : '✗'} ${t(`verify.verdict.${v.verdict}`)}`),
    h('p', { class: 'verdict-explain' }, t(`verify.explain.${v.verdict}`)),
    claim,
    h('p', { class: 'sub verdict-detail' }, v.message));
}

/**
 * Shows the verify screen in `ctx.root`.
 * @param {{ root: HTMLElement, error: (e: CommandError) => void }} ctx
 */
export function showVerify(ctx) {
  const input = /** @type {HTMLInputElement} */ (h('input', {
    id: 'verify-payload', type: 'text', class: 'verify-input', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'verify-help',
  }));
  const check = h('button', { type: 'submit', class: 'button', id: 'verify-check' }, t('verify.check'));
  const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'verify-form', id: 'verify-form' },
    h('label', { for: 'verify-payload' }, t('verify.payload')),
    h('div', { class: 'verify-row' }, input, check),
    h('p', { class: 'sub', id: 'verify-help' }, t('verify.help')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const payload = input.value.trim();
    if (!payload) {
      replace(result, h('p', { class: 'form-message' }, t('verify.empty')));
      input.focus();
      return;
    }
    try {
      replace(result, verdictView(await api.verifyPermit(payload)));
    } catch (error) {
      replace(result, h('p', { class: 'form-message', role: 'alert' }, errorMessage(/** @type {CommandError} */ (error))));
    }
    // Ready for the next scan: the scanner's text replaces the selection.
    input.select();
  });

  const keyMessage = h('p', { class: 'form-message', id: 'verify-key-message', role: 'status', 'aria-live': 'polite' });
  const exportKey = h('button', { type: 'button', class: 'button button-quiet', id: 'verify-export-key' }, t('verify.key.export'));
  exportKey.addEventListener('click', async () => {
    try {
      const file = await api.exportOfficeKey();
      keyMessage.textContent = t('verify.key.saved', { path: file.path });
      keyMessage.dataset.saved = file.path;
    } catch (error) {
      keyMessage.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  });

  replace(ctx.root,
    h('h2', { id: 'verify-title' }, t('verify.title')),
    h('div', { class: 'verify-layout' },
      h('section', { class: 'card verify-main' }, form, result),
      h('aside', { class: 'card verify-side' },
        h('h3', {}, t('verify.key.title')),
        h('p', { class: 'sub' }, t('verify.key.help')),
        exportKey, keyMessage)));
  document.body.dataset.screen = 'verify';
  input.focus();
}
