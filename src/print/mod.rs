//! The PDFs the office hands out: the permit certificate (*surat izin*), the intake receipt (*tanda
//! terima*), the trip's papers, and the reports the head of office signs (with their charts). Pure layout on A4: the caller formats every text (dates in Indonesian, NIP grouped, NIK
//! masked or not) and this module only places it, with embedded fonts and vector QR codes, so that the
//! same input and clock give the same bytes.

mod certificate;
mod chart;
mod compress;
mod font_names;
mod fonts;
mod images;
mod kop;
mod labels;
mod layout;
mod manifest;
mod qr;
mod receipt;
mod report;
#[cfg(test)]
mod samples;
mod table;
#[cfg(test)]
mod tests;
mod text;

pub use fonts::files as font_files;
pub use manifest::{handover_pdf, manifest_pdf, ManifestLine, ManifestStop, TripDoc};

use std::sync::Arc;

use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions, RawImage, XObject, XObjectId};
use sha2::{Digest, Sha256};

use compress::Effort;

use crate::{Error, Result};

/// The letterhead (*kop surat*) printed at the top of every page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficeHeader {
    /// "PEMERINTAH KABUPATEN BANYUASIN"
    pub government: String,
    /// "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"
    pub office_name: String,
    /// The street address, then a line such as "Telp. … e-mail …".
    pub address_lines: Vec<String>,
    /// The regency's coat of arms, printed at the left. Shared, because a batch's 500 certificates
    /// would otherwise each hold their own copy (see [`share_logos`]).
    pub logo_png: Option<Arc<[u8]>>,
}

/// Who signs, and where and when.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignatureBlock {
    /// "Ditetapkan di Pangkalan Balai"
    pub place_line: String,
    /// "Pada tanggal 28 November 2026"
    pub date_line: String,
    /// "KEPALA DINAS PENANAMAN MODAL DAN PTSP\nKABUPATEN BANYUASIN"; `\n` breaks the line.
    pub title: String,
    pub name: String,
    /// Rank (*pangkat/golongan*), e.g. "Pembina Utama Muda (IV/c)".
    pub rank: String,
    /// "NIP. 19691111 200212 1 002"
    pub nip_line: String,
}

/// One permit certificate (*surat izin*).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertificateDoc {
    pub header: OfficeHeader,
    /// "SURAT IZIN PRAKTIK DOKTER"; printed in capitals.
    pub title: String,
    /// "503/0112/SIPD/DPMPTSP/XI/2026"
    pub number: String,
    /// The regulations of this permit type, printed numbered under "Dasar".
    pub legal_basis: Vec<String>,
    /// "Kepala Dinas … memberikan izin kepada:"
    pub intro: String,
    pub holder_name: String,
    /// The holder's data and the permit type's own fields, as label and value.
    pub rows: Vec<(String, String)>,
    /// Printed numbered; the heading is added here.
    pub conditions: Vec<String>,
    /// "Izin ini berlaku sampai dengan tanggal 28 November 2031."
    pub validity_line: String,
    pub signature: SignatureBlock,
    /// Copies to (*tembusan*); nothing is printed when empty.
    pub tembusan: Vec<String>,
    /// What the footer QR code encodes (the signed verification payload).
    pub qr_payload: String,
    /// Printed beside the QR code.
    pub qr_caption: String,
    /// "DRAF", "SALINAN", …: a large light-grey diagonal watermark plus a boxed label at the top.
    pub mark: Option<String>,
    /// The holder's pas photo, printed 4×6 cm left of the signature.
    pub photo_png: Option<Vec<u8>>,
}

/// The receipt the front office prints when it takes in an application.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReceiptDoc {
    pub header: OfficeHeader,
    /// "TANDA TERIMA BERKAS PERMOHONAN"
    pub title: String,
    /// Printed large and as a QR code a counter scanner reads.
    pub registration_number: String,
    /// Applicant name, NIK, address, permit type, service mode, channel, received at, due date note.
    pub rows: Vec<(String, String)>,
    pub checklist_heading: String,
    pub checklist: Vec<ChecklistLine>,
    pub notes: Vec<String>,
    /// "Petugas Loket,"
    pub clerk_line: String,
    pub clerk_name: String,
    /// "Pangkalan Balai, 28 November 2026"
    pub place_date_line: String,
}

