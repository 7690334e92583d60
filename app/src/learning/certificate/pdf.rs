//! A certificate as a PDF: A4 landscape, drawn with krilla (fonts embedded as subsets, text
//! extractable), the QR code of its verification address made by `qrcode` and drawn as
//! vector squares, so it prints sharp at any size. Pure: data in, bytes out.

use std::sync::LazyLock;

use krilla::{
    Document,
    color::rgb,
    geom::{PathBuilder, Point, Rect},
    num::NormalizedF32,
    page::PageSettings,
    paint::{Fill, Stroke},
    text::{Font, TextDirection},
};
use qrcode::{Color as QrColor, EcLevel, QrCode};
use skrifa::{FontRef, MetadataProvider, instance::LocationRef, instance::Size};

use super::{model::CertificateDocument, rules::verification_url};
use crate::{calendar::IsoDate, catalog::ProgramMode};

/// DejaVu Serif, shipped in `app/fonts/` with its licence.
static REGULAR: &[u8] = include_bytes!("../../../fonts/DejaVuSerif.ttf");
static BOLD: &[u8] = include_bytes!("../../../fonts/DejaVuSerif-Bold.ttf");

/// A4 landscape in points.
const WIDTH: f32 = 841.89;
const HEIGHT: f32 = 595.28;
/// Bina's theme colour (the pages' `theme-color`).
const GREEN: (u8, u8, u8) = (0x0b, 0x5e, 0x55);
const INK: (u8, u8, u8) = (0x1f, 0x29, 0x33);

/// Who issues and signs the certificates, and where they are checked: the deployment's
/// settings.
#[derive(Debug, Clone)]
pub struct Issuer {
    /// The government issuing, e.g. "Pemerintah Kota Palu".
    pub government: String,
    /// The signer's position and name (the name may be empty: then only the position).
    pub signer_title: String,
    pub signer_name: String,
    /// The site's public address, for the verification URL.
    pub public_url: String,
    /// The city named beside the signing date ("Palu, 4 Desember 2026").
    pub place: String,
}

/// Why a PDF could not be made (a font that would not embed); logged, never shown.
#[derive(Debug)]
pub struct PdfError(pub String);

struct Fonts {
    regular: Font,
    bold: Font,
}

static FONTS: LazyLock<Option<Fonts>> = LazyLock::new(|| {
    Some(Fonts {
        regular: Font::new(REGULAR.into(), 0)?,
        bold: Font::new(BOLD.into(), 0)?,
    })
});

/// The certificate's PDF.
pub fn render(doc: &CertificateDocument, issuer: &Issuer) -> Result<Vec<u8>, PdfError> {
    let fonts = FONTS
        .as_ref()
        .ok_or_else(|| PdfError("the certificate fonts did not load".into()))?;
    let url = verification_url(&issuer.public_url, &doc.code);
    let mut document = Document::new();
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(format!(
                "Sertifikat {} — {}",
                doc.program_title, doc.holder_name
            ))
            .language("id".into())
            .creator("Bina".into()),
    );
    let settings =
        PageSettings::from_wh(WIDTH, HEIGHT).ok_or_else(|| PdfError("page size".into()))?;
    let mut page = document.start_page_with(settings);
    draw(
        Pen {
            surface: page.surface(),
            fonts,
        },
        doc,
        issuer,
        &url,
    )?;
    if let Some(link) = Rect::from_xywh(QR_X, QR_Y, QR_SIZE, QR_SIZE) {
        page.add_annotation(krilla::annotation::Annotation::new_link(
            krilla::annotation::LinkAnnotation::new(
                link,
                krilla::annotation::Target::Action(krilla::action::Action::Link(
                    krilla::action::LinkAction::new(url.clone()),
                )),
            ),
            Some(format!("Periksa sertifikat di {url}")),
        ));
    }
    page.finish();
    document.finish().map_err(|e| PdfError(format!("{e:?}")))
}

/// Where the QR code sits: bottom left, in points from the top left.
const QR_X: f32 = 70.0;
const QR_Y: f32 = 418.0;
const QR_SIZE: f32 = 96.0;

