//! The rules of a course's files, shared by the browser and the server: which files a
//! course takes (recognised by their content, never by their name), how large, the label
//! each needs, the names they are served under, and the Markdown that shows one. No I/O.

use crate::{
    learning::{
        FileKind,
        rules::{LearningError, too_long},
    },
    validation::{Lines, clean_text},
};

/// Largest file taken: a phone's photo or a handout; more is a file for a link, not a
/// module on a slow link.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// Widest image kept: a module is read on a phone or a laptop, never wider.
pub const LARGE_WIDTH: u32 = 1280;
/// The copy a phone loads (`srcset`), for images wider than this.
pub const SMALL_WIDTH: u32 = 640;
/// Images larger than this in either dimension are refused before they are decoded (a
/// small file can claim a huge picture and fill the memory).
pub const MAX_DIMENSION: u32 = 12_000;
pub const MAX_LABEL: usize = 200;
/// Files one course holds at most.
pub const MAX_FILES: usize = 300;

/// Recognises an upload by its first bytes: a JPEG, PNG or WebP image, or a PDF, of at
/// most [`MAX_FILE_BYTES`]. Whether an image decodes is for the server to find out.
pub fn sniff(bytes: &[u8]) -> Result<FileKind, LearningError> {
    if bytes.is_empty() {
        return Err(LearningError::FileMissing);
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LearningError::FileTooLarge);
    }
    let image = bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || (bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP");
    if image {
        Ok(FileKind::Image)
    } else if bytes.starts_with(b"%PDF-") {
        Ok(FileKind::Pdf)
    } else {
        Err(LearningError::FileKindUnknown)
    }
}

/// An image's alternative text, or a PDF's name: required (a screen reader reads it, a
/// learner on a slow link sees it before the picture), one line.
pub fn validate_label(label: &str) -> Result<String, LearningError> {
    let label = clean_text(label, Lines::One)?;
    if label.is_empty() {
        return Err(LearningError::LabelEmpty);
    }
    if too_long(&label, MAX_LABEL) {
        return Err(LearningError::LabelTooLong);
    }
    Ok(label)
}

/// A file as a request names it: `12.jpg`, `12-640.jpg` (an image's small copy) or
/// `13.pdf`. The extension is part of the name so that a saved page works offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileName {
    pub id: i64,
    pub kind: FileKind,
    pub small: bool,
}

impl FileName {
    pub fn parse(name: &str) -> Option<FileName> {
        let (stem, extension) = name.split_once('.')?;
        let kind = [FileKind::Image, FileKind::Pdf]
            .into_iter()
            .find(|k| k.extension() == extension)?;
        let small_suffix = format!("-{SMALL_WIDTH}");
        let (id, small) = match stem.strip_suffix(small_suffix.as_str()) {
            Some(id) if kind == FileKind::Image => (id, true),
            Some(_) => return None,
            None => (stem, false),
        };
        // Digits only: no sign, no leading zero, so that each file has one name.
        if id.is_empty() || id.starts_with('0') || !id.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(FileName {
            id: id.parse().ok()?,
            kind,
            small,
        })
    }

    pub fn render(self) -> String {
        let small = if self.small {
            format!("-{SMALL_WIDTH}")
        } else {
            String::new()
        };
        format!("{}{small}.{}", self.id, self.kind.extension())
    }

    /// Where the file is served.
    pub fn url(self, program_id: i64) -> String {
        format!("/belajar/{program_id}/berkas/{}", self.render())
    }
}

/// The scheme a module's Markdown names a course file with: `berkas:12`.
pub const FILE_SCHEME: &str = "berkas:";

/// The Markdown that shows a file where it is pasted: the image with its alternative text,
/// or a link to the PDF.
pub fn snippet(kind: FileKind, label: &str, id: i64) -> String {
    // Brackets would end the text early: the label is shown without them.
    let label: String = label
        .chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            c => c,
        })
        .collect();
    match kind {
        FileKind::Image => format!("![{label}]({FILE_SCHEME}{id})"),
        FileKind::Pdf => format!("[{label}]({FILE_SCHEME}{id})"),
    }
}