/// One requirement document on the receipt's checklist.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChecklistLine {
    pub label: String,
    pub mandatory: bool,
    pub received: bool,
}

/// One envelope label of a delivery batch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvelopeLabel {
    pub name: String,
    /// Street address and village, as the van crew reads it at the stop.
    pub address: String,
    /// "No. Reg: REG-2026-000040"
    pub registration_line: String,
    /// "No. Izin: 503/0003/SIPB/DPMPTSP/X/2026"
    pub permit_line: String,
}

/// A report the head of office signs: the kop surat, the title and period, the filters, the tables and
/// charts in order, the signature block, and small footer lines (the audit chain's witness).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportDoc {
    pub header: OfficeHeader,
    /// Printed in capitals, underlined.
    pub title: String,
    /// "Periode: November 2026"
    pub subtitle: String,
    /// The filters as label and value.
    pub rows: Vec<(String, String)>,
    /// Lines under the filters (a clerk's own counter).
    pub notes: Vec<String>,
    pub blocks: Vec<ReportBlock>,
    /// `place_line` carries "Pangkalan Balai, 30 November 2026"; `date_line` may stay empty.
    pub signature: SignatureBlock,
    /// Printed small at the foot of every page.
    pub footer: Vec<String>,
}

/// A table or a chart of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportBlock {
    Table(ReportTable),
    Chart(ChartDoc),
}

/// A table of a report, every cell already written out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportTable {
    pub title: String,
    pub note: Option<String>,
    pub heads: Vec<String>,
    /// Right-aligned columns (figures).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    /// Rows set in bold (totals), by row.
    pub bold: Vec<bool>,
}

/// A chart: horizontal bars per category, or a line over the categories (months). One or two series.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartDoc {
    pub title: String,
    pub line: bool,
    pub categories: Vec<String>,
    pub series: Vec<ChartSeries>,
}

/// One series: its name for the legend, a value per category (`None` draws nothing there) and the
/// value as printed beside the bar or point.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartSeries {
    pub title: String,
    pub values: Vec<Option<f64>>,
    pub labels: Vec<String>,
}

/// A report as a PDF file.
pub fn report_pdf(doc: &ReportDoc, created: chrono::DateTime<chrono::Utc>) -> Result<Vec<u8>> {
    let mut out = Output::new(&doc.title, &doc.header.office_name, created)?;
    let pages = report::layout(&mut out, doc)?;
    out.add_pages(pages);
    out.save()
}

