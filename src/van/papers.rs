//! From a trip to its printed papers: the manifest the crew carries and the handover record (berita
//! acara serah terima), stops in visiting order, every crew member named, each proxy with their letter.

use chrono::{DateTime, Utc};

use super::view::detail;
use crate::db::Db;
use crate::documents;
use crate::print::{self, ManifestLine, ManifestStop, TripDoc};
use crate::store::deliveries::{Carried, DeliveryOutcome, FailReason};
use crate::store::trips::TripId;
use crate::{format, Error, Result};

fn outcome_text(p: &Carried) -> String {
    let name = p.recipient_name.as_deref().unwrap_or("-");
    match (p.outcome, p.fail_reason) {
        (Some(DeliveryOutcome::Holder), _) => format!("Diterima pemegang izin:\n{name}"),
        (Some(DeliveryOutcome::Proxy), _) => format!(
            "Diterima kuasa:\n{name} ({}),\nsurat kuasa {}",
            p.relation.as_deref().unwrap_or("-"),
            p.authority_letter.as_deref().unwrap_or("-")
        ),
        (_, Some(r)) => format!(
            "Kembali ke kantor:\n{}",
            match r {
                FailReason::NotHome => "pemegang tidak di tempat",
                FailReason::AddressNotFound => "alamat tidak ditemukan",
                FailReason::Refused => "ditolak",
                FailReason::NotAttempted => "tidak sempat diantar",
            }
        ),
        _ => String::new(),
    }
}

/// The trip's papers as a document model; `handover` picks the berita acara instead of the manifest.
pub fn trip_doc(db: &Db, id: TripId, handover: bool) -> Result<TripDoc> {
    let d = detail(db, id)?;
    let (o, header) = documents::header(db)?;
    let day = d.trip.date;
    let mut stops = Vec::new();
    for s in &d.stops {
        let mut lines = Vec::new();
        for p in &s.permits {
            let number = p.permit_number.clone().ok_or_else(|| {
                Error::Corrupt(format!(
                    "case {} is on trip {id} without a permit number",
                    p.case_id
                ))
            })?;
            lines.push(ManifestLine {
                permit_number: number,
                permit_type: p.permit_type.clone(),
                holder: p.holder.clone(),
                address: p.address.clone(),
                outcome: outcome_text(p),
            });
        }
        stops.push(ManifestStop {
            heading: format!(
                "Pemberhentian {}: Desa/Kel. {}, Kecamatan {} ({} izin)",
                s.position,
                s.village,
                s.district,
                s.permits.len()
            ),
            lines,
        });
    }
    let permits: usize = d.stops.iter().map(|s| s.permits.len()).sum();
    let rows = vec![
        ("Nomor Perjalanan".into(), d.trip.id.to_string()),
        ("Tanggal".into(), format::tanggal(day)),
        ("Kendaraan".into(), d.trip.vehicle.clone()),
        ("Petugas".into(), d.crew_names.join(", ")),
        (
            "Jumlah".into(),
            format!("{} pemberhentian, {permits} izin", d.stops.len()),
        ),
    ];
    let desk = vec!["(..............................)".to_string()];
    let (title, intro, signatories) = if handover {
        (
            "BERITA ACARA SERAH TERIMA IZIN",
            format!(
                "Pada tanggal {}, petugas loket menyerahkan {permits} surat izin yang tercantum di bawah ini kepada petugas layanan keliling untuk diantar kepada pemegang izin. Izin yang tidak dapat diserahkan dikembalikan ke loket dengan keterangan.",
                format::tanggal(day),
            ),
            [
                ("Yang Menyerahkan,\nPetugas Loket".to_string(), desk),
                ("Yang Menerima,\nPetugas Layanan Keliling".to_string(), d.crew_names.clone()),
            ],
        )
    } else {
        (
            "MANIFES PENGANTARAN IZIN",
            String::new(),
            [
                ("Mengetahui,\nPetugas Loket".to_string(), desk),
                (
                    "Petugas Layanan Keliling,".to_string(),
                    d.crew_names.clone(),
                ),
            ],
        )
    };
    Ok(TripDoc {
        header,
        title: title.into(),
        rows,
        intro,
        stops,
        place_date_line: format!("{}, {}", o.sign_place, format::tanggal(day)),
        signatories,
    })
}

/// The manifest PDF of a trip: stops in visiting order, one line per permit with room to sign.
pub fn manifest(db: &Db, id: TripId, now: DateTime<Utc>) -> Result<Vec<u8>> {
    print::manifest_pdf(&trip_doc(db, id, false)?, now)
}

/// The handover record (berita acara serah terima) PDF of a trip, with outcomes once recorded.
pub fn handover_record(db: &Db, id: TripId, now: DateTime<Utc>) -> Result<Vec<u8>> {
    print::handover_pdf(&trip_doc(db, id, true)?, now)
}
