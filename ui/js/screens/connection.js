// @ts-check
/**
 * "Sambungkan ke server kantor": the register this desk works on. The office server's host, port,
 * database, user, password, TLS mode and the office's CA file (native dialog); "test the connection"
 * answers in the window's language (reachable, wrong password, not a Petromaks register, a newer schema…)
 * and saves nothing; "connect" switches the window to the server when the test says it is ready (the
 * password goes to pgpass, never to the settings). "Use this computer's register" goes back to the
 * one-computer file. Shown before sign-in (from the sign-in, setup and start-up error screens: a desk is
 * pointed at the server before anyone can sign in there) and as the administration area's "Server" tab.
 * @module screens/connection
 */

import * as api from '../api/connection.js';
import { t } from '../i18n/dictionary.js';
import { errorMessage } from '../i18n/format.js';
import { h, replace } from '../widgets/dom.js';
import { clearErrors, field, showError, valueOf } from '../widgets/forms.js';
import { gateCard, live } from '../widgets/gate.js';

/** @typedef {import('../api/connection.js').Probe} Probe */
/** @typedef {import('../api/connection.js').ServerSettings} ServerSettings */
/** @typedef {import('../api/ipc.js').CommandError} CommandError */

/** The TLS modes, from none to the strictest. */
export const SSL_MODES = /** @type {const} */ (['disable', 'prefer', 'require', 'verify-ca', 'verify-full']);

/** What a new form starts from (the defaults of a standard PostgreSQL install and `server init`). */
export const DEFAULT_SERVER = Object.freeze({
  host: '', port: 5432, database: 'petromaks', user: 'petromaks_app', sslmode: 'prefer', sslrootcert: null,
});

/**
 * What a test's answer says, in the window's language.
 * @param {Probe} probe
 * @returns {string}
 */
export function verdictText(probe) {
  return t(`conn.verdict.${probe.verdict}`, { version: String(probe.schema_version ?? '?') });
}

/**
 * The form's values as the command takes them, or the error for the port.
 * @param {{ host: string, port: string, database: string, user: string, sslmode: string, ca: string | null }} typed
 * @returns {ServerSettings | CommandError}
 */
export function settingsOf(typed) {
  const port = Number(typed.port.trim());
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { code: 'invalid', message: t('conn.port.invalid'), field: 'port', translated: true };
  }
  const mode = SSL_MODES.find((m) => m === typed.sslmode) ?? 'prefer';
  return {
    host: typed.host.trim(),
    port,
    database: typed.database.trim(),
    user: typed.user.trim(),
    sslmode: mode,
    sslrootcert: typed.ca,
  };
}

/**
 * Draws the connection form into `container`.
 * @param {HTMLElement} container
 * @param {{ connected: () => void, back?: () => void }} on `connected`: the window works on another
 *   register now (the user is signed out); `back`: leave without changing anything
 */
