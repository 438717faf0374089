//! The receipt (tanda terima) a front desk or the van hands the applicant, and registering an application
//! together with its receipt: one command, so a receipt that cannot be made leaves no case behind, and the
//! same submission sent again gives the first case and its receipt again.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{format, header};
use crate::actor::Actor;
use crate::cases::{self, CaseId, Channel, NewCase, Registered};
use crate::db::Db;
use crate::people::applicants;
use crate::print::{self, ChecklistLine, ReceiptDoc};
use crate::{office, Result};

/// The receipt of a case as a document model.
pub fn receipt_doc(db: &Db, id: CaseId) -> Result<ReceiptDoc> {
    let case = cases::get(db, id)?;
    let (o, header) = header(db)?;
    let ap = applicants::get(db, case.applicant_id)?;
    let local = case.registered_at + chrono::Duration::minutes(i64::from(o.utc_offset_minutes));
    let due = match case.due_date {
        Some(d) => format!("{} ({} hari kerja)", format::tanggal(d), case.sla_days),
        None => format!(
            "{} hari kerja sejak berkas dinyatakan lengkap",
            case.sla_days
        ),
    };
    let channel = match case.channel {
        Channel::Counter => "Loket",
        Channel::Van => "Layanan Keliling (Mobil Petromaks)",
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
        checklist: cases::documents(db, id)?
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
        clerk_name: case.registered_by_name.clone(),
        place_date_line: format!("{}, {}", o.sign_place, format::tanggal(local.date_naive())),
        header,
    })
}

/// The receipt PDF of one case (printed again from the case screen whenever it is asked for).
pub fn receipt(db: &Db, id: CaseId, now: DateTime<Utc>) -> Result<Vec<u8>> {
    print::receipt_pdf(&receipt_doc(db, id)?, now)
}

/// A registration and the receipt to hand over.
#[derive(Debug, Clone, Serialize)]
pub struct RegisteredWithReceipt {
    #[serde(flatten)]
    pub registered: Registered,
    #[serde(skip)]
    pub receipt_pdf: Vec<u8>,
}

/// Registers an application and makes its receipt in the same transaction: when the receipt cannot be
/// made nothing is registered. A submission already registered returns that case and its receipt.
pub fn register_with_receipt(
    db: &mut Db,
    actor: &Actor,
    now: DateTime<Utc>,
    input: &NewCase,
) -> Result<RegisteredWithReceipt> {
    let today = office::today(db, now)?;
    db.write(|tx| {
        let registered = cases::register_tx(tx, actor, now, today, input)?;
        let receipt_pdf = receipt(tx, registered.id, now)?;
        Ok(RegisteredWithReceipt {
            registered,
            receipt_pdf,
        })
    })
}
