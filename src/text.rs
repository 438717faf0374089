//! Checks for free text typed by people: names, addresses, reasons. Text is stored exactly as typed (after
//! trimming and NFC normalisation); HTML or SQL in a name is just text, and is shown as text everywhere.
//!
//! Everything typed may end up on a printed document, so a character the documents cannot print (a Han
//! character, an emoji) or that changes how text is read without being seen (bidi controls, zero-width
//! characters) is refused at input, naming the character. Names on an e-KTP are Latin letters.

use unicode_normalization::UnicodeNormalization;

use crate::{Error, Result};

/// The longest name a certificate can carry on its lines.
pub const MAX_NAME: usize = 150;
/// The longest address or other one-field free text.
pub const MAX_TEXT: usize = 500;

/// A required line of text of at most `max` characters, without control characters.
pub fn line(field: &'static str, input: &str, max: usize) -> Result<String> {
    let s: String = input.trim().nfc().collect();
    if s.is_empty() {
        return Err(Error::invalid(field, format!("{field} is required")));
    }
    let n = s.chars().count();
    if n > max {
        return Err(Error::invalid(
            field,
            format!("{field} is too long: {n} characters, at most {max}"),
        ));
    }
    if s.chars().any(|c| c.is_control()) {
        return Err(Error::invalid(
            field,
            format!("{field} contains a control character"),
        ));
    }
    printable(field, &s)?;
    Ok(s)
}

/// Whether the documents can print `c`: Latin letters with their accents, digits, the usual punctuation,
/// dashes, quotes and a few signs. Invisible format characters (zero-width, bidi controls) are not.
pub fn is_printable(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E
        | 0xA0..=0x24F // Latin-1 supplement, Latin Extended-A and -B
        | 0x1E00..=0x1EFF // Latin Extended Additional (Vietnamese and others)
        | 0x2010..=0x2027 // dashes, quotes, bullets, ellipsis
        | 0x2030..=0x205E // per mille, primes, other punctuation
        | 0x20A0..=0x20C0 // currency signs
        | 0x2100..=0x214F // letterlike symbols (№, ™)
    ) && !matches!(c as u32, 0xAD) // the soft hyphen is invisible
}

/// Refuses text with a character no document can print, naming the first such character.
pub fn printable(field: &'static str, s: &str) -> Result<()> {
    match s.chars().find(|c| !is_printable(*c)) {
        None => Ok(()),
        Some(c) => Err(Error::invalid(
            field,
            format!(
                "{field} contains {} (U+{:04X}), which documents cannot print; write it in Latin letters as on the e-KTP",
                describe(c),
                c as u32
            ),
        )),
    }
}

fn describe(c: char) -> String {
    match c as u32 {
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xAD => {
            "an invisible formatting character".into()
        }
        _ => format!("the character ‘{c}’"),
    }
}

/// A person's name as printed on a permit.
pub fn person_name(field: &'static str, input: &str) -> Result<String> {
    line(field, input, MAX_NAME)
}

/// An optional line: empty input is `None`.
pub fn optional_line(
    field: &'static str,
    input: Option<&str>,
    max: usize,
) -> Result<Option<String>> {
    match input.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => line(field, s, max).map(Some),
        None => Ok(None),
    }
}

/// The form of a name the search index holds and the search box's text is compared in: accents removed
/// (é → e), small letters, every run of anything but letters and digits one space, with a space before and
/// after, so `" sri "` marks a whole word and `" sri"` the start of one. Both engines index this text, so
/// they find the same cases.
pub fn search_key(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 2);
    out.push(' ');
    for c in input
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The words of what was typed into the search box, in the search key's form.
pub fn search_words(input: &str) -> Vec<String> {
    search_key(input)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_search_key_ignores_accents_case_and_punctuation() {
        assert_eq!(
            super::search_key("Siti Nurhaliza Ségara"),
            " siti nurhaliza segara "
        );
        assert_eq!(
            super::search_key("  Drs. H. ÁHMAD,  M.Si "),
            " drs h ahmad m si "
        );
        assert_eq!(super::search_key(""), " ");
        assert_eq!(super::search_words("séga  NUR"), vec!["sega", "nur"]);
    }
}