fn draw(
    mut pen: Pen<'_, '_>,
    doc: &CertificateDocument,
    issuer: &Issuer,
    url: &str,
) -> Result<(), PdfError> {
    pen.frame();
    pen.centred(
        &issuer.government.to_uppercase(),
        Face::Bold,
        16.0,
        78.0,
        GREEN,
    );
    pen.centred("SERTIFIKAT", Face::Bold, 40.0, 135.0, INK);
    pen.centred(
        "Pengembangan Kompetensi Aparatur Sipil Negara",
        Face::Regular,
        13.0,
        160.0,
        INK,
    );
    pen.centred("diberikan kepada", Face::Regular, 13.0, 200.0, INK);
    let name_size = pen.fitting(&doc.holder_name, Face::Bold, 26.0, 640.0);
    pen.centred(&doc.holder_name, Face::Bold, name_size, 236.0, INK);
    pen.centred(
        &format!("NIP {}", doc.holder_nip),
        Face::Regular,
        13.0,
        258.0,
        INK,
    );
    pen.centred(
        "yang telah menyelesaikan program",
        Face::Regular,
        13.0,
        292.0,
        INK,
    );
    let mut y = 322.0;
    let title_size = if pen.lines(&doc.program_title, Face::Bold, 20.0, 640.0).len() > 2 {
        16.0
    } else {
        20.0
    };
    for line in pen
        .lines(&doc.program_title, Face::Bold, title_size, 640.0)
        .iter()
        .take(3)
    {
        pen.centred(line, Face::Bold, title_size, y, GREEN);
        y += title_size * 1.3;
    }
    let facts = format!(
        "{}, {} JP, {} s.d. {}, diselenggarakan oleh {}",
        mode_words(doc.mode),
        doc.jp,
        long_date(&doc.started_on),
        long_date(&doc.completed_on),
        doc.organiser
    );
    let facts_size = pen.fitting(&facts, Face::Regular, 12.0, 700.0);
    pen.centred(&facts, Face::Regular, facts_size, y + 8.0, INK);

    // The signature block, bottom right.
    let sign_x = WIDTH - 250.0;
    pen.centred_at(
        &format!("{}, {}", issuer.place, long_date(&doc.completed_on)),
        Face::Regular,
        12.0,
        sign_x,
        448.0,
    );
    let title_lines = pen.lines(&issuer.signer_title, Face::Regular, 12.0, 280.0);
    let mut sy = 466.0;
    for line in title_lines.iter().take(3) {
        pen.centred_at(line, Face::Regular, 12.0, sign_x, sy);
        sy += 15.0;
    }
    if !issuer.signer_name.trim().is_empty() {
        pen.centred_at(issuer.signer_name.trim(), Face::Bold, 12.0, sign_x, 540.0);
    }

    // The QR code and the address it holds, bottom left.
    pen.qr(url, QR_X, QR_Y, QR_SIZE)?;
    pen.text(url, Face::Regular, 8.0, QR_X, QR_Y + QR_SIZE + 14.0, INK);
    pen.text(
        &format!("Kode verifikasi: {}", doc.code),
        Face::Bold,
        10.0,
        QR_X,
        QR_Y + QR_SIZE + 30.0,
        INK,
    );
    pen.surface.finish();
    Ok(())
}

fn mode_words(mode: ProgramMode) -> &'static str {
    match mode {
        ProgramMode::Online => "Secara daring",
        ProgramMode::Classroom => "Secara klasikal",
        ProgramMode::Blended => "Secara daring dan klasikal",
    }
}

const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// `2026-12-04` as "4 Desember 2026"; anything else as it is.
pub fn long_date(iso: &str) -> String {
    IsoDate::parse(iso).map_or_else(
        || iso.to_owned(),
        |d| format!("{} {} {}", d.day, MONTHS[(d.month - 1) as usize], d.year),
    )
}

#[derive(Clone, Copy)]
enum Face {
    Regular,
    Bold,
}

struct Pen<'a, 'b> {
    surface: krilla::surface::Surface<'b>,
    fonts: &'a Fonts,
}

impl Pen<'_, '_> {
    fn font(&self, face: Face) -> (Font, &'static [u8]) {
        match face {
            Face::Regular => (self.fonts.regular.clone(), REGULAR),
            Face::Bold => (self.fonts.bold.clone(), BOLD),
        }
    }

