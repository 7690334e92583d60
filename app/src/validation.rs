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
    fn counts_characters_not_bytes() {
        // Ten characters, more than ten bytes.
        let pw = "ééééééééé1";
        assert_eq!(check_new_password(NIP, "x", pw, pw), Ok(()));
    }
}
