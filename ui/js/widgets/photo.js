// @ts-check
/**
 * The holder's pas photo (4×6) on the case screen: shown beside the applicant and printed on the
 * certificate. The front office (clerk) and the admin choose it in the native file dialog or take
 * `foto/<NIK>.png` from the documents folder, or remove it; the core checks the role and the PNG.
 * @module widgets/photo
 */

import * as api from '../api/photos.js';
import { t } from '../i18n/dictionary.js';
import { errorMessage } from '../i18n/format.js';
import { h } from './dom.js';

/** @typedef {import('../api/ipc.js').CommandError} CommandError */

/**
 * An object URL for PNG bytes, or null when there are none.
 * @param {ArrayBuffer | number[] | null | undefined} bytes
 * @returns {string | null}
 */
export function pngUrl(bytes) {
  const size = bytes instanceof ArrayBuffer ? bytes.byteLength : bytes?.length ?? 0;
  if (!size || !bytes) return null;
  const data = bytes instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
  return URL.createObjectURL(new Blob([data], { type: 'image/png' }));
}

/**
 * The photo box of the case screen's applicant card.
 * @param {{ caseId: number, nik: string, editable: boolean }} options `editable`: the core offers the
 *   signed-in user to change photos here
 * @returns {HTMLElement}
 */
export function photoBox(options) {
  const img = /** @type {HTMLImageElement} */ (h('img', { id: 'case-photo-image', class: 'photo-image', alt: t('photo.alt'), hidden: true }));
  const none = h('p', { class: 'photo-none muted', id: 'case-photo-none' }, t('photo.none'));
  const message = h('p', { class: 'form-message', id: 'case-photo-message', role: 'status', 'aria-live': 'polite' });
  const box = h('div', { class: 'photo-box', id: 'case-photo' }, h('div', { class: 'photo-frame' }, img, none));

  async function show() {
    try {
      const url = pngUrl(await api.casePhoto(options.caseId));
      if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
      img.hidden = !url;
      none.hidden = Boolean(url);
      if (url) img.src = url;
      box.dataset.present = String(Boolean(url));
    } catch (error) {
      message.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  }

  /**
   * @param {string} id
   * @param {string} label
   * @param {() => Promise<unknown>} action
   * @param {string} done
   */
  function button(id, label, action, done) {
    const b = h('button', { type: 'button', class: 'button button-quiet button-small', id }, label);
    b.addEventListener('click', async () => {
      try {
        const result = await action();
        message.textContent = result === false ? t('photo.cancelled') : t(done);
        await show();
      } catch (error) {
        message.textContent = errorMessage(/** @type {CommandError} */ (error));
      }
    });
    return b;
  }

  if (options.editable) {
    box.append(h('div', { class: 'photo-actions' },
      button('photo-choose', t('photo.choose'), () => api.chooseCasePhoto(options.caseId), 'photo.saved'),
      button('photo-from-documents', t('photo.from_documents', { file: `foto/${options.nik}.png` }),
        () => api.casePhotoFromDocuments(options.caseId), 'photo.saved'),
      button('photo-clear', t('photo.clear'), () => api.clearCasePhoto(options.caseId), 'photo.cleared'),
      message));
  } else {
    box.append(message);
  }
  void show();
  return box;
}
