//! Server only: CSV downloads, written one way for every feature. A cell that a spreadsheet
//! would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return:
//! a name typed as `=HYPERLINK(…)`, say) is written with a leading apostrophe, which Excel
//! and LibreOffice show as text.

use std::borrow::Cow;

use crate::error::AppError;

/// A cell as it is safe to open in a spreadsheet.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The bytes of a CSV file of `rows` (the first is the header), every cell neutralised.
pub fn to_bytes<R, C>(rows: R) -> Result<Vec<u8>, AppError>
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|c| neutralise(c.as_ref()).into_owned())
            .collect();
        writer
            .write_record(&cells)
            .map_err(|_| AppError::Internal)?;
    }
    writer.into_inner().map_err(|_| AppError::Internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_written_as_text() {
        for hostile in ["=1+1", "+62", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"));
        }
        assert_eq!(neutralise("Siti Rahma"), "Siti Rahma");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn a_file_has_its_header_and_neutralised_cells() {
        let bytes = to_bytes([vec!["nama", "jp"], vec!["=cmd|' /C calc'!A0", "12"]]).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "nama,jp\n'=cmd|' /C calc'!A0,12\n"
        );
    }
}
