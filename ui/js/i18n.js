// @ts-check
/**
 * Every string the window shows, in one dictionary: Bahasa Indonesia (the default) and English.
 * Also the display formats that depend on the language: dates and case status labels.
 * @module i18n
 */

/** @typedef {'id' | 'en'} Language */

/** The language a fresh install starts in. */
export const DEFAULT_LANGUAGE = /** @type {Language} */ ('id');

/** @type {Record<Language, Record<string, string>>} */
const DICTIONARY = {
  id: {
    'app.name': 'Petromaks',
    'app.tagline': 'Register perizinan',
    'app.loading': 'Memuat…',
    'app.skip': 'Langsung ke isi',
    'app.office.unset': 'Profil kantor belum diisi',
    'app.office.setup': 'Kantor ini belum disiapkan. Administrator dapat menyiapkannya dengan perintah:',
    'app.version': 'Versi {version}',
    'app.database': 'Basis data: {path}',
    'language.switch': 'English',
    'language.switch.label': 'Ganti bahasa ke English',
    'cases.title': 'Daftar permohonan',
    'cases.count': '{count} permohonan',
    'cases.empty': 'Belum ada permohonan.',
    'cases.empty.filtered': 'Tidak ada permohonan yang cocok dengan pencarian.',
    'cases.search': 'Cari',
    'cases.search.placeholder': 'No. pendaftaran, nama atau NIK pemohon, no. izin',
    'cases.status.filter': 'Status',
    'cases.status.all': 'Semua status',
    'cases.col.registration': 'No. pendaftaran',
    'cases.col.applicant': 'Pemohon',
    'cases.col.permit_type': 'Jenis izin',
    'cases.col.status': 'Status',
    'cases.col.due': 'Batas waktu',
    'cases.due.none': '—',
    'cases.overdue': 'Terlambat',
    'status.received': 'Diterima',
    'status.returned': 'Dikembalikan',
    'status.verified': 'Lengkap',
    'status.in_review': 'Dalam kajian',
    'status.approved': 'Disetujui',
    'status.rejected': 'Ditolak',
    'status.issued': 'Izin terbit',
    'status.out_for_delivery': 'Dalam pengantaran',
    'status.delivered': 'Telah diantar',
    'status.picked_up': 'Diambil di loket',
    'status.withdrawn': 'Ditarik',
    'error.title': 'Terjadi kesalahan',
    'error.db_unavailable': 'Basis data tidak dapat dibuka. Periksa berkas di bawah ini atau hubungi administrator.',
    'error.invalid': 'Data yang dimasukkan tidak valid.',
    'error.not_found': 'Data tidak ditemukan.',
    'error.forbidden': 'Anda tidak berwenang melakukan tindakan ini.',
    'error.db': 'Kesalahan basis data.',
    'error.internal': 'Kesalahan internal aplikasi.',
    'error.retry': 'Coba lagi',
    'month.1': 'Januari',
    'month.2': 'Februari',
    'month.3': 'Maret',
    'month.4': 'April',
    'month.5': 'Mei',
    'month.6': 'Juni',
    'month.7': 'Juli',
    'month.8': 'Agustus',
    'month.9': 'September',
    'month.10': 'Oktober',
    'month.11': 'November',
    'month.12': 'Desember',
  },
  en: {
    'app.tagline': 'Permit register',
    'app.loading': 'Loading…',
    'app.skip': 'Skip to content',
    'app.office.unset': 'Office profile not set up yet',
    'app.office.setup': 'This office is not set up yet. An administrator sets it up with the command:',
    'app.version': 'Version {version}',
    'app.database': 'Database: {path}',
    'language.switch': 'Bahasa Indonesia',
    'language.switch.label': 'Switch language to Bahasa Indonesia',
    'cases.title': 'Applications',
    'cases.count': '{count} applications',
    'cases.empty': 'No applications yet.',
    'cases.empty.filtered': 'No application matches the search.',
    'cases.search': 'Search',
    'cases.search.placeholder': 'Registration no., applicant name or NIK, permit no.',
    'cases.status.filter': 'Status',
    'cases.status.all': 'All statuses',
    'cases.col.registration': 'Registration no.',
    'cases.col.applicant': 'Applicant',
    'cases.col.permit_type': 'Permit type',
    'cases.col.status': 'Status',
    'cases.col.due': 'Due date',
    'cases.overdue': 'Overdue',
    'status.received': 'Received',
    'status.returned': 'Returned',
    'status.verified': 'Complete',
    'status.in_review': 'In review',
    'status.approved': 'Approved',
    'status.rejected': 'Rejected',
    'status.issued': 'Permit issued',
    'status.out_for_delivery': 'Out for delivery',
    'status.delivered': 'Delivered',
    'status.picked_up': 'Picked up',
    'status.withdrawn': 'Withdrawn',
    'error.title': 'Something went wrong',
    'error.db_unavailable': 'The database could not be opened. Check the file below or call the administrator.',
    'error.invalid': 'The data entered is not valid.',
    'error.not_found': 'Not found.',
    'error.forbidden': 'You may not do this.',
    'error.db': 'Database error.',
    'error.internal': 'Internal error in the application.',
    'error.retry': 'Try again',
    'month.1': 'January',
    'month.2': 'February',
    'month.3': 'March',
    'month.4': 'April',
    'month.5': 'May',
    'month.6': 'June',
    'month.7': 'July',
    'month.8': 'August',
    'month.9': 'September',
    'month.10': 'October',
    'month.11': 'November',
    'month.12': 'December',
  },
};

