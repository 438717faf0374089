//! From a trip to its printed papers: the manifest and the handover record, stops in visiting order.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::{detail, FailReason, TripId};
use crate::print::{self, ManifestLine, ManifestStop, TripDoc};
use crate::{documents, format, time, Error, Result};

fn outcome_text(
    outcome: Option<&str>,
    reason: Option<FailReason>,
    recipient: Option<&str>,
    relation: Option<&str>,
) -> String {
    match (outcome, reason) {
        (Some("holder"), _) => format!("Diterima pemegang izin:\n{}", recipient.unwrap_or("-")),
        (Some("proxy"), _) => format!(
            "Diterima kuasa:\n{} ({})",
            recipient.unwrap_or("-"),
            relation.unwrap_or("-")
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
pub fn trip_doc(conn: &Connection, id: TripId, handover: bool) -> Result<TripDoc> {
    let d = detail(conn, id)?;
    let (o, header) = documents::header(conn)?;
    let day = time::parse_day("trip_date", &d.trip.date)?;
    let mut stops = Vec::new();
    for s in &d.stops {
        let mut lines = Vec::new();
        for p in &s.permits {
            let number = p.permit_number.clone().ok_or_else(|| {
                Error::Corrupt(format!(
                    "case {} is on trip {} without a permit number",
                    p.case_id.0, id.0
                ))
            })?;
            lines.push(ManifestLine {
                permit_number: number,
                permit_type: p.permit_type.clone(),
                holder: p.holder.clone(),
                address: p.address.clone(),
                outcome: outcome_text(
                    p.outcome.as_deref(),
                    p.fail_reason,
                    p.recipient_name.as_deref(),
                    p.relation.as_deref(),
                ),
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
    let crew = d.crew_names.join(", ");
    let rows = vec![
        ("Nomor Perjalanan".into(), format!("{}", d.trip.id.0)),
        ("Tanggal".into(), format::tanggal(day)),
        ("Kendaraan".into(), d.trip.vehicle.clone()),
        ("Petugas".into(), crew.clone()),
        (
            "Jumlah".into(),
            format!("{} pemberhentian, {permits} izin", d.stops.len()),
        ),
    ];
    let (title, intro, signatories) = if handover {
        (
            "BERITA ACARA SERAH TERIMA IZIN",
            format!(
                "Pada tanggal {}, petugas loket menyerahkan {permits} surat izin yang tercantum di bawah ini kepada petugas layanan keliling untuk diantar kepada pemegang izin. Izin yang tidak dapat diserahkan dikembalikan ke loket dengan keterangan.",
                format::tanggal(day),
            ),
            [
                ("Yang Menyerahkan,\nPetugas Loket".to_string(), "(..............................)".to_string()),
                ("Yang Menerima,\nPetugas Layanan Keliling".to_string(), d.crew_names.first().cloned().unwrap_or_default()),
            ],
        )
    } else {
        (
            "MANIFES PENGANTARAN IZIN",
            String::new(),
            [
                (
                    "Mengetahui,\nPetugas Loket".to_string(),
                    "(..............................)".to_string(),
                ),
                (
                    "Petugas Layanan Keliling,".to_string(),
                    d.crew_names.first().cloned().unwrap_or_default(),
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
pub fn manifest(conn: &Connection, id: TripId, now: DateTime<Utc>) -> Result<Vec<u8>> {
    print::manifest_pdf(&trip_doc(conn, id, false)?, now)
}

/// The handover record (berita acara serah terima) PDF of a trip, with outcomes once recorded.
pub fn handover_record(conn: &Connection, id: TripId, now: DateTime<Utc>) -> Result<Vec<u8>> {
    print::handover_pdf(&trip_doc(conn, id, true)?, now)
}
