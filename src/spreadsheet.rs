//! CSV as an office's spreadsheet writes it: Excel on an Indonesian-locale computer separates columns with
//! `;` (the comma is the decimal mark there) and may start the file with a UTF-8 byte-order mark. Both
//! front doors read files through here, so a file the CLI accepts the window accepts too.

/// The byte-order mark Excel writes at the start of a "CSV UTF-8" file.
const BOM: char = '\u{feff}';

/// The text without a leading byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// The column separator of a file, read from its header line: `;` when the header has more semicolons
/// than commas outside quotes, else `,`.
pub fn delimiter(text: &str) -> u8 {
    let header = strip_bom(text).lines().next().unwrap_or("");
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// A CSV reader over `text` with its header, separator and BOM handled; rows may have any width (the
/// caller names a short row by its line). Windows line ends (Excel's) are read as plain ones, so a bad
/// row is named by the line a person sees in the file.
pub fn reader(text: &str) -> csv::Reader<std::io::Cursor<Vec<u8>>> {
    let body = strip_bom(text).replace("\r\n", "\n");
    csv::ReaderBuilder::new()
        .delimiter(delimiter(&body))
        .flexible(true)
        .from_reader(std::io::Cursor::new(body.into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_on_an_indonesian_computer_is_read_like_a_comma_file() {
        let excel = "\u{feff}nik;name;address\n1607014508900001;Siti;\"Jl. Merdeka; No. 7\"\n";
        let plain = "nik,name,address\n1607014508900001,Siti,\"Jl. Merdeka; No. 7\"\n";
        for text in [excel, plain] {
            let mut r = reader(text);
            let h: Vec<String> = r
                .headers()
                .expect("header")
                .iter()
                .map(str::to_string)
                .collect();
            assert_eq!(h, ["nik", "name", "address"]);
            let row = r.records().next().expect("row").expect("ok");
            assert_eq!(&row[2], "Jl. Merdeka; No. 7");
        }
    }
}
