//! The certificate (surat izin) of a case: what it prints, as what (a watermarked draft, the original, a
//! SALINAN copy), and the print log kept on the case.

use chrono::{DateTime, Utc};

use super::{format, header, verification};
use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::cases::{self, Case, CaseId, SignerOnRecord, Status};
use crate::catalogue::{self, snapshot, FieldKind};
use crate::db::{Db, Tx};
use crate::people::{applicants, photos};
use crate::print::{self, CertificateDoc, SignatureBlock};
use crate::store::applicants::Sex;
use crate::{identity, Error, Result};

/// The regency line under the signer's title: `KABUPATEN BANYUASIN` from `PEMERINTAH KABUPATEN BANYUASIN`.
fn regency_line(government: &str) -> &str {
    government.strip_prefix("PEMERINTAH ").unwrap_or(government)
}

/// What the certificate's QR code carries: for an issued permit the claim signed with the office key
/// (issue-time data only, so the printed code never changes); a draft gets a plain note that verifies as
/// nothing.
fn qr_payload(db: &Db, case: &Case, holder: &str, nik: &str) -> Result<String> {
    match &case.permit_number {
        Some(number) => verification::sign(
            db,
            &verification::PermitClaim {
                permit_number: number.clone(),
                holder_name: holder.to_string(),
                masked_nik: format::mask_nik(nik),
                permit_type: case.permit_type_code.clone(),
                valid_until: case.valid_until.map(|d| d.to_string()),
                key_id: String::new(),
            },
        ),
        None => Ok(format!("DRAF {} - belum berlaku", case.registration_number)),
    }
}

/// The certificate of a case as a document model. Cases verified, under review or approved print as a
/// draft (watermarked, no number); issued permits print as final.
pub fn certificate_doc(db: &Db, id: CaseId, mask_nik: bool) -> Result<CertificateDoc> {
    let case = cases::get(db, id)?;
    let draft = match case.status {
        Status::Issued | Status::OutForDelivery | Status::Delivered | Status::PickedUp => false,
        Status::Verified | Status::InReview | Status::Approved => true,
        s => {
            return Err(Error::Transition(format!(
                "a case that is {s} has no certificate; it is printed once the file is verified (draft) or issued"
            )))
        }
    };
    let (o, header) = header(db)?;
    let ap = applicants::get(db, case.applicant_id)?;
    let mut ptype = catalogue::get(db, case.permit_type_id)?;
    if let Some(frozen) = snapshot::load(db, id)? {
        frozen.apply(&mut ptype);
    }
    let signer = case.signer.clone().unwrap_or(SignerOnRecord {
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
            format!("{}, {}", ap.birth_place, format::tanggal(ap.birth_date)),
        ),
        (
            "Jenis Kelamin".to_string(),
            match ap.sex {
                Sex::Female => "Perempuan",
                Sex::Male => "Laki-laki",
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
            let v = if f.kind == FieldKind::Date {
                format::tanggal_str(v)
            } else {
                v.clone()
            };
            rows.push((f.label.clone(), v));
        }
    }
    let issued = case
        .issued_on
        .map(format::tanggal)
        .unwrap_or_else(|| "…".into());
    let validity_line = match case.valid_until {
        Some(v) => format!(
            "Izin ini berlaku sampai dengan tanggal {}.",
            format::tanggal(v)
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
        qr_payload: qr_payload(db, &case, &ap.name, &ap.nik)?,
        qr_caption: format!(
            "Pindai untuk memeriksa keaslian · {}",
            case.registration_number
        ),
        mark: if draft { Some("DRAF".into()) } else { None },
        photo_png: photos::get(db, case.applicant_id)?,
        header,
    })
}

/// The roles that may print a certificate: anyone who hands one over (counter, van) or checks it.
pub const PRINTERS: &[Role] = &[
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

/// The document model of a certificate about to be printed, and which print it will be: an issued permit
/// printed before is marked SALINAN (`None` for a draft, 0 for the original, then 1, 2, … for copies).
pub(crate) fn prepare_print(
    db: &Db,
    id: CaseId,
    mask_nik: bool,
) -> Result<(CertificateDoc, Option<u32>)> {
    let mut doc = certificate_doc(db, id, mask_nik)?;
    if doc.mark.is_some() {
        return Ok((doc, None));
    }
    let before = crate::store::events::count_for_case(db, id, "certificate.print")?;
    if before > 0 {
        doc.mark = Some("SALINAN".into());
    }
    Ok((doc, Some(before)))
}

/// Logs the print of an issued permit on its case (`copy` as [`prepare_print`] said).
pub(crate) fn log_print(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    id: CaseId,
    copy: u32,
) -> Result<()> {
    let detail = if copy == 0 {
        "asli".to_string()
    } else {
        format!("salinan ke-{copy}")
    };
    audit::case_event(
        tx,
        id,
        actor,
        now,
        Change::note("certificate.print", Some(&detail)),
    )
}

/// [`prepare_print`] and [`log_print`] inside one transaction.
pub(crate) fn certificate_for_print_tx(
    tx: &Tx,
    actor: &Actor,
    now: DateTime<Utc>,
    id: CaseId,
    mask_nik: bool,
) -> Result<(CertificateDoc, Option<u32>)> {
    let (doc, copy) = prepare_print(tx, id, mask_nik)?;
    if let Some(c) = copy {
        log_print(tx, actor, now, id, c)?;
    }
    Ok((doc, copy))
}

/// Prints the certificate of one case. A draft (verified, in review, approved) is watermarked DRAF and not
/// logged; the first print of an issued permit is the original, any later one is marked SALINAN; both are
/// logged as a case event in the same transaction, so a failed render logs nothing.
pub fn print_certificate(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    id: CaseId,
    mask_nik: bool,
) -> Result<PrintedCertificate> {
    actor.require(PRINTERS, "print a certificate")?;
    db.write(|tx| {
        let (doc, copy) = certificate_for_print_tx(tx, actor, now, id, mask_nik)?;
        let pdf = print::certificate_pdf(&doc, now)?;
        Ok(PrintedCertificate { pdf, copy })
    })
}