/// One certificate as a PDF file.
pub fn certificate_pdf(
    doc: &CertificateDoc,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>> {
    certificates_pdf(std::slice::from_ref(doc), created)
}

/// Several certificates in one PDF (a van trip's deliveries): fonts and a shared logo are embedded once.
pub fn certificates_pdf(
    docs: &[CertificateDoc],
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>> {
    let first = docs
        .first()
        .ok_or_else(|| Error::Pdf("no certificate to print".into()))?;
    let title = if docs.len() == 1 {
        format!("{} {}", first.title, first.number)
    } else {
        format!("{} surat izin", docs.len())
    };
    let mut out = Output::new(&title, &first.header.office_name, created)?;
    if docs.len() < BATCH_FROM {
        for doc in docs {
            let symbol = certificate::qr_symbol(doc, out.effort)?;
            let pages = certificate::layout(&mut out, doc, symbol)?;
            out.add_pages(pages);
        }
        return out.save();
    }
    out.effort = Effort::Compact;
    std::thread::scope(|scope| {
        // A few QR codes ahead at most: each waits as a deflated form of some 4 KB.
        let (sender, symbols) = std::sync::mpsc::sync_channel(QR_CODES_AHEAD);
        scope.spawn(move || {
            for doc in docs {
                // A send fails only when the layout below has stopped on an error.
                if sender
                    .send(certificate::qr_symbol(doc, Effort::Compact))
                    .is_err()
                {
                    break;
                }
            }
        });
        for doc in docs {
            let symbol = symbols
                .recv()
                .map_err(|_| Error::Pdf("the QR codes stopped before the certificates".into()))??;
            let pages = certificate::layout(&mut out, doc, symbol)?;
            out.add_pages(pages);
        }
        Ok::<(), Error>(())
    })?;
    out.save()
}

/// How many certificates' QR codes may be made before their certificate is laid out.
const QR_CODES_AHEAD: usize = 8;

/// From this many certificates on, a print is a batch: the QR codes are made on a thread of their own,
/// and the streams deflated to smaller files (see [`Effort`]). A QR code takes about 0.3 ms; a thread, with
/// the deflate state it must set up, made a single file 0.3 ms slower.
const BATCH_FROM: usize = 4;

/// Makes certificates that carry the same logo share one copy of it: each certificate read from the
/// register brings its own, and in a batch of 500 those copies were some 20 MiB of a 35 KB logo.
pub fn share_logos(docs: &mut [CertificateDoc]) {
    let mut kept: Option<Arc<[u8]>> = None;
    for doc in docs {
        match (&kept, &doc.header.logo_png) {
            (Some(shared), Some(own)) if shared == own => {
                doc.header.logo_png = Some(Arc::clone(shared))
            }
            (_, Some(own)) => kept = Some(Arc::clone(own)),
            _ => {}
        }
    }
}

/// Envelope labels, 14 to an A4 sheet (2 × 7, 99.1 × 38.1 mm).
pub fn labels_pdf(
    labels: &[EnvelopeLabel],
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>> {
    if labels.is_empty() {
        return Err(Error::Pdf("no label to print".into()));
    }
    let title = format!("Label amplop ({} izin)", labels.len());
    let mut out = Output::new(&title, "Petromaks", created)?;
    let pages = labels::layout(&out, labels)?;
    out.add_pages(pages);
    out.save()
}

/// The intake receipt as a PDF file.
pub fn receipt_pdf(doc: &ReceiptDoc, created: chrono::DateTime<chrono::Utc>) -> Result<Vec<u8>> {
    let title = format!("{} {}", doc.title, doc.registration_number);
    let mut out = Output::new(&title, &doc.header.office_name, created)?;
    let pages = receipt::layout(&mut out, doc)?;
    out.add_pages(pages);
    out.save()
}

/// An image placed in the document, with its pixel size for keeping the aspect ratio.
#[derive(Clone)]
pub(crate) struct ImageRef {
    pub(crate) id: XObjectId,
    pub(crate) width: f32,
    pub(crate) height: f32,
}

/// The PDF being assembled, with the images already in it so a batch embeds a shared logo once.
pub(crate) struct Output<'d> {
    pdf: PdfDocument,
    pub(crate) fonts: &'static fonts::Fonts,
    images: Vec<(&'d [u8], ImageRef)>,
    /// Form XObjects added so far, for their ids.
    forms: usize,
    /// How hard its streams are deflated.
    effort: Effort,
}

impl<'d> Output<'d> {
    fn new(
        title: &str,
        author: &str,
        created: chrono::DateTime<chrono::Utc>,
    ) -> Result<Output<'d>> {
        let fonts = fonts::Fonts::get()?;
        let mut pdf = PdfDocument::new(title);
        let when = printpdf::OffsetDateTime::from_unix_timestamp(created.timestamp())
            .map_err(|e| Error::Pdf(format!("document date {created}: {e}")))?;
        let info = &mut pdf.metadata.info;
        info.creation_date = when;
        info.modification_date = when;
        info.metadata_date = when;
        info.author = author.to_string();
        info.creator = "Petromaks".into();
        info.producer = "Petromaks (printpdf)".into();
        fonts.add_to(&mut pdf);
        Ok(Output {
            pdf,
            fonts,
            images: Vec::new(),
            forms: 0,
            effort: Effort::Quick,
        })
    }

    /// Embeds a PNG once per distinct content; `what` names it in the error when it cannot be read.
    pub(crate) fn image(&mut self, png: &'d [u8], what: &str) -> Result<ImageRef> {
        if let Some((_, found)) = self.images.iter().find(|(bytes, _)| *bytes == png) {
            return Ok(found.clone());
        }
        let mut warnings = Vec::new();
        let image = RawImage::decode_from_bytes(png, &mut warnings)
            .map_err(|e| Error::Pdf(format!("{what}: not a readable PNG image: {e}")))?;
        if image.width == 0 || image.height == 0 {
            return Err(Error::Pdf(format!("{what}: the image is empty")));
        }
        // Fixed ids instead of printpdf's random ones keep the output reproducible.
        let id = XObjectId(format!("Im{}", self.images.len() + 1));
        let found = ImageRef {
            id: id.clone(),
            width: image.width as f32,
            height: image.height as f32,
        };
        self.pdf
            .resources
            .xobjects
            .map
            .insert(id, XObject::Image(image));
        self.images.push((png, found.clone()));
        Ok(found)
    }

    /// The office's logo for the letterhead, if it has one (see [`Output::shared_image`]).
    pub(crate) fn logo(&mut self, header: &'d OfficeHeader) -> Result<Option<ImageRef>> {
        header
            .logo_png
            .as_deref()
            .map(|png| self.shared_image(png, "logo"))
            .transpose()
    }

    /// Like [`Output::image`], for an image every file repeats (the office logo): prepared once per
    /// process (see `images`), then copied into each document.
    pub(crate) fn shared_image(&mut self, png: &'d [u8], what: &str) -> Result<ImageRef> {
        if let Some((_, found)) = self.images.iter().find(|(bytes, _)| *bytes == png) {
            return Ok(found.clone());
        }
        let prepared = images::shared(png, what)?;
        let id = XObjectId(format!("Im{}", self.images.len() + 1));
        let found = ImageRef {
            id: id.clone(),
            width: prepared.width,
            height: prepared.height,
        };
        self.pdf
            .resources
            .xobjects
            .map
            .insert(id, prepared.xobject.clone());
        self.images.push((png, found.clone()));
        Ok(found)
    }

    /// Adds a form XObject (a certificate's QR code) under the next fixed id (`Fm1`, `Fm2`, …).
    pub(crate) fn form(&mut self, form: XObject) -> XObjectId {
        self.forms += 1;
        let id = XObjectId(format!("Fm{}", self.forms));
        self.pdf.resources.xobjects.map.insert(id.clone(), form);
        id
    }

    fn add_pages(&mut self, pages: Vec<Vec<printpdf::Op>>) {
        // Each page stays in memory until the PDF is written: a batch keeps no slack capacity.
        self.pdf.pages.extend(pages.into_iter().map(|mut ops| {
            ops.shrink_to_fit();
            PdfPage::new(Mm(210.0), Mm(297.0), ops)
        }));
    }

    fn save(self) -> Result<Vec<u8>> {
        let mut warnings = Vec::new();
        // printpdf's `optimize` would deflate every stream at `Compression::best()` (lopdf's choice), which
        // was over 40 % of a batch's time for files a few per cent smaller; we deflate them ourselves.
        let options = PdfSaveOptions {
            optimize: false,
            ..PdfSaveOptions::default()
        };
        let mut doc = self.pdf.to_lopdf_document(&options, &mut warnings);
        drop(self.pdf);
        if let Some(w) = warnings
            .iter()
            .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
        {
            return Err(Error::Pdf(format!("writing the PDF: {}", w.msg)));
        }
        compress::deflate_all(&mut doc, self.effort)?;
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes)
            .map_err(|e| Error::Pdf(format!("writing the PDF: {e}")))?;
        stable_file_id(&mut bytes)?;
        Ok(bytes)
    }
}

/// printpdf writes two random 32-character strings as the trailer's file `/ID`. Replace them, in place
/// and at the same length (the cross-reference offsets come before the trailer and stay valid), with a
/// digest of everything before the trailer: the same document always gets the same id.
fn stable_file_id(bytes: &mut [u8]) -> Result<()> {
    const KEY: &[u8] = b"/ID[(";
    let bad = || Error::Pdf("unexpected PDF trailer: no file /ID to make reproducible".into());
    let trailer = find_last(bytes, b"trailer").ok_or_else(bad)?;
    let at = trailer + find_last(&bytes[trailer..], KEY).ok_or_else(bad)? + KEY.len();
    let ids = bytes.get(at..at + 67).ok_or_else(bad)?;
    if &ids[32..34] != b")(" || ids[66] != b')' {
        return Err(bad());
    }
    let digest = Sha256::digest(&bytes[..trailer]);
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02X}")).collect();
    bytes[at..at + 32].copy_from_slice(hex.as_bytes());
    bytes[at + 34..at + 66].copy_from_slice(hex.as_bytes());
    Ok(())
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