/** Every case status, in the order of a case's life. */
export const STATUSES = Object.freeze([
  'received',
  'returned',
  'verified',
  'in_review',
  'approved',
  'rejected',
  'issued',
  'out_for_delivery',
  'delivered',
  'picked_up',
  'withdrawn',
]);

/**
 * The colour family of each status (a CSS class suffix). The badge always shows the label as well:
 * colour is never the only signal.
 * @type {Readonly<Record<string, string>>}
 */
const STATUS_TONES = Object.freeze({
  received: 'info',
  returned: 'warning',
  verified: 'progress',
  in_review: 'progress',
  approved: 'success',
  rejected: 'danger',
  issued: 'success',
  out_for_delivery: 'transit',
  delivered: 'done',
  picked_up: 'done',
  withdrawn: 'neutral',
});

/** @type {Language} */
let current = DEFAULT_LANGUAGE;

/**
 * The languages the dictionary has.
 * @returns {Language[]}
 */
export function languages() {
  return /** @type {Language[]} */ (Object.keys(DICTIONARY));
}

/**
 * The keys a language defines itself (without the fallback), for tests and tooling.
 * @param {Language} lang
 * @returns {string[]}
 */
export function keys(lang) {
  return Object.keys(DICTIONARY[lang] ?? {});
}

/**
 * The language strings are looked up in now.
 * @returns {Language}
 */
export function language() {
  return current;
}

/**
 * Switches the language; an unknown code falls back to the default (Bahasa Indonesia).
 * @param {string} lang
 * @returns {Language} the language now in use
 */
export function setLanguage(lang) {
  current = Object.hasOwn(DICTIONARY, lang) ? /** @type {Language} */ (lang) : DEFAULT_LANGUAGE;
  return current;
}

/**
 * The string for `key` in the current language, else in Bahasa Indonesia, else the key itself (so a
 * missing translation is visible, never blank). `{name}` placeholders are filled from `params`.
 * @param {string} key
 * @param {Record<string, string | number>} [params]
 * @returns {string}
 */
export function t(key, params) {
  const own = DICTIONARY[current];
  const fallback = DICTIONARY[DEFAULT_LANGUAGE];
  let text = Object.hasOwn(own, key) ? own[key] : Object.hasOwn(fallback, key) ? fallback[key] : key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (whole, name) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  }
  return text;
}

/**
 * Whether the dictionary has `key` in the current language or the default.
 * @param {string} key
 * @returns {boolean}
 */
export function has(key) {
  return Object.hasOwn(DICTIONARY[current], key) || Object.hasOwn(DICTIONARY[DEFAULT_LANGUAGE], key);
}

/**
 * Formats an ISO date (`2026-11-28`, or the date part of an RFC 3339 timestamp) as `28 November 2026`
 * (`28 Agustus 2026` in Indonesian). Day and month are read from the string, never through the local time
 * zone, so the office's day is what is shown. Returns '' for an empty value and the input unchanged if it
 * is not a real date.
 * @param {string | null | undefined} iso
 * @returns {string}
 */
export function formatDate(iso) {
  if (iso === null || iso === undefined || iso === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return iso;
  }
  return `${day} ${t(`month.${month}`)} ${year}`;
}

/**
 * The label of a case status in the current language; an unknown status shows as itself.
 * @param {string} status
 * @returns {string}
 */
export function statusLabel(status) {
  const key = `status.${status}`;
  return has(key) ? t(key) : status;
}

/**
 * The colour family of a case status for its badge (`info`, `warning`, `progress`, `success`, `danger`,
 * `transit`, `done`, `neutral`); an unknown status is `neutral`.
 * @param {string} status
 * @returns {string}
 */
export function statusTone(status) {
  return Object.hasOwn(STATUS_TONES, status) ? STATUS_TONES[status] : 'neutral';
}