    /// The width of `text` set in `face` at `size` points (advances without kerning: close
    /// enough to centre a line).
    fn width(&self, text: &str, face: Face, size: f32) -> f32 {
        let Ok(font) = FontRef::new(self.font(face).1) else {
            return 0.0;
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .filter_map(|c| charmap.map(c).and_then(|g| metrics.advance_width(g)))
            .sum()
    }

    /// The largest size up to `size` at which `text` fits in `max` points.
    fn fitting(&self, text: &str, face: Face, size: f32, max: f32) -> f32 {
        let width = self.width(text, face, size);
        if width <= max {
            size
        } else {
            (size * max / width).max(7.0)
        }
    }

    /// `text` broken between words into lines of at most `max` points.
    fn lines(&self, text: &str, face: Face, size: f32, max: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for word in text.split_whitespace() {
            match lines.last_mut() {
                Some(line) if self.width(&format!("{line} {word}"), face, size) <= max => {
                    line.push(' ');
                    line.push_str(word);
                }
                _ => lines.push(word.to_owned()),
            }
        }
        lines
    }

    fn colour(&mut self, (r, g, b): (u8, u8, u8)) {
        self.surface.set_fill(Some(Fill {
            paint: rgb::Color::new(r, g, b).into(),
            opacity: NormalizedF32::ONE,
            rule: Default::default(),
        }));
    }

    fn text(&mut self, text: &str, face: Face, size: f32, x: f32, y: f32, colour: (u8, u8, u8)) {
        self.colour(colour);
        let font = self.font(face).0;
        self.surface.draw_text(
            Point::from_xy(x, y),
            font,
            size,
            text,
            false,
            TextDirection::Auto,
        );
    }

    fn centred_at(&mut self, text: &str, face: Face, size: f32, centre: f32, y: f32) {
        let x = centre - self.width(text, face, size) / 2.0;
        self.text(text, face, size, x, y, INK);
    }

    fn centred(&mut self, text: &str, face: Face, size: f32, y: f32, colour: (u8, u8, u8)) {
        let x = (WIDTH - self.width(text, face, size)) / 2.0;
        self.text(text, face, size, x, y, colour);
    }

    /// Two green frames around the page.
    fn frame(&mut self) {
        self.surface.set_fill(None);
        for (inset, width) in [(24.0, 3.0), (32.0, 0.8)] {
            self.surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(GREEN.0, GREEN.1, GREEN.2).into(),
                width,
                ..Stroke::default()
            }));
            let mut path = PathBuilder::new();
            if let Some(rect) =
                Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset)
            {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                self.surface.draw_path(&path);
            }
        }
        self.surface.set_stroke(None);
    }

    /// The QR code of `data`, `size` points square, its top left at (`x`, `y`).
    fn qr(&mut self, data: &str, x: f32, y: f32, size: f32) -> Result<(), PdfError> {
        let matrix = qr_matrix(data)?;
        let width = matrix.len();
        let cell = size / width as f32;
        self.colour((0, 0, 0));
        let mut path = PathBuilder::new();
        for (row, cells) in matrix.iter().enumerate() {
            for (col, dark) in cells.iter().enumerate() {
                if *dark
                    && let Some(rect) =
                        Rect::from_xywh(x + col as f32 * cell, y + row as f32 * cell, cell, cell)
                {
                    path.push_rect(rect);
                }
            }
        }
        if let Some(path) = path.finish() {
            self.surface.draw_path(&path);
        }
        Ok(())
    }
}

/// The QR code of `data` as rows of dark (`true`) and light modules, without the quiet zone
/// (the page's margin around it is white). Error correction M: readable with a smudge.
pub fn qr_matrix(data: &str) -> Result<Vec<Vec<bool>>, PdfError> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M)
        .map_err(|e| PdfError(format!("QR: {e:?}")))?;
    let width = code.width();
    Ok(code
        .to_colors()
        .chunks(width)
        .map(|row| row.iter().map(|c| *c == QrColor::Dark).collect())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> CertificateDocument {
        CertificateDocument {
            code: "7K2M-9QXD-4HTA-PW3E".into(),
            holder_name: "Siti Rahmawati Lamarauna".into(),
            holder_nip: "198703122010012004".into(),
            program_title: "Pelayanan Publik Prima bagi Aparatur Kelurahan".into(),
            organiser: "BKPSDMD Kota Palu".into(),
            mode: ProgramMode::Online,
            jp: 12,
            started_on: "2026-11-02".into(),
            completed_on: "2026-12-04".into(),
        }
    }

    fn issuer() -> Issuer {
        Issuer {
            government: "Pemerintah Kota Palu".into(),
            signer_title: "Kepala BKPSDMD Kota Palu".into(),
            signer_name: "Dr. Andi Mappaware".into(),
            public_url: "https://bina.palukota.go.id".into(),
            place: "Palu".into(),
        }
    }

    #[test]
    fn the_certificate_is_one_a4_landscape_page() {
        let bytes = render(&document(), &issuer()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
        assert_eq!(pages, 1, "one page");
        assert!(
            text.contains("841.89") && text.contains("595.28"),
            "A4 landscape"
        );
        // The fonts are embedded as subsets, not whole: the file stays small.
        assert!(bytes.len() < 120_000, "{} bytes", bytes.len());
    }

    #[test]
    fn the_qr_code_reads_back_as_the_verification_address() {
        let url = verification_url(&issuer().public_url, &document().code);
        let matrix = qr_matrix(&url).unwrap();
        // Four pixels a module and a four-module quiet zone, as a scanner sees it.
        let (scale, quiet) = (4, 4);
        let side = (matrix.len() + 2 * quiet) * scale;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let (col, row) = (x / scale, y / scale);
            let dark = row >= quiet
                && col >= quiet
                && matrix
                    .get(row - quiet)
                    .and_then(|r| r.get(col - quiet))
                    .copied()
                    .unwrap_or(false);
            if dark { 0 } else { 255 }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, url);
    }

    #[test]
    fn dates_are_written_out_in_indonesian() {
        assert_eq!(long_date("2026-12-04"), "4 Desember 2026");
        assert_eq!(long_date("2027-01-31"), "31 Januari 2027");
        assert_eq!(long_date("bukan tanggal"), "bukan tanggal");
    }
}
