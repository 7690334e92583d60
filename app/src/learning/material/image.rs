//! An uploaded picture made into what a module shows (ssr only): decoded (which is the check
//! that it is a picture), turned upright by its EXIF orientation, shrunk to at most
//! `LARGE_WIDTH` and a [`SMALL_WIDTH`] copy for phones, and re-encoded as JPEG. The
//! re-encoding keeps the picture and nothing else of the upload (no camera data, no
//! location). CPU work: the caller runs it on a blocking thread.

use std::io::Cursor;

use image::{
    DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage, codecs::jpeg::JpegEncoder,
    imageops::FilterType,
};

use super::rules::{MAX_DIMENSION, SMALL_WIDTH, kept_size, scaled};
use crate::learning::rules::LearningError;

/// JPEG quality of the stored copies: text in a diagram stays sharp, a photo stays small.
const QUALITY: u8 = 82;
/// Memory a decoder may take: a 12,000 px picture's worth at most, whatever the file claims.
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// The copies of a picture a course keeps.
#[derive(Debug)]
pub struct Shrunk {
    pub large: Vec<u8>,
    /// Only when the picture is wider than [`SMALL_WIDTH`].
    pub small: Option<Vec<u8>>,
    pub width: u32,
    pub height: u32,
}

pub fn shrink(bytes: &[u8]) -> Result<Shrunk, LearningError> {
    let unreadable = |e: image::ImageError| {
        tracing::info!(error = %e, "unreadable course image");
        LearningError::ImageUnreadable
    };
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| LearningError::ImageUnreadable)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    picture.apply_orientation(orientation);
    let picture = on_white(picture);

    let (width, height) = kept_size(picture.width(), picture.height());
    let large = resized(&picture, width, height);
    let small = (width > SMALL_WIDTH).then(|| {
        let (w, h) = scaled(width, height, SMALL_WIDTH);
        jpeg(&image::imageops::resize(
            &large,
            w,
            h,
            FilterType::CatmullRom,
        ))
    });
    Ok(Shrunk {
        large: jpeg(&large)?,
        small: small.transpose()?,
        width,
        height,
    })
}

/// A picture with transparency laid on white, as the page shows it (JPEG has no alpha).
fn on_white(picture: DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.into_rgb8();
    }
    let rgba = picture.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

fn resized(picture: &RgbImage, width: u32, height: u32) -> RgbImage {
    if picture.width() == width {
        picture.clone()
    } else {
        image::imageops::resize(picture, width, height, FilterType::CatmullRom)
    }
}

fn jpeg(picture: &RgbImage) -> Result<Vec<u8>, LearningError> {
    let mut out = Vec::new();
    picture
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, QUALITY))
        .map_err(|e| {
            tracing::error!(error = %e, "jpeg encoding");
            LearningError::ImageUnreadable
        })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageFormat, Rgba, RgbaImage};

    fn png(width: u32, height: u32, alpha: u8) -> Vec<u8> {
        let picture = RgbaImage::from_pixel(width, height, Rgba([200, 30, 30, alpha]));
        let mut out = Cursor::new(Vec::new());
        picture.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    fn size_of(jpeg: &[u8]) -> (u32, u32) {
        let picture = image::load_from_memory_with_format(jpeg, ImageFormat::Jpeg).unwrap();
        (picture.width(), picture.height())
    }

    #[test]
    fn a_wide_picture_is_kept_at_1280_with_a_640_copy() {
        let shrunk = shrink(&png(2000, 1000, 255)).unwrap();
        assert_eq!((shrunk.width, shrunk.height), (1280, 640));
        assert_eq!(size_of(&shrunk.large), (1280, 640));
        assert_eq!(size_of(shrunk.small.as_deref().unwrap()), (640, 320));
    }

    #[test]
    fn a_small_picture_keeps_its_size_and_needs_no_copy() {
        let shrunk = shrink(&png(300, 200, 255)).unwrap();
        assert_eq!(size_of(&shrunk.large), (300, 200));
        assert!(shrunk.small.is_none());
    }

    #[test]
    fn transparency_becomes_white_not_black() {
        let shrunk = shrink(&png(8, 8, 0)).unwrap();
        let picture = image::load_from_memory(&shrunk.large).unwrap().into_rgb8();
        let [r, g, b] = picture.get_pixel(4, 4).0;
        assert!(r > 240 && g > 240 && b > 240, "{r} {g} {b}");
    }

    #[test]
    fn what_only_looks_like_a_picture_is_refused() {
        let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
        fake.extend_from_slice(b"not really a picture");
        assert_eq!(shrink(&fake).unwrap_err(), LearningError::ImageUnreadable);
    }

    #[test]
    fn a_picture_wider_than_the_limit_is_refused_before_decoding() {
        // One row of pixels: a few kilobytes of file, but wider than any page needs.
        assert!(shrink(&png(MAX_DIMENSION, 1, 255)).is_ok());
        assert_eq!(
            shrink(&png(MAX_DIMENSION + 1, 1, 255)).unwrap_err(),
            LearningError::ImageUnreadable
        );
    }
}
