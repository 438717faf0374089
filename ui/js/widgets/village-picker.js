// @ts-check
/**
 * A village (desa/kelurahan) field: type part of a name or a code, pick one of the office regency's
 * villages from the suggestions (arrow keys or a click; Enter takes the first). Used by the register form
 * and the batch printing screen. Only the picked village's code leaves the field.
 * @module widgets/village-picker
 */

import { findVillages } from '../api/office.js';
import { t } from '../i18n/dictionary.js';
import { h, replace } from './dom.js';

/** @typedef {import('../api/office.js').Village} Village */

/**
 * The text a village shows as: `Sungai Rebo, Kec. Banyuasin I (16.07.01.2001)`.
 * @param {Village} v
 * @returns {string}
 */
export function villageLabel(v) {
  return v.district ? `${v.name}, ${t('village.district')} ${v.district} (${v.code})` : `${v.name} (${v.code})`;
}

/**
 * Builds the field.
 * @param {{ id: string, label: string, onChange?: (v: Village | null) => void, hint?: string }} options
 * @returns {{ element: HTMLElement, input: HTMLInputElement, value: () => Village | null,
 *   set: (v: Village | null) => void }}
 */
export function villagePicker({ id, label, onChange, hint }) {
  /** @type {Village | null} */
  let chosen = null;
  /** @type {Village[]} */
  let found = [];
  let asked = 0;
  const listId = `${id}-options`;
  const input = /** @type {HTMLInputElement} */ (h('input', {
    id, type: 'text', autocomplete: 'off', role: 'combobox', 'aria-autocomplete': 'list',
    'aria-controls': listId, 'aria-expanded': 'false', 'aria-describedby': `${id}-chosen`,
  }));
  const list = h('ul', { class: 'village-options', id: listId, role: 'listbox', hidden: true });
  const shown = h('p', { class: 'sub village-chosen', id: `${id}-chosen` }, hint ?? '');

  /** @param {Village | null} v */
  function set(v) {
    chosen = v;
    input.value = v ? v.name : '';
    shown.textContent = v ? `${t('village.chosen')} ${villageLabel(v)}` : hint ?? '';
    input.dataset.code = v ? v.code : '';
    close();
    onChange?.(v);
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  function render() {
    replace(list, found.map((v, i) => {
      const item = h('li', { role: 'option', id: `${id}-option-${i}`, 'data-code': v.code, tabindex: '-1', class: 'village-option' }, villageLabel(v));
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        set(v);
      });
      item.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          set(v);
          input.focus();
        } else if (event.key === 'ArrowDown') {
          event.preventDefault();
          /** @type {HTMLElement | null} */ (item.nextElementSibling)?.focus();
        } else if (event.key === 'ArrowUp') {
          event.preventDefault();
          /** @type {HTMLElement | null} */ (item.previousElementSibling ?? input)?.focus();
        } else if (event.key === 'Escape') {
          close();
          input.focus();
        }
      });
      return item;
    }));
    if (found.length === 0 && input.value.trim()) {
      list.append(h('li', { class: 'village-none' }, t('village.none')));
    }
    list.hidden = !input.value.trim();
    input.setAttribute('aria-expanded', String(!list.hidden));
  }

  input.addEventListener('input', async () => {
    const query = input.value.trim();
    if (chosen && query !== chosen.name) {
      chosen = null;
      input.dataset.code = '';
      shown.textContent = hint ?? '';
      onChange?.(null);
    }
    const ticket = ++asked;
    if (!query) {
      found = [];
      close();
      return;
    }
    try {
      const result = await findVillages(query);
      if (ticket !== asked) return;
      found = result;
      render();
    } catch {
      found = [];
      close();
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && !list.hidden) {
      event.preventDefault();
      /** @type {HTMLElement | null} */ (list.querySelector('[role="option"]'))?.focus();
    } else if (event.key === 'Enter' && !list.hidden && found.length > 0 && !chosen) {
      event.preventDefault();
      set(found[0]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(() => {
    if (!list.contains(document.activeElement)) close();
  }, 150));

  const element = h('div', { class: 'village-field' },
    h('label', { for: id }, label), input, list, shown);
  return { element, input, value: () => chosen, set };
}
