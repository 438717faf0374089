//! How a PDF's streams are deflated: at a level chosen by measuring, with one compressor per thread, and
//! over several cores when a batch has enough to deflate. Deflating was a third of a certificate's time.

use crate::{Error, Result};

/// How hard a document's streams are deflated, chosen by measuring certificates with this build's zlib-rs
/// (the bench's single file p50 and batch, median of 11 runs each, alternating): a single file took
/// 2.75 ms at level 1, 3.22 ms at level 2 and 3.29 ms at level 3, for 27.6, 22.4 and 21.6 KiB (level 6,
/// zlib's default, was slower still). A batch deflates on several cores and its megabytes add up: 500
/// certificates are 5.1 MB at level 1 and 3.2 MB at level 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Effort {
    /// Level 1, for a file someone waits for.
    Quick,
    /// Level 3, for a batch of hundreds of pages.
    Compact,
}

impl Effort {
    fn level(self) -> u32 {
        match self {
            Effort::Quick => 1,
            Effort::Compact => 3,
        }
    }
}

/// Below this many bytes to deflate, one thread does it all. A single certificate has some 30 KiB, and
/// deflating its fonts on a second thread made it slower, not faster: a thread starts with a deflate state
/// of its own to set up.
const PARALLEL_FROM: usize = 512 * 1024;

/// Deflates every stream of `doc` that wants it (see [`wants_deflate`]), spread over the machine's cores when
/// there is enough to deflate (a batch's hundreds of page contents). Each stream comes out the same
/// whichever thread deflates it.
pub(super) fn deflate_all(doc: &mut lopdf::Document, effort: Effort) -> Result<()> {
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|object| match object {
            lopdf::Object::Stream(stream) if wants_deflate(stream) => Some(stream),
            _ => None,
        })
        .collect();
    let total: usize = streams.iter().map(|s| s.content.len()).sum();
    let one = |stream: &mut lopdf::Stream| deflate(stream, effort);
    if total < PARALLEL_FROM {
        return streams.into_iter().try_for_each(one);
    }
    // Asked only now: it reads the process's CPU limits from /proc.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(streams.len()).min(MAX_DEFLATERS);
    if workers < 2 {
        return streams.into_iter().try_for_each(one);
    }
    // The largest stream first, each to the worker with the least so far.
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let mut shares: Vec<(usize, Vec<&mut lopdf::Stream>)> =
        (0..workers).map(|_| (0, Vec::new())).collect();
    for stream in streams {
        if let Some(least) = shares.iter_mut().min_by_key(|(load, _)| *load) {
            least.0 += stream.content.len();
            least.1.push(stream);
        }
    }
    std::thread::scope(|scope| {
        let mut shares = shares.into_iter().map(|(_, share)| share);
        let own = shares.next().unwrap_or_default();
        let others: Vec<_> = shares
            .map(|share| scope.spawn(move || share.into_iter().try_for_each(one)))
            .collect();
        let mut result = own.into_iter().try_for_each(one);
        for other in others {
            let done = other
                .join()
                .unwrap_or_else(|_| Err(Error::Pdf("a thread compressing the PDF failed".into())));
            result = result.and(done);
        }
        result
    })
}

/// At most this many threads deflate one PDF: a big office PC keeps cores for the other programs.
const MAX_DEFLATERS: usize = 4;

/// Whether `stream` is one to deflate: it has no filter yet (images arrive already encoded).
fn wants_deflate(stream: &lopdf::Stream) -> bool {
    stream.allows_compression && stream.dict.get(b"Filter").is_err()
}

/// Deflates a stream [`wants_deflate`] chose, unless that would not save anything, as lopdf's own
/// `compress` does.
fn deflate(stream: &mut lopdf::Stream, effort: Effort) -> Result<()> {
    let compressed = deflated(&stream.content, effort)?;
    if compressed.len() + 19 < stream.content.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
    Ok(())
}

/// `bytes` deflated with `effort`, as a `/FlateDecode` stream holds them. One compressor per thread and
/// effort, reset between streams, instead of a new one that allocates and clears some 300 KiB of state for
/// every stream (a certificate has six, most of them a few KiB).
pub(crate) fn deflated(bytes: &[u8], effort: Effort) -> Result<Vec<u8>> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    use std::cell::RefCell;
    thread_local! {
        static COMPRESSORS: RefCell<[Option<Compress>; 2]> = const { RefCell::new([None, None]) };
    }
    let failed = |e: flate2::CompressError| Error::Pdf(format!("compressing a PDF stream: {e}"));
    COMPRESSORS.with(|cell| {
        let mut kept = cell.borrow_mut();
        let slot = &mut kept[usize::from(effort == Effort::Compact)];
        let compress =
            slot.get_or_insert_with(|| Compress::new(Compression::new(effort.level()), true));
        compress.reset();
        // Room for a subset font, which deflates to about half; page contents need far less.
        let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
        loop {
            let read = usize::try_from(compress.total_in()).unwrap_or(bytes.len());
            let rest = bytes.get(read..).unwrap_or_default();
            match compress.compress_vec(rest, &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return Ok(out),
                // Out of room: deflate only writes into spare capacity.
                Ok(Status::Ok | Status::BufError) => out.reserve(out.capacity().max(64)),
                Err(e) => {
                    // A compressor left mid-stream would prefix the next stream with this one's tail.
                    *slot = None;
                    return Err(failed(e));
                }
            }
        }
    })
}
