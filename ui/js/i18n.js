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
    'session.signin.title': 'Masuk',
    'session.signin.hint': 'Masuk dengan akun petugas Anda.',
    'session.username': 'Nama pengguna',
    'session.password': 'Kata sandi',
    'session.signin': 'Masuk',
    'session.signout': 'Keluar',
    'session.lock': 'Kunci',
    'session.locked.title': 'Layar terkunci',
    'session.locked.hint': 'Layar dikunci. Masukkan kata sandi {name} untuk melanjutkan.',
    'session.other_user': 'Masuk sebagai pengguna lain',
    'session.user': '{name} · {role}',
    'role.admin': 'Administrator',
    'role.clerk': 'Petugas loket',
    'role.verifier': 'Verifikator',
    'role.signer': 'Kepala kantor',
    'role.courier': 'Kurir',
    'setup.title': 'Penyiapan awal kantor',
    'setup.hint': 'Basis data ini baru. Isi profil kantor, kepala kantor dan akun administrator pertama.',
    'setup.office': 'Profil kantor',
    'setup.head': 'Kepala kantor (penanda tangan izin)',
    'setup.admin': 'Administrator pertama',
    'setup.save': 'Simpan dan masuk',
    'office.government': 'Pemerintah daerah',
    'office.name': 'Nama dinas',
    'office.unit': 'Kode unit (nomor izin)',
    'office.regency_code': 'Kode kabupaten/kota',
    'office.address': 'Alamat',
    'office.phone': 'Telepon',
    'office.email': 'Surel',
    'office.sign_place': 'Tempat penandatanganan',
    'office.head_title': 'Jabatan',
    'office.head_name': 'Nama',
    'office.head_rank': 'Pangkat/golongan',
    'office.head_nip': 'NIP (18 angka)',
    'user.username': 'Nama pengguna',
    'user.full_name': 'Nama lengkap',
    'user.password': 'Kata sandi',
    'user.nip': 'NIP (boleh kosong)',
    'case.back': 'Kembali ke daftar',
    'case.open': 'Buka permohonan {number}',
    'case.applicant': 'Pemohon',
    'case.nik': 'NIK',
    'case.birth': 'Tempat, tanggal lahir',
    'case.address': 'Alamat',
    'case.village': 'Desa/kelurahan',
    'case.phone': 'Telepon',
    'case.permit': 'Data izin',
    'case.permit_type': 'Jenis izin',
    'case.permit_number': 'Nomor izin',
    'case.registered': 'Didaftarkan',
    'case.checklist': 'Kelengkapan berkas',
    'case.doc.received': 'Ada',
    'case.doc.missing': 'Belum ada',
    'case.doc.optional': '(tidak wajib)',
    'case.timeline': 'Riwayat',
    'case.col.when': 'Waktu',
    'case.col.who': 'Petugas',
    'case.col.step': 'Langkah',
    'case.col.reason': 'Alasan',
    'case.actions': 'Tindakan',
    'case.actions.none': 'Tidak ada tindakan untuk peran Anda pada status ini.',
    'case.reason': 'Alasan (wajib)',
    'case.confirm': 'Konfirmasi',
    'case.cancel': 'Batal',
    'case.done': 'Status sekarang: {status}.',
    'case.print': 'Cetak',
    'case.print.certificate': 'Simpan surat izin (PDF)',
    'case.print.receipt': 'Simpan tanda terima (PDF)',
    'case.saved': 'Tersimpan: {path}',
    'move.to.received': 'Terima kembali berkas',
    'move.to.returned': 'Kembalikan ke pemohon',
    'move.to.verified': 'Nyatakan lengkap',
    'move.to.in_review': 'Mulai kajian',
    'move.to.approved': 'Setujui',
    'move.to.rejected': 'Tolak',
    'move.to.issued': 'Terbitkan izin',
    'move.to.out_for_delivery': 'Kirim dengan mobil layanan',
    'move.to.delivered': 'Tandai telah diantar',
    'move.to.picked_up': 'Tandai diambil di loket',
    'move.to.withdrawn': 'Tarik permohonan',
    'sla.not_started': 'Waktu layanan belum berjalan',
    'sla.paused': 'Dijeda: {used} dari {days} hari kerja terpakai',
    'sla.due_today': 'Batas waktu hari ini',
    'sla.running': 'Sisa {days} hari kerja (batas {due})',
    'sla.overdue': 'Terlambat {days} hari kerja (batas {due})',
    'sla.stopped': 'Waktu layanan selesai',
    'error.auth': 'Nama pengguna atau kata sandi salah.',
    'error.signed_out': 'Sesi berakhir. Silakan masuk lagi.',
    'error.conflict': 'Data bentrok dengan yang sudah ada.',
    'error.transition': 'Langkah ini tidak dapat dilakukan pada status sekarang.',
    'register.title': 'Pendaftaran permohonan',
    'register.new': 'Daftar baru',
    'register.name': 'Nama lengkap',
    'register.birth_place': 'Tempat lahir',
    'register.address': 'Alamat',
    'register.phone': 'Telepon (boleh kosong)',
    'register.permit_type': 'Jenis izin (ketik kode atau nama)',
    'register.nik.decoded': 'Lahir {birth} · {sex} · {area}',
    'register.known': 'Pemohon sudah terdaftar: data diisi otomatis.',
    'register.sla': 'Waktu layanan {days} hari kerja setelah berkas lengkap.',
    'register.save': 'Simpan dan cetak tanda terima',
    'register.saved': 'Permohonan {number} tersimpan.',
    'register.open': 'Buka permohonan',
    'register.next': 'Pemohon berikutnya',
    'sex.L': 'Laki-laki',
    'sex.P': 'Perempuan',
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
    'session.signin.title': 'Sign in',
    'session.signin.hint': 'Sign in with your staff account.',
    'session.username': 'Username',
    'session.password': 'Password',
    'session.signin': 'Sign in',
    'session.signout': 'Sign out',
    'session.lock': 'Lock',
    'session.locked.title': 'Screen locked',
    'session.locked.hint': 'The screen is locked. Enter the password of {name} to continue.',
    'session.other_user': 'Sign in as another user',
    'role.admin': 'Administrator',
    'role.clerk': 'Front desk clerk',
    'role.verifier': 'Verifier',
    'role.signer': 'Head of office',
    'role.courier': 'Courier',
    'setup.title': 'Office setup',
    'setup.hint': 'This database is new. Enter the office profile, the head of office and the first administrator account.',
    'setup.office': 'Office profile',
    'setup.head': 'Head of office (signs the permits)',
    'setup.admin': 'First administrator',
    'setup.save': 'Save and sign in',
    'office.government': 'Local government',
    'office.name': 'Office name',
    'office.unit': 'Unit code (permit numbers)',
    'office.regency_code': 'Regency code',
    'office.address': 'Address',
    'office.phone': 'Phone',
    'office.email': 'Email',
    'office.sign_place': 'Place of signing',
    'office.head_title': 'Title',
    'office.head_name': 'Name',
    'office.head_rank': 'Rank/grade',
    'office.head_nip': 'NIP (18 digits)',
    'user.username': 'Username',
    'user.full_name': 'Full name',
    'user.password': 'Password',
    'user.nip': 'NIP (optional)',
    'case.back': 'Back to the list',
    'case.open': 'Open application {number}',
    'case.applicant': 'Applicant',
    'case.birth': 'Place and date of birth',
    'case.address': 'Address',
    'case.village': 'Village',
    'case.phone': 'Phone',
    'case.permit': 'Permit data',
    'case.permit_type': 'Permit type',
    'case.permit_number': 'Permit number',
    'case.registered': 'Registered',
    'case.checklist': 'Documents',
    'case.doc.received': 'Received',
    'case.doc.missing': 'Missing',
    'case.doc.optional': '(optional)',
    'case.timeline': 'Timeline',
    'case.col.when': 'When',
    'case.col.who': 'Staff',
    'case.col.step': 'Step',
    'case.col.reason': 'Reason',
    'case.actions': 'Actions',
    'case.actions.none': 'Your role has no action on a case in this status.',
    'case.reason': 'Reason (required)',
    'case.confirm': 'Confirm',
    'case.cancel': 'Cancel',
    'case.done': 'Status now: {status}.',
    'case.print': 'Print',
    'case.print.certificate': 'Save the permit (PDF)',
    'case.print.receipt': 'Save the receipt (PDF)',
    'case.saved': 'Saved: {path}',
    'move.to.received': 'Take the file back in',
    'move.to.returned': 'Return to the applicant',
    'move.to.verified': 'Declare complete',
    'move.to.in_review': 'Start review',
    'move.to.approved': 'Approve',
    'move.to.rejected': 'Reject',
    'move.to.issued': 'Issue the permit',
    'move.to.out_for_delivery': 'Send with the service van',
    'move.to.delivered': 'Mark delivered',
    'move.to.picked_up': 'Mark picked up',
    'move.to.withdrawn': 'Withdraw the application',
    'sla.not_started': 'Service time not started',
    'sla.paused': 'Paused: {used} of {days} working days used',
    'sla.due_today': 'Due today',
    'sla.running': '{days} working days left (due {due})',
    'sla.overdue': 'Overdue by {days} working days (due {due})',
    'sla.stopped': 'Service time ended',
    'error.auth': 'Wrong username or password.',
    'error.signed_out': 'The session has ended. Please sign in again.',
    'error.conflict': 'This conflicts with existing data.',
    'error.transition': 'This step is not possible in the current status.',
    'register.title': 'Register an application',
    'register.new': 'New application',
    'register.name': 'Full name',
    'register.birth_place': 'Place of birth',
    'register.address': 'Address',
    'register.phone': 'Phone (optional)',
    'register.permit_type': 'Permit type (type its code or name)',
    'register.nik.decoded': 'Born {birth} · {sex} · {area}',
    'register.known': 'Known applicant: the data is filled in.',
    'register.sla': 'Service time {days} working days once the file is complete.',
    'register.save': 'Save and print the receipt',
    'register.saved': 'Application {number} saved.',
    'register.open': 'Open the application',
    'register.next': 'Next applicant',
    'sex.L': 'Male',
    'sex.P': 'Female',
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
