// @ts-check
/**
 * The office profile, a tab of the administration area: what every certificate prints in its kop surat
 * and signature block. (The language switch is in the header for everyone and remembered on this computer.)
 * @module screens/admin/office
 */

import { appInfo } from '../../api/app.js';
import { updateOffice } from '../../api/office.js';
import { t } from '../../i18n/dictionary.js';
import { h, replace } from '../../widgets/dom.js';
import { clearErrors, field, showError, valueOf } from '../../widgets/forms.js';

/** @typedef {import('../../api/ipc.js').CommandError} CommandError */

const OFFICE_FIELDS = ['government', 'name', 'unit', 'regency_code', 'address', 'phone', 'email', 'sign_place',
  'head_title', 'head_name', 'head_rank', 'head_nip'];

/**
 * The office tab of the administration area: the office profile as printed on every certificate.
 * @param {import('./tabs.js').AdminTabContext} ctx
 */
export async function showOfficeTab(ctx) {
  let office;
  try {
    office = /** @type {Record<string, string | number>} */ ((await appInfo()).office ?? {});
  } catch (error) {
    ctx.error(/** @type {CommandError} */ (error));
    return;
  }
  const officeForm = h('form', { id: 'office-form', class: 'gate-form', novalidate: true },
    h('div', { class: 'grid' }, OFFICE_FIELDS.map((k) => field(`office-${k}`, `office.${k}`, { value: String(office[k] ?? '') }))),
    h('p', { class: 'form-message', role: 'status', id: 'office-message' }),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', id: 'office-save' }, t('settings.save'))));
  officeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const profile = { ...office };
    for (const k of OFFICE_FIELDS) profile[k] = valueOf(officeForm, `office-${k}`);
    try {
      await updateOffice(profile);
      clearErrors(officeForm);
      const line = officeForm.querySelector('#office-message');
      if (line) line.textContent = t('settings.saved');
      ctx.saved?.();
    } catch (error) {
      const e = /** @type {CommandError} */ (error);
      showError(officeForm, 'office-', e.field === 'nip' ? { ...e, field: 'head_nip' } : e);
    }
  });
  replace(ctx.panel, h('section', { class: 'card' }, h('h3', {}, t('setup.office')), officeForm));
}
