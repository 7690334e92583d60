//! The rules of certificates, shared by the browser and the server: the verification code's
//! shape (made from random bytes the caller draws, read back from what a person types), the
//! path it is checked at, and a revocation's reason. No I/O.

use serde::{Deserialize, Serialize};

use crate::{
    error::feature::FeatureError,
    validation::{Lines, TextError, clean_text},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertificateError {
    /// A text field holds a character that is not text (`validation::clean_text`).
    UnreadableText,
    ReasonMissing,
    ReasonTooLong,
    AlreadyRevoked,
}

impl FeatureError for CertificateError {
    const ALL: &'static [Self] = &[
        CertificateError::UnreadableText,
        CertificateError::ReasonMissing,
        CertificateError::ReasonTooLong,
        CertificateError::AlreadyRevoked,
    ];

    fn code(self) -> &'static str {
        match self {
            CertificateError::UnreadableText => "teks-tak-terbaca",
            CertificateError::ReasonMissing => "alasan-kosong",
            CertificateError::ReasonTooLong => "alasan-panjang",
            CertificateError::AlreadyRevoked => "sudah-dicabut",
        }
    }

    fn status(self) -> u16 {
        match self {
            CertificateError::AlreadyRevoked => 409,
            _ => 422,
        }
    }
}

impl From<TextError> for CertificateError {
    fn from(_: TextError) -> Self {
        CertificateError::UnreadableText
    }
}

/// Crockford's base 32: digits and capitals without I, L, O and U, so that a code read off
/// paper is not misread (and `normalize_code` forgives the look-alikes).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Random bytes in one code: 80 bits, 16 characters. At the verification page's rate limit a
/// guesser would need far longer than the age of the universe to hit one real code.
pub const CODE_BYTES: usize = 10;
const CODE_CHARS: usize = CODE_BYTES * 8 / 5;
const GROUP: usize = 4;

/// The code written from `bytes` (drawn by the caller from a cryptographic random source),
/// in groups of four: `7K2M-9QXD-4HTA-PW3E`.
pub fn code_from_bytes(bytes: [u8; CODE_BYTES]) -> String {
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | u128::from(b);
    }
    let chars: Vec<char> = (0..CODE_CHARS)
        .rev()
        .map(|i| char::from(ALPHABET[((bits >> (i * 5)) & 31) as usize]))
        .collect();
    grouped(&chars)
}

fn grouped(chars: &[char]) -> String {
    chars
        .chunks(GROUP)
        .map(|g| g.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as a person typed it, in its written form: any case, spaces or hyphens anywhere,
/// O for 0 and I or L for 1. `None` when it cannot be a code at all, which the page answers
/// exactly as an unknown code.
pub fn normalize_code(typed: &str) -> Option<String> {
    let mut chars = Vec::with_capacity(CODE_CHARS);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) || chars.len() == CODE_CHARS {
            return None;
        }
        chars.push(c);
    }
    (chars.len() == CODE_CHARS).then(|| grouped(&chars))
}

/// The public page that checks a certificate, printed and in its QR code.
pub fn verification_path(code: &str) -> String {
    format!("/sertifikat/{code}")
}

/// The verification address on `public_url` (the site's address, without a trailing `/`).
pub fn verification_url(public_url: &str, code: &str) -> String {
    format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        verification_path(code)
    )
}

pub const MAX_REASON: usize = 500;

/// Rows of the admin's list at a time.
pub const PAGE: u32 = 50;

/// A revocation's reason, cleaned: required, at most [`MAX_REASON`] characters.
pub fn check_reason(reason: &str) -> Result<String, CertificateError> {
    let reason = clean_text(reason, Lines::Many)?;
    if reason.is_empty() {
        return Err(CertificateError::ReasonMissing);
    }
    if reason.chars().count() > MAX_REASON {
        return Err(CertificateError::ReasonTooLong);
    }
    Ok(reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_spells_every_bit_of_its_bytes() {
        assert_eq!(code_from_bytes([0; CODE_BYTES]), "0000-0000-0000-0000");
        assert_eq!(code_from_bytes([0xff; CODE_BYTES]), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        let mut last = [0; CODE_BYTES];
        last[CODE_BYTES - 1] = 1;
        assert_eq!(code_from_bytes(last), "0000-0000-0000-0001");
        let mut first = [0; CODE_BYTES];
        first[0] = 0x80;
        assert_eq!(code_from_bytes(first), "G000-0000-0000-0000");
    }

    #[test]
    fn different_bytes_give_different_codes() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..=255u8 {
            for at in 0..CODE_BYTES {
                let mut bytes = [7; CODE_BYTES];
                bytes[at] = i;
                seen.insert(code_from_bytes(bytes));
            }
        }
        // 256 values at each of ten places, of which the value 7 is one code shared by all.
        assert_eq!(seen.len(), 255 * CODE_BYTES + 1);
    }

    #[test]
    fn a_typed_code_is_read_back_forgivingly() {
        let code = code_from_bytes([0x3c, 0x91, 0x07, 0xfe, 0x55, 0xa0, 0x12, 0xd9, 0x8b, 0x4f]);
        assert_eq!(normalize_code(&code).as_deref(), Some(code.as_str()));
        let typed = code.to_ascii_lowercase().replace('-', " ");
        assert_eq!(normalize_code(&typed).as_deref(), Some(code.as_str()));
        assert_eq!(
            normalize_code("oooo-iiii-llll-0000").as_deref(),
            Some("0000-1111-1111-0000")
        );
    }

    #[test]
    fn what_cannot_be_a_code_is_refused() {
        for typed in [
            "",
            "ABCD-EFGH",
            "0000-0000-0000-00000",
            "UUUU-0000-0000-0000",
            "0000/0000/0000/0000",
            "０000-0000-0000-0000",
            "../../etc/passwd",
        ] {
            assert_eq!(normalize_code(typed), None, "{typed}");
        }
    }

    #[test]
    fn the_verification_url_joins_the_site_and_the_code() {
        assert_eq!(
            verification_url("https://bina.palukota.go.id/", "AAAA-BBBB-CCCC-DDDD"),
            "https://bina.palukota.go.id/sertifikat/AAAA-BBBB-CCCC-DDDD"
        );
    }

    #[test]
    fn a_reason_is_required_and_bounded() {
        assert_eq!(check_reason("  "), Err(CertificateError::ReasonMissing));
        assert_eq!(
            check_reason(&"x".repeat(MAX_REASON + 1)),
            Err(CertificateError::ReasonTooLong)
        );
        assert_eq!(
            check_reason(" Nilai ujian dipalsukan ").as_deref(),
            Ok("Nilai ujian dipalsukan")
        );
    }
}