/// A size as a person reads it, in Indonesian: `840 KB`, `1,2 MB`.
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

/// The width and height an image is kept at: at most [`LARGE_WIDTH`] wide, its shape kept.
pub fn kept_size(width: u32, height: u32) -> (u32, u32) {
    scaled(width, height, LARGE_WIDTH)
}

/// An image's size scaled down to at most `max_width` wide (never up).
pub fn scaled(width: u32, height: u32, max_width: u32) -> (u32, u32) {
    if width <= max_width {
        return (width, height);
    }
    let h = (u64::from(height) * u64::from(max_width) + u64::from(width) / 2) / u64::from(width);
    (max_width, (h as u32).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_are_known_by_their_content_not_their_name() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Ok(FileKind::Image));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Ok(FileKind::Image));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Ok(FileKind::Image));
        assert_eq!(sniff(b"%PDF-1.7\n"), Ok(FileKind::Pdf));
        assert_eq!(
            sniff(b"<svg onload=alert(1)>"),
            Err(LearningError::FileKindUnknown)
        );
        assert_eq!(sniff(b"GIF89a"), Err(LearningError::FileKindUnknown));
        assert_eq!(sniff(b""), Err(LearningError::FileMissing));
        let big = vec![b'%'; MAX_FILE_BYTES + 1];
        assert_eq!(sniff(&big), Err(LearningError::FileTooLarge));
    }

    #[test]
    fn a_label_is_required_one_line_and_short() {
        assert_eq!(validate_label("  Peta Palu "), Ok("Peta Palu".into()));
        assert_eq!(validate_label("   "), Err(LearningError::LabelEmpty));
        assert_eq!(validate_label("a\nb"), Err(LearningError::UnreadableText));
        let long = "x".repeat(MAX_LABEL + 1);
        assert_eq!(validate_label(&long), Err(LearningError::LabelTooLong));
    }

    #[test]
    fn each_file_has_exactly_one_name() {
        let large = FileName::parse("12.jpg").unwrap();
        assert_eq!(
            (large.id, large.kind, large.small),
            (12, FileKind::Image, false)
        );
        let small = FileName::parse("12-640.jpg").unwrap();
        assert!(small.small);
        assert_eq!(small.render(), "12-640.jpg");
        assert_eq!(FileName::parse("13.pdf").unwrap().kind, FileKind::Pdf);
        assert_eq!(large.url(7), "/belajar/7/berkas/12.jpg");
        for bad in [
            "012.jpg",
            "12",
            "12.png",
            "13-640.pdf",
            "-1.jpg",
            "+1.jpg",
            "1.jpg.pdf",
            "../1.jpg",
            "12-320.jpg",
            ".jpg",
            "99999999999999999999.jpg",
        ] {
            assert_eq!(FileName::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn snippets_show_the_file_where_they_are_pasted() {
        assert_eq!(
            snippet(FileKind::Image, "Alur [layanan]", 4),
            "![Alur (layanan)](berkas:4)"
        );
        assert_eq!(
            snippet(FileKind::Pdf, "Panduan.pdf", 5),
            "[Panduan.pdf](berkas:5)"
        );
    }

    #[test]
    fn sizes_read_in_indonesian() {
        assert_eq!(human_size(10), "1 KB");
        assert_eq!(human_size(840 * 1024), "840 KB");
        assert_eq!(human_size(1_258_291), "1,2 MB");
        assert_eq!(human_size(10 * 1024 * 1024), "10,0 MB");
    }

    #[test]
    fn images_shrink_to_the_kept_width_and_keep_their_shape() {
        assert_eq!(kept_size(4000, 3000), (1280, 960));
        assert_eq!(kept_size(800, 600), (800, 600));
        assert_eq!(scaled(1280, 960, SMALL_WIDTH), (640, 480));
        assert_eq!(scaled(5000, 1, SMALL_WIDTH), (640, 1));
    }
}
