//! From a case to its printed documents: gathers the office, applicant, permit type and signer on record
//! and hands the layout code plain text. What is printed when (draft, issued) is decided here.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::cases::{self, Case, CaseId, Status};
use crate::print::{self, CertificateDoc, ChecklistLine, OfficeHeader, ReceiptDoc, SignatureBlock};
use crate::users::{Actor, Role};
use crate::{
    applicants, audit, db, format, identity, office, permit_types, photos, time, verification,
};
use crate::{Error, Result};

pub(crate) fn header(conn: &Connection) -> Result<(office::Office, OfficeHeader)> {
    let o = office::require(conn)?;
    let h = OfficeHeader {
        government: o.government.clone(),
        office_name: o.name.clone(),
        address_lines: vec![
            o.address.clone(),
            format!("Telp. {}  ·  E-mail: {}", o.phone, o.email),
        ],
        logo_png: office::logo(conn)?,
    };
    Ok((o, h))
}

/// The regency line under the signer's title: `KABUPATEN BANYUASIN` from `PEMERINTAH KABUPATEN BANYUASIN`.
fn regency_line(government: &str) -> &str {
    government.strip_prefix("PEMERINTAH ").unwrap_or(government)
}

/// What the certificate's QR code carries: for an issued permit the claim signed with the office key (issue-time
/// data only, so the printed code never changes); a draft gets a plain note that verifies as nothing.
fn qr_payload(conn: &Connection, case: &Case, holder: &str, nik: &str) -> Result<String> {
    match &case.permit_number {
        Some(number) => verification::sign(
            conn,
            &verification::PermitClaim {
                permit_number: number.clone(),
                holder_name: holder.to_string(),
                masked_nik: format::mask_nik(nik),
                permit_type: case.permit_type_code.clone(),
                valid_until: case.valid_until.clone(),
                key_id: String::new(),
            },
        ),
        None => Ok(format!("DRAF {} - belum berlaku", case.registration_number)),
    }
}

