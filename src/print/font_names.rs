//! Trims the name table of the embedded typefaces before they are parsed: printpdf's subsetter copies a
//! font's name table whole into every PDF, and DejaVu's holds its 2.4 KB licence twice (Mac and Windows),
//! 8.7 KB of a certificate's 14.6 KB subset font, deflated anew for every file.
//!
//! The records kept are those HarfBuzz's subsetter keeps by default, ids 0–6: copyright, family,
//! subfamily, unique id, full name, version and PostScript name (the name the PDF gives the font). The
//! licence itself ships beside the fonts in `assets/fonts/` and with the application.

/// The highest name id kept.
const LAST_KEPT: u16 = 6;

/// `font` (a TrueType file) with a name table of only the records up to [`LAST_KEPT`], appended at its
/// end and pointed to by the table directory; every other table stays where it was. `None` when the
/// file is not laid out as expected, and the caller keeps it as it is.
pub(super) fn trimmed(font: &[u8]) -> Option<Vec<u8>> {
    let tables = usize::from(be16(font, 4)?);
    let record = |tag: &[u8]| {
        (0..tables)
            .map(|i| 12 + 16 * i)
            .find(|&at| font.get(at..at + 4) == Some(tag))
    };
    let (name_at, head_at) = (record(b"name")?, record(b"head")?);
    let start = usize::try_from(be32(font, name_at + 8)?).ok()?;
    let length = usize::try_from(be32(font, name_at + 12)?).ok()?;
    let names = font.get(start..start.checked_add(length)?)?;
    let table = trimmed_names(names)?;

    let mut out = font.to_vec();
    out.resize(out.len().next_multiple_of(4), 0);
    let new_start = u32::try_from(out.len()).ok()?;
    out.extend_from_slice(&table);
    out.resize(out.len().next_multiple_of(4), 0);
    put32(&mut out, name_at + 4, checksum(&table));
    put32(&mut out, name_at + 8, new_start);
    put32(&mut out, name_at + 12, u32::try_from(table.len()).ok()?);
    // The whole file's checksum comes out as the magic number the format asks for.
    let head = usize::try_from(be32(font, head_at + 8)?).ok()?;
    put32(&mut out, head + 8, 0);
    let adjustment = 0xB1B0_AFBA_u32.wrapping_sub(checksum(&out));
    put32(&mut out, head + 8, adjustment);
    Some(out)
}

/// A format-0 name table of the records of `names` up to [`LAST_KEPT`], in their order (sorted, as the
/// format wants them).
fn trimmed_names(names: &[u8]) -> Option<Vec<u8>> {
    if be16(names, 0)? != 0 {
        return None;
    }
    let count = usize::from(be16(names, 2)?);
    let storage = usize::from(be16(names, 4)?);
    let mut records = Vec::new();
    let mut strings = Vec::new();
    for at in (0..count).map(|i| 6 + 12 * i) {
        let record = names.get(at..at + 12)?;
        if be16(record, 6)? > LAST_KEPT {
            continue;
        }
        let length = usize::from(be16(record, 8)?);
        let from = storage + usize::from(be16(record, 10)?);
        let text = names.get(from..from + length)?;
        records.extend_from_slice(&record[..10]);
        records.extend_from_slice(&u16::try_from(strings.len()).ok()?.to_be_bytes());
        strings.extend_from_slice(text);
    }
    let kept = u16::try_from(records.len() / 12).ok()?;
    let mut table = Vec::with_capacity(6 + records.len() + strings.len());
    table.extend_from_slice(&0u16.to_be_bytes());
    table.extend_from_slice(&kept.to_be_bytes());
    table.extend_from_slice(&u16::try_from(6 + records.len()).ok()?.to_be_bytes());
    table.extend_from_slice(&records);
    table.extend_from_slice(&strings);
    Some(table)
}

/// The TrueType checksum: the sum of the big-endian 32-bit words, the last one padded with zeros.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.chunks(4).fold(0u32, |sum, word| {
        let mut padded = [0u8; 4];
        padded[..word.len()].copy_from_slice(word);
        sum.wrapping_add(u32::from_be_bytes(padded))
    })
}

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn put32(bytes: &mut [u8], at: usize, value: u32) {
    if let Some(slot) = bytes.get_mut(at..at + 4) {
        slot.copy_from_slice(&value.to_be_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_ids(font: &[u8]) -> Vec<u16> {
        let tables = usize::from(be16(font, 4).unwrap_or(0));
        let at = (0..tables)
            .map(|i| 12 + 16 * i)
            .find(|&at| &font[at..at + 4] == b"name")
            .expect("a name table");
        let start = be32(font, at + 8).unwrap_or(0) as usize;
        let count = usize::from(be16(font, start + 2).unwrap_or(0));
        (0..count)
            .filter_map(|i| be16(font, start + 6 + 12 * i + 6))
            .collect()
    }

    #[test]
    fn only_the_names_a_pdf_needs_stay_and_the_checksum_holds() {
        for (file, bytes) in crate::print::font_files() {
            let out = trimmed(bytes).unwrap_or_else(|| panic!("{file} not trimmed"));
            assert!(name_ids(bytes).contains(&13), "{file} had its licence text");
            let ids = name_ids(&out);
            assert!(
                !ids.is_empty() && ids.iter().all(|&id| id <= LAST_KEPT),
                "{ids:?}"
            );
            // Both platforms' copyright and PostScript name.
            assert_eq!(ids.iter().filter(|&&id| id == 0).count(), 2, "{ids:?}");
            assert_eq!(ids.iter().filter(|&&id| id == 6).count(), 2, "{ids:?}");
            assert_eq!(checksum(&out), 0xB1B0_AFBA, "{file}");
            assert_eq!(&out[..12], &bytes[..12]);
        }
    }

    #[test]
    fn a_file_not_laid_out_as_a_font_is_left_alone() {
        assert!(trimmed(b"").is_none());
        assert!(trimmed(&[0u8; 64]).is_none());
        let mut font = crate::print::font_files()[0].1.to_vec();
        font.truncate(4096);
        assert!(trimmed(&font).is_none());
    }
}