export async function showConnection(container, on) {
  /** @type {import('../api/connection.js').RegisterSettings} */
  let settings;
  try {
    settings = await api.registerSettings();
  } catch (error) {
    replace(container, h('p', { class: 'form-message', role: 'alert' }, errorMessage(/** @type {CommandError} */ (error))));
    return;
  }
  const s = settings.server ?? DEFAULT_SERVER;
  /** The CA file of this form: the remembered one, or the one chosen in the dialog. */
  let ca = settings.ca_chosen ?? s.sslrootcert;
  const result = h('p', { class: 'form-message conn-result', id: 'conn-result', role: 'status', 'aria-live': 'polite' });
  const caPath = h('span', { id: 'conn-ca-path', class: 'mono' }, ca ?? t('conn.ca.none'));
  // Named after the setting, so a refused CA file is said beside this button.
  const chooseCa = h('button', { type: 'button', class: 'button button-quiet', id: 'conn-sslrootcert',
    'aria-describedby': 'conn-sslrootcert-message' }, t('conn.ca.choose'));
  const clearCa = h('button', { type: 'button', class: 'button button-quiet', id: 'conn-ca-clear' }, t('conn.ca.clear'));
  const sslmode = h('select', { id: 'conn-sslmode', name: 'conn-sslmode', 'aria-describedby': 'conn-sslmode-message' },
    SSL_MODES.map((m) => h('option', { value: m, selected: m === s.sslmode }, t(`conn.ssl.${m}`))));
  const form = h('form', { id: 'conn-form', class: 'gate-form', novalidate: true },
    h('p', { class: 'muted', id: 'conn-in-use' }, t('conn.in_use', { address: settings.in_use })),
    settings.from_environment ? h('p', { class: 'notice', id: 'conn-from-env' }, t('conn.from_env')) : null,
    h('div', { class: 'grid' },
      field('conn-host', 'conn.host', { value: s.host, required: true }),
      field('conn-port', 'conn.port', { value: String(s.port), required: true }),
      field('conn-database', 'conn.database', { value: s.database, required: true }),
      field('conn-user', 'conn.user', { value: s.user, required: true, autocomplete: 'username' }),
      field('conn-password', 'conn.password', { type: 'password', autocomplete: 'current-password', hint: t('conn.password.hint') }),
      h('div', { class: 'field conn-ssl' }, h('label', { for: 'conn-sslmode' }, t('conn.sslmode')), sslmode,
        h('p', { class: 'field-message', id: 'conn-sslmode-message' }))),
    h('div', { class: 'field conn-ca' }, h('span', { class: 'field-label', id: 'conn-ca-label' }, t('conn.ca')),
      h('p', { class: 'conn-ca-row', 'aria-labelledby': 'conn-ca-label' }, caPath, ' ', chooseCa, clearCa),
      h('p', { class: 'field-message', id: 'conn-sslrootcert-message' })),
    result,
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'button button-quiet', id: 'conn-test' }, t('conn.test')),
      h('button', { type: 'submit', class: 'button', id: 'conn-connect' }, t('conn.connect')),
      on.back ? h('button', { type: 'button', class: 'button button-quiet', id: 'conn-back' }, t('conn.back')) : null),
    h('hr', {}),
    h('p', { class: 'muted' }, t('conn.local.hint', { path: settings.local_file })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'button button-quiet', id: 'conn-local' }, t('conn.local'))));

  /** @returns {ServerSettings | null} the typed settings, or null after showing what is wrong */
  function typed() {
    clearErrors(form);
    const made = settingsOf({
      host: valueOf(form, 'conn-host'),
      port: valueOf(form, 'conn-port'),
      database: valueOf(form, 'conn-database'),
      user: valueOf(form, 'conn-user'),
      sslmode: /** @type {HTMLSelectElement} */ (sslmode).value,
      ca,
    });
    if ('code' in made) {
      showError(form, 'conn-', made);
      return null;
    }
    return made;
  }

  function password() {
    const value = /** @type {HTMLInputElement} */ (form.querySelector('#conn-password')).value;
    return value === '' ? null : value;
  }

  /**
   * Runs a test or a connect and says what it found.
   * @param {(server: ServerSettings, password: string | null) => Promise<Probe>} run
   * @returns {Promise<Probe | null>}
   */
  async function attempt(run) {
    const server = typed();
    if (!server) return null;
    result.textContent = t('conn.testing');
    delete result.dataset.verdict;
    try {
      const probe = await run(server, password());
      // The server's own words under the verdict help the IT person (a TLS handshake, pg_hba.conf).
      replace(result, verdictText(probe), probe.detail ? h('span', { class: 'sub', id: 'conn-detail' }, probe.detail) : null);
      result.dataset.verdict = probe.verdict;
      result.classList.toggle('ok', probe.verdict === 'ready');
      return probe;
    } catch (error) {
      result.textContent = '';
      showError(form, 'conn-', /** @type {CommandError} */ (error));
      return null;
    }
  }

  form.querySelector('#conn-test')?.addEventListener('click', () => void attempt(api.testServer));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const probe = await attempt(api.connectServer);
    if (probe?.verdict === 'ready') {
      result.textContent = t('conn.connected', { address: probe.address });
      on.connected();
    }
  });
  chooseCa.addEventListener('click', async () => {
    try {
      const chosen = await api.chooseCaFile();
      if (chosen) {
        ca = chosen;
        caPath.textContent = chosen;
      }
    } catch (error) {
      result.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  });
  clearCa.addEventListener('click', () => {
    ca = null;
    caPath.textContent = t('conn.ca.none');
  });
  form.querySelector('#conn-back')?.addEventListener('click', () => on.back?.());
  form.querySelector('#conn-local')?.addEventListener('click', async () => {
    try {
      const path = await api.useLocalRegister();
      result.textContent = t('conn.switched_local', { path });
      on.connected();
    } catch (error) {
      result.textContent = errorMessage(/** @type {CommandError} */ (error));
    }
  });
  replace(container, form);
  document.body.dataset.connectionForm = 'ready';
  /** @type {HTMLElement | null} */ (form.querySelector('#conn-host'))?.focus();
}

/**
 * The connection form as a card of the screens before the work (sign-in, setup, the start-up error): the
 * window starts over on the register it works on afterwards, or as it was when the user goes back.
 * @param {HTMLElement} main
 */
export async function showConnectionGate(main) {
  const body = h('div', {});
  replace(main, gateCard('connection', 'conn.title', live('p', { class: 'muted' }, 'conn.hint'), body));
  main.hidden = false;
  document.body.dataset.screen = 'connection';
  const restart = () => window.location.reload();
  await showConnection(body, { connected: () => setTimeout(restart, 1500), back: restart });
}