/// The certificate of a case as a document model. Cases approved or under review print as a draft
/// (watermarked, no number); issued permits print as final.
pub fn certificate_doc(conn: &Connection, id: CaseId, mask_nik: bool) -> Result<CertificateDoc> {
    let case = cases::get(conn, id)?;
    let draft = match case.status {
        Status::Issued | Status::OutForDelivery | Status::Delivered | Status::PickedUp => false,
        Status::Verified | Status::InReview | Status::Approved => true,
        s => {
            return Err(Error::Transition(format!(
                "a case that is {s} has no certificate; it is printed once the file is verified (draft) or issued"
            )))
        }
    };
    let (o, header) = header(conn)?;
    let ap = applicants::get(conn, case.applicant_id)?;
    let mut ptype = permit_types::by_code(conn, &case.permit_type_code)?;
    if let Some(frozen) = crate::certificate_snapshot::load(conn, id)? {
        frozen.apply(&mut ptype);
    }
    let signer = case.signer.clone().unwrap_or(cases::SignerOnRecord {
        title: o.head_title.clone(),
        name: o.head_name.clone(),
        rank: o.head_rank.clone(),
        nip: identity::format_nip(&o.head_nip),
        place: o.sign_place.clone(),
    });
    let mut rows = vec![
        (
            "NIK".to_string(),
            if mask_nik {
                format::mask_nik(&ap.nik)
            } else {
                ap.nik.clone()
            },
        ),
        (
            "Tempat/Tanggal Lahir".to_string(),
            format!(
                "{}, {}",
                ap.birth_place,
                format::tanggal_str(&ap.birth_date)
            ),
        ),
        (
            "Jenis Kelamin".to_string(),
            if ap.sex.code() == "P" {
                "Perempuan"
            } else {
                "Laki-laki"
            }
            .to_string(),
        ),
        (
            "Alamat".to_string(),
            ap.address.clone()
                + &ap
                    .village
                    .as_deref()
                    .map(|v| format!(", Desa/Kel. {v}"))
                    .unwrap_or_default(),
        ),
    ];
    for f in &ptype.fields {
        if let Some(v) = case.details.get(&f.key) {
            let v = if f.kind == "date" {
                format::tanggal_str(v)
            } else {
                v.clone()
            };
            rows.push((f.label.clone(), v));
        }
    }
    let issued = case
        .issued_on
        .as_deref()
        .map(format::tanggal_str)
        .unwrap_or_else(|| "…".into());
    let validity_line = match case.valid_until.as_deref() {
        Some(v) => format!(
            "Izin ini berlaku sampai dengan tanggal {}.",
            format::tanggal_str(v)
        ),
        None if draft => match ptype.validity_months {
            Some(m) => format!("Izin ini berlaku selama {m} bulan sejak tanggal ditetapkan."),
            None => "Izin ini berlaku selama pemegang izin memenuhi ketentuan.".into(),
        },
        None => "Izin ini berlaku selama pemegang izin memenuhi ketentuan.".into(),
    };
    Ok(CertificateDoc {
        title: ptype.title.clone(),
        number: case
            .permit_number
            .clone()
            .unwrap_or_else(|| "(belum bernomor)".into()),
        legal_basis: ptype.legal_basis.clone(),
        intro: format!(
            "Kepala {} {}, memberikan izin kepada:",
            format::title_case(&o.name),
            format::title_case(regency_line(&o.government))
        ),
        holder_name: ap.name.clone(),
        rows,
        conditions: ptype.conditions.clone(),
        validity_line,
        signature: SignatureBlock {
            place_line: format!("Ditetapkan di {}", signer.place),
            date_line: format!("Pada tanggal {issued}"),
            title: format!("{}\n{}", signer.title, regency_line(&o.government)),
            name: signer.name.clone(),
            rank: signer.rank.clone(),
            nip_line: format!("NIP. {}", signer.nip),
        },
        tembusan: ptype.tembusan.clone(),
        qr_payload: qr_payload(conn, &case, &ap.name, &ap.nik)?,
        qr_caption: format!(
            "Pindai untuk memeriksa keaslian · {}",
            case.registration_number
        ),
        mark: if draft { Some("DRAF".into()) } else { None },
        photo_png: photos::get(conn, case.applicant_id)?,
        header,
    })
}

/// The roles that may print a certificate: anyone who hands one over (counter, van) or checks it.
pub(crate) const PRINTERS: &[Role] = &[
    Role::Clerk,
    Role::Verifier,
    Role::Signer,
    Role::Courier,
    Role::Admin,
];

/// A printed certificate: the PDF and which print it was (`None` for a draft, 0 for the original, then
/// 1, 2, … for each copy).
#[derive(Debug, Clone)]
pub struct PrintedCertificate {
    pub pdf: Vec<u8>,
    pub copy: Option<u32>,
}

/// The document model of a certificate being printed inside `tx`: an issued permit printed before is marked
/// SALINAN, and every print of an issued permit is logged on the case with its copy number.
pub(crate) fn certificate_for_print_tx(
    tx: &rusqlite::Transaction,
    actor: &Actor,
    now: DateTime<Utc>,
    id: CaseId,
    mask_nik: bool,
) -> Result<(CertificateDoc, Option<u32>)> {
    let mut doc = certificate_doc(tx, id, mask_nik)?;
    if doc.mark.is_some() {
        return Ok((doc, None));
    }
    let before: u32 = tx.query_row(
        "SELECT count(*) FROM case_events WHERE case_id = ?1 AND action = 'certificate.print'",
        [id.0],
        |r| r.get(0),
    )?;
    let detail = if before == 0 {
        "asli".to_string()
    } else {
        doc.mark = Some("SALINAN".into());
        format!("salinan ke-{before}")
    };
    audit::case_event(
        tx,
        id,
        actor,
        now,
        audit::Change {
            action: "certificate.print",
            from: None,
            to: None,
            reason: None,
            detail: Some(&detail),
        },
    )?;
    Ok((doc, Some(before)))
}

