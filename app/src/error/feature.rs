//! What every feature's error type tells of itself, so that [`super::AppError`] needs one
//! line per feature and no list of every variant: the code a plain form post carries back to
//! its page (`?galat=rencana-judul-kosong`), the HTTP status, and the message a person reads.

use leptos_i18n::I18nContext;

use crate::i18n::Locale;

/// A feature's error: its codes and statuses. Implemented beside the error type, in the
/// feature's pure rules; the message lives with the feature's pages ([`UserMessage`]).
pub trait FeatureError: Copy + Sized + 'static {
    /// Every value, so that a code can be read back.
    const ALL: &'static [Self];

    /// A short Indonesian code for a URL, unique within the feature (`judul-kosong`).
    fn code(self) -> &'static str;

    /// 409 when the request conflicts with the record's state, 413 when it is too large;
    /// anything else a person can put right in the form is 422.
    fn status(self) -> u16 {
        422
    }

    /// The inverse of [`FeatureError::code`].
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|e| e.code() == code)
    }
}

/// The message a person reads for an error, in the current language (from the i18n files).
pub trait UserMessage {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str;
}
