//! The office logo, made ready for a PDF once per process: decoding the PNG and re-encoding its pixels
//! (and alpha mask) for the PDF took over 50 ms for a 1200 × 900 logo, twenty times the rest of a
//! single certificate file, and the logo is the same on every file the office prints.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

use printpdf::{
    DictItem, ExternalStream, ExternalXObject, PdfDocument, PdfSaveOptions, RawImage, XObject,
    XObjectId,
};
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// An image as the PDF stores it, with its pixel size for keeping the aspect ratio.
pub(crate) struct Prepared {
    pub(crate) xobject: XObject,
    pub(crate) width: f32,
    pub(crate) height: f32,
}

/// How many distinct logos are kept: a register has one; a second one appears only while it changes.
const KEPT: usize = 2;

/// The logo `png` ready to insert; prepared on first use and kept (by content digest) afterwards.
pub(crate) fn shared(png: &[u8], what: &str) -> Result<Arc<Prepared>> {
    type Cache = Mutex<Vec<([u8; 32], Arc<Prepared>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key: [u8; 32] = Sha256::digest(png).into();
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let lookup = |cache: &Cache| {
        let kept = cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, prepared)| Arc::clone(prepared))
    };
    if let Some(found) = lookup(cache) {
        return Ok(found);
    }
    let prepared = Arc::new(prepare(png, what)?);
    let mut kept = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if kept.len() >= KEPT {
        kept.remove(0);
    }
    kept.push((key, Arc::clone(&prepared)));
    Ok(prepared)
}

/// Decodes `png` and has printpdf write it exactly as it writes any image (same pixels, filter and
/// soft mask), into a scratch document; the streams written there become an external XObject, with
/// the alpha mask nested so that printpdf writes it as its own object again.
fn prepare(png: &[u8], what: &str) -> Result<Prepared> {
    let mut warnings = Vec::new();
    let image = RawImage::decode_from_bytes(png, &mut warnings)
        .map_err(|e| Error::Pdf(format!("{what}: not a readable PNG image: {e}")))?;
    if image.width == 0 || image.height == 0 {
        return Err(Error::Pdf(format!("{what}: the image is empty")));
    }
    let (width, height) = (image.width as f32, image.height as f32);
    let mut scratch = PdfDocument::new("");
    let id = XObjectId("Im".into());
    scratch
        .resources
        .xobjects
        .map
        .insert(id.clone(), XObject::Image(image));
    let (doc, names) =
        printpdf::serialize::init_doc_and_resources(&scratch, &PdfSaveOptions::default());
    let unexpected = || Error::Pdf(format!("{what}: the image was not written as expected"));
    let stream_at = |object: &lopdf::Object| -> Result<lopdf::Stream> {
        let reference = object.as_reference().map_err(|_| unexpected())?;
        let found = doc.get_object(reference).map_err(|_| unexpected())?;
        found.as_stream().cloned().map_err(|_| unexpected())
    };
    let image = stream_at(names.get(id.0.as_bytes()).map_err(|_| unexpected())?)?;
    let mut dict = BTreeMap::new();
    for (key, value) in image.dict.iter() {
        let key = String::from_utf8_lossy(key).into_owned();
        let value = if key == "SMask" {
            let mask = stream_at(value)?;
            DictItem::Stream {
                stream: external(&mask),
            }
        } else {
            DictItem::from_lopdf(value)
        };
        dict.insert(key, value);
    }
    let xobject = XObject::External(ExternalXObject {
        stream: ExternalStream {
            dict,
            content: image.content,
            compress: false,
        },
        width: None,
        height: None,
        dpi: None,
    });
    Ok(Prepared {
        xobject,
        width,
        height,
    })
}

fn external(stream: &lopdf::Stream) -> ExternalStream {
    ExternalStream {
        dict: stream
            .dict
            .iter()
            .map(|(k, v)| {
                (
                    String::from_utf8_lossy(k).into_owned(),
                    DictItem::from_lopdf(v),
                )
            })
            .collect(),
        content: stream.content.clone(),
        compress: false,
    }
}