/// Prints the certificate of one case. A draft (verified, in review, approved) is watermarked DRAF and not
/// logged; the first print of an issued permit is the original, any later one is marked SALINAN; both are
/// logged as a case event in the same transaction, so a failed render logs nothing.
pub fn print_certificate(
    conn: &mut Connection,
    actor: &Actor,
    now: DateTime<Utc>,
    id: CaseId,
    mask_nik: bool,
) -> Result<PrintedCertificate> {
    actor.require(PRINTERS, "print a certificate")?;
    let tx = db::write_tx(conn)?;
    let (doc, copy) = certificate_for_print_tx(&tx, actor, now, id, mask_nik)?;
    let pdf = print::certificate_pdf(&doc, now)?;
    tx.commit()?;
    Ok(PrintedCertificate { pdf, copy })
}

/// The receipt (tanda terima) of a case as a document model.
pub fn receipt_doc(conn: &Connection, id: CaseId) -> Result<ReceiptDoc> {
    let case = cases::get(conn, id)?;
    let (o, header) = header(conn)?;
    let ap = applicants::get(conn, case.applicant_id)?;
    let clerk: String = conn.query_row(
        "SELECT full_name FROM users WHERE username = ?1",
        [&case.registered_by],
        |r| r.get(0),
    )?;
    let registered = time::parse_stamp("registered_at", &case.registered_at)?;
    let local = registered + chrono::Duration::minutes(i64::from(o.utc_offset_minutes));
    let due = match case.due_date.as_deref() {
        Some(d) => format!("{} ({} hari kerja)", format::tanggal_str(d), case.sla_days),
        None => format!(
            "{} hari kerja sejak berkas dinyatakan lengkap",
            case.sla_days
        ),
    };
    let channel = match case.channel {
        cases::Channel::Counter => "Loket",
        cases::Channel::Van => "Layanan Keliling (Mobil Petromaks)",
    };
    Ok(ReceiptDoc {
        title: "TANDA TERIMA BERKAS PERMOHONAN".into(),
        registration_number: case.registration_number.clone(),
        rows: vec![
            ("Nama Pemohon".into(), ap.name.clone()),
            ("NIK".into(), ap.nik.clone()),
            (
                "Alamat".into(),
                ap.address.clone()
                    + &ap
                        .village
                        .as_deref()
                        .map(|v| format!(", Desa/Kel. {v}"))
                        .unwrap_or_default(),
            ),
            (
                "Jenis Izin".into(),
                format!("{} ({})", case.permit_type_name, case.permit_type_code),
            ),
            (
                "Jenis Layanan".into(),
                format::title_case(case.service_mode.as_str()),
            ),
            ("Diterima Melalui".into(), channel.into()),
            (
                "Diterima Pada".into(),
                format!(
                    "{}, pukul {} {}",
                    format::tanggal(local.date_naive()),
                    local.format("%H.%M"),
                    format::zone(o.utc_offset_minutes)
                ),
            ),
            ("Standar Waktu".into(), due),
        ],
        checklist_heading: "Kelengkapan Berkas".into(),
        checklist: cases::documents(conn, id)?
            .into_iter()
            .map(|d| ChecklistLine {
                label: d.label,
                mandatory: d.mandatory,
                received: d.received,
            })
            .collect(),
        notes: vec![
            "Simpan tanda terima ini. Tunjukkan saat mengambil izin atau saat izin diantar.".into(),
            "Status permohonan dapat ditanyakan dengan menyebut nomor pendaftaran di atas.".into(),
        ],
        clerk_line: "Petugas Penerima".into(),
        clerk_name: clerk,
        place_date_line: format!("{}, {}", o.sign_place, format::tanggal(local.date_naive())),
        header,
    })
}

/// The receipt PDF of one case.
pub fn receipt(conn: &Connection, id: CaseId, now: DateTime<Utc>) -> Result<Vec<u8>> {
    print::receipt_pdf(&receipt_doc(conn, id)?, now)
}
