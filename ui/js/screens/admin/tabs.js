// @ts-check
/**
 * The administration area (admin only): a row of tabs over one panel. Each tab lives in its own module
 * and is one entry of {@link ADMIN_TABS}; another area adds its tab with {@link addAdminTab} (or by
 * appending to the array) and it appears in the row in that order.
 * @module screens/admin/tabs
 */

import { t } from '../../i18n/dictionary.js';
import { h, replace } from '../../widgets/dom.js';
import { showAuditTab } from './audit.js';
import { showCalendarTab } from './calendar.js';
import { showCatalogueTab } from './catalogue.js';
import { showOfficeTab } from './office.js';
import { showUsersTab } from './users.js';

/** @typedef {import('../../api/ipc.js').CommandError} CommandError */
/** @typedef {import('../../api/session.js').Actor} Actor */

/**
 * What a tab gets: the panel to draw into, and the screen context of the navigation (`user`, `back`,
 * `error`, `openCase`).
 * @typedef {object} AdminTabContext
 * @property {HTMLElement} panel the tab's own panel (empty when `show` is called)
 * @property {Actor} user the signed-in admin
 * @property {(e: CommandError) => void} error shows a command error the tab cannot place
 * @property {(id: number) => void} openCase opens a case screen
 * @property {() => void} [saved] tells the window that the office profile changed
 */

/**
 * One tab of the administration area.
 * @typedef {object} AdminTab
 * @property {string} id stable id (`catalogue`), also `data-admin-tab` on the body while shown
 * @property {string} label dictionary key of the tab's name
 * @property {(ctx: AdminTabContext) => Promise<void> | void} show draws the tab into `ctx.panel`
 */

/** @type {AdminTab[]} */
export const ADMIN_TABS = [
  { id: 'catalogue', label: 'admin.tab.catalogue', show: showCatalogueTab },
  { id: 'calendar', label: 'admin.tab.calendar', show: showCalendarTab },
  { id: 'users', label: 'admin.tab.users', show: showUsersTab },
  { id: 'audit', label: 'admin.tab.audit', show: showAuditTab },
  { id: 'office', label: 'admin.tab.office', show: showOfficeTab },
];

/**
 * Adds a tab at the end of the row (or replaces the tab with the same id).
 * @param {AdminTab} tab
 */
export function addAdminTab(tab) {
  const at = ADMIN_TABS.findIndex((x) => x.id === tab.id);
  if (at >= 0) ADMIN_TABS[at] = tab;
  else ADMIN_TABS.push(tab);
}

/** The tab shown last, so coming back to the area (or switching language) lands there again. */
let lastTab = ADMIN_TABS[0].id;

/**
 * The tab to show for `id`: that tab if it exists, else the first.
 * @param {string | undefined} id
 * @returns {AdminTab}
 */
export function tabFor(id) {
  return ADMIN_TABS.find((x) => x.id === id) ?? ADMIN_TABS[0];
}

/**
 * Shows the administration area in `ctx.root`, on tab `id` (default: the one shown last).
 * @param {{ root: HTMLElement, user: Actor, back?: () => void,
 *   error: (e: CommandError) => void, openCase: (id: number) => void, saved?: () => void }} ctx
 * @param {string} [id]
 */
export async function showAdmin(ctx, id) {
  const tab = tabFor(id ?? lastTab);
  lastTab = tab.id;
  const panel = h('div', { class: 'admin-panel', id: 'admin-panel', role: 'tabpanel', 'aria-labelledby': `admin-tab-${tab.id}` });
  const buttons = ADMIN_TABS.map((x) => {
    const button = h('button', {
      type: 'button',
      role: 'tab',
      class: 'admin-tab',
      id: `admin-tab-${x.id}`,
      'data-tab': x.id,
      'aria-selected': x.id === tab.id ? 'true' : 'false',
      'aria-controls': 'admin-panel',
      tabindex: x.id === tab.id ? '0' : '-1',
    }, t(x.label));
    button.addEventListener('click', () => void showAdmin(ctx, x.id));
    return button;
  });
  const list = h('div', { class: 'admin-tabs', role: 'tablist', 'aria-label': t('admin.title') }, buttons);
  // Arrow keys move between tabs, as in every tab row.
  list.addEventListener('keydown', (event) => {
    const at = ADMIN_TABS.findIndex((x) => x.id === tab.id);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = ADMIN_TABS[(at + step + ADMIN_TABS.length) % ADMIN_TABS.length];
    void showAdmin(ctx, next.id).then(() => document.getElementById(`admin-tab-${next.id}`)?.focus());
  });
  replace(ctx.root,
    h('div', { class: 'admin-head' }, h('h2', { id: 'admin-title' }, t('admin.title')), list),
    panel);
  document.body.dataset.screen = 'admin';
  document.body.dataset.adminTab = tab.id;
  delete document.body.dataset.adminReady;
  await tab.show({ panel, user: ctx.user, error: ctx.error, openCase: ctx.openCase, saved: ctx.saved });
  document.body.dataset.adminReady = tab.id;
}
