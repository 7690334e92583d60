//! Input rules shared by the browser (to warn while typing) and the server (to refuse).

use serde::{Deserialize, Serialize};

use crate::error::feature::FeatureError;

/// A choice a form posts (a decision, an action): its spelling in the form is written once,
/// here in the enum, and both the page and the server use it.
pub trait FormValue: Copy + Sized + 'static {
    /// Every choice, so that a posted value can be read back.
    const ALL: &'static [Self];

    /// The value the form posts (Indonesian, as a person could read it in a URL).
    fn form_value(self) -> &'static str;

    /// The choice a form posted; `None` for anything else.
    fn from_form(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.form_value() == text)
    }
}

/// Whether a text field may hold more than one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// Text no field may hold. One value, so that each feature's error needs one variant for
/// it (`From<TextError>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextError {
    /// A control character (NUL, escape, …; a tab or line break in a one-line field) or a
    /// bidirectional override, which can make a text read as something it is not.
    Unreadable,
}

/// Characters at the ends of a field that show as nothing: trimmed, so that a field of
/// only these is empty.
fn invisible(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The bidirectional embeddings, overrides and isolates (the "Trojan Source" characters).
fn bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Every text field goes through here before its own rules (length, required) look at it:
/// the text in Unicode NFC (so that "é" typed two ways is one text), line breaks as `\n`,
/// trimmed of invisible ends; refused if it holds a character that is not text. The
/// browser and the server apply the same function.
pub fn clean_text(raw: &str, lines: Lines) -> Result<String, TextError> {
    use unicode_normalization::UnicodeNormalization;
    let text: String = raw
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .collect();
    let allowed_control = |c: char| lines == Lines::Many && matches!(c, '\n' | '\t');
    let line_separator = |c: char| matches!(c, '\u{2028}' | '\u{2029}');
    if text.chars().any(|c| {
        (c.is_control() && !allowed_control(c))
            || bidi_control(c)
            || (lines == Lines::One && line_separator(c))
    }) {
        return Err(TextError::Unreadable);
    }
    Ok(text.trim_matches(invisible).to_owned())
}

pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_CHARS: usize = 128;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordRuleError {
    TooShort,
    TooLong,
    /// The password contains the NIP: the first thing anyone would guess.
    ContainsNip,
    /// New password and its confirmation differ.
    Mismatch,
    /// The new password equals the current one.
    Unchanged,
}

impl FeatureError for PasswordRuleError {
    const ALL: &'static [Self] = &[
        PasswordRuleError::TooShort,
        PasswordRuleError::TooLong,
        PasswordRuleError::ContainsNip,
        PasswordRuleError::Mismatch,
        PasswordRuleError::Unchanged,
    ];

    fn code(self) -> &'static str {
        match self {
            PasswordRuleError::TooShort => "pendek",
            PasswordRuleError::TooLong => "panjang",
            PasswordRuleError::ContainsNip => "nip",
            PasswordRuleError::Mismatch => "beda",
            PasswordRuleError::Unchanged => "sama",
        }
    }
}

/// Checks a new password against the rules. Length is counted in characters, not bytes.
pub fn check_new_password(
    nip: &str,
    current: &str,
    new: &str,
    confirmation: &str,
) -> Result<(), PasswordRuleError> {
    let chars = new.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(PasswordRuleError::TooShort);
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(PasswordRuleError::TooLong);
    }
    if !nip.is_empty() && new.contains(nip) {
        return Err(PasswordRuleError::ContainsNip);
    }
    if new != confirmation {
        return Err(PasswordRuleError::Mismatch);
    }
    if new == current {
        return Err(PasswordRuleError::Unchanged);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NIP: &str = "198609262015051001";

    #[test]
    fn accepts_a_good_password() {
        assert_eq!(
            check_new_password(NIP, "bina-demo", "kopi-palu-2026", "kopi-palu-2026"),
            Ok(())
        );
    }

    #[test]
    fn refuses_each_rule() {
        assert_eq!(
            check_new_password(NIP, "x", "pendek", "pendek"),
            Err(PasswordRuleError::TooShort)
        );
        let long = "a".repeat(129);
        assert_eq!(
            check_new_password(NIP, "x", &long, &long),
            Err(PasswordRuleError::TooLong)
        );
        let with_nip = format!("a{NIP}");
        assert_eq!(
            check_new_password(NIP, "x", &with_nip, &with_nip),
            Err(PasswordRuleError::ContainsNip)
        );
        assert_eq!(
            check_new_password(NIP, "x", "kopi-palu-2026", "kopi-palu-2027"),
            Err(PasswordRuleError::Mismatch)
        );
        assert_eq!(
            check_new_password(NIP, "kopi-palu-2026", "kopi-palu-2026", "kopi-palu-2026"),
            Err(PasswordRuleError::Unchanged)
        );
    }

    #[test]
    fn text_is_normalised_and_trimmed() {
        // "e" + combining acute becomes the one character "é".
        assert_eq!(
            clean_text("  Cafe\u{301} ", Lines::One),
            Ok("Caf\u{e9}".into())
        );
        assert_eq!(
            clean_text("\u{200B} \u{FEFF}", Lines::One),
            Ok(String::new())
        );
        assert_eq!(clean_text("a\r\nb\rc", Lines::Many), Ok("a\nb\nc".into()));
        assert_eq!(
            clean_text("Rapat 🙂 OPD", Lines::One),
            Ok("Rapat 🙂 OPD".into())
        );
        // Many combining marks are text, if odd.
        let zalgo = format!("a{}", "\u{301}\u{316}".repeat(40));
        assert!(clean_text(&zalgo, Lines::One).is_ok());
    }

    #[test]
    fn control_characters_and_bidi_overrides_are_refused() {
        for hostile in [
            "a\0b",
            "a\u{1b}[31m",
            "a\u{7f}",
            "a\u{85}",
            "abc\u{202E}fdp.exe",
            "\u{2066}x",
        ] {
            assert_eq!(
                clean_text(hostile, Lines::Many),
                Err(TextError::Unreadable),
                "{hostile:?}"
            );
        }
        for one_line_only in ["a\nb", "a\tb", "a\u{2028}b"] {
            assert_eq!(
                clean_text(one_line_only, Lines::One),
                Err(TextError::Unreadable)
            );
        }
        assert_eq!(clean_text("a\n\tb", Lines::Many), Ok("a\n\tb".into()));
    }

    #[test]
    fn counts_characters_not_bytes() {
        // Ten characters, more than ten bytes.
        let pw = "ééééééééé1";
        assert_eq!(check_new_password(NIP, "x", pw, pw), Ok(()));
    }
}
