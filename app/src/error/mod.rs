//! The one application error type. Server functions return it; the browser receives it as
//! JSON and shows the user an Indonesian (or English) message through the i18n files. No
//! internal detail (SQL, paths) is ever put in it: `Internal` carries nothing.
//!
//! Each feature's own error type says its codes, statuses and messages itself
//! ([`feature::FeatureError`], [`feature::UserMessage`]); this file names each one in one
//! line of [`app_error!`].

pub mod feature;

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use leptos_i18n::I18nContext;
use serde::{Deserialize, Serialize};

use crate::i18n::Locale;
use feature::{FeatureError, UserMessage};

/// Declares [`AppError`]: the errors of the app itself, then one line per feature error,
/// `Variant(Type) = "prefix"`, where the prefix starts the feature's codes in a URL.
macro_rules! app_error {
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) = $prefix:literal, )*) => {
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
        pub enum AppError {
            /// No valid session: the person must log in.
            #[error("not logged in")]
            Unauthenticated,
            /// Logged in, but this role may not do this.
            #[error("forbidden")]
            Forbidden,
            #[error("not found")]
            NotFound,
            /// NIP or password wrong. Deliberately does not say which, nor whether the NIP
            /// exists.
            #[error("invalid credentials")]
            InvalidCredentials,
            /// Too many failed logins; try again after this many minutes.
            #[error("throttled for {retry_after_minutes} minutes")]
            Throttled { retry_after_minutes: u32 },
            #[error("current password wrong")]
            WrongCurrentPassword,
            /// Too many logins are being checked at this moment; try again in seconds.
            #[error("busy")]
            Busy,
            /// The request's body or arguments could not be read (a malformed request).
            #[error("bad request")]
            BadRequest,
            /// Something failed on the server; details are in the server log only.
            #[error("internal error")]
            Internal,
            /// The request did not reach the server function (network, decoding).
            #[error("transport: {0}")]
            Transport(String),
            $( $(#[$doc])* #[error("{0:?}")] $variant($ty), )*
        }

        $(
            impl From<$ty> for AppError {
                fn from(e: $ty) -> Self {
                    AppError::$variant(e)
                }
            }
        )*

        impl AppError {
            fn feature_status(&self) -> Option<u16> {
                match self {
                    $( AppError::$variant(e) => Some(e.status()), )*
                    _ => None,
                }
            }

            fn feature_code(&self) -> Option<String> {
                match self {
                    $( AppError::$variant(e) => Some(format!("{}-{}", $prefix, e.code())), )*
                    _ => None,
                }
            }

            fn from_feature_code(code: &str) -> Option<AppError> {
                $(
                    if let Some(e) = code
                        .strip_prefix(concat!($prefix, "-"))
                        .and_then(<$ty as FeatureError>::from_code)
                    {
                        return Some(AppError::$variant(e));
                    }
                )*
                None
            }

            /// The message of a feature's error; `None` for the app's own errors.
            pub fn feature_message(&self, i18n: I18nContext<Locale>) -> Option<&'static str> {
                match self {
                    $( AppError::$variant(e) => Some(e.message(i18n)), )*
                    _ => None,
                }
            }
        }
    };
}

app_error! {
    /// The NIP typed in is not a valid NIP.
    InvalidNip(crate::org::nip::NipError) = "nip",
    /// A new password breaks a rule.
    InvalidPassword(crate::validation::PasswordRuleError) = "sandi",
    /// A development plan or item broke a rule.
    Plan(crate::plan::PlanError) = "rencana",
    /// A JP ledger entry, its evidence or its verification broke a rule.
    Ledger(crate::jp::LedgerError) = "jp",
    /// An admin edit of the dictionary, standards or catalog broke a rule.
    Admin(crate::admin::AdminError) = "admin",
    /// A mentor profile, request, session or feedback broke a rule.
    Mentoring(crate::mentoring::MentoringError) = "mentoring",
    /// Enrolment, a module or a course's settings broke a rule.
    Learning(crate::learning::rules::LearningError) = "belajar",
    /// A question import, a test's settings or an attempt broke a rule.
    Quiz(crate::learning::quiz::rules::QuizError) = "tes",
    /// A certificate's revocation broke a rule.
    Certificate(crate::learning::certificate::rules::CertificateError) = "sertifikat",
    /// A SCORM package was refused, or a module's package choice was not the course's.
    Scorm(crate::learning::scorm::rules::ScormError) = "scorm",
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The arguments did not parse (a malformed body, a number out of range, an
            // unknown choice): the client's fault, a 400 that names no serde detail.
            // (On the server, a body that could not be read is the client's too.)
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => {
                #[cfg(feature = "ssr")]
                bad_request_response();
                AppError::BadRequest
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

impl AppError {
    /// HTTP status code for this error.
    pub fn status(&self) -> u16 {
        if let Some(status) = self.feature_status() {
            return status;
        }
        match self {
            AppError::Unauthenticated | AppError::InvalidCredentials => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Throttled { .. } | AppError::Busy => 429,
            AppError::BadRequest => 400,
            AppError::WrongCurrentPassword => 422,
            _ => 500,
        }
    }

    /// A short code for the URL of a page that a form without JavaScript returns to
    /// (`/masuk?galat=kredensial`). Only errors a form can cause have one.
    pub fn to_query_code(&self) -> String {
        if let Some(code) = self.feature_code() {
            return code;
        }
        match self {
            AppError::InvalidCredentials => "kredensial".into(),
            AppError::Throttled {
                retry_after_minutes,
            } => format!("tunggu-{retry_after_minutes}"),
            AppError::WrongCurrentPassword => "sandi-lama".into(),
            AppError::Forbidden => "terlarang".into(),
            AppError::Busy => "sibuk".into(),
            AppError::BadRequest => "permintaan".into(),
            _ => "sistem".into(),
        }
    }

    /// The inverse of [`AppError::to_query_code`]; unknown codes become `Internal`.
    pub fn from_query_code(code: &str) -> AppError {
        if let Some(minutes) = code.strip_prefix("tunggu-") {
            return AppError::Throttled {
                retry_after_minutes: minutes.parse().unwrap_or(15),
            };
        }
        if let Some(e) = AppError::from_feature_code(code) {
            return e;
        }
        match code {
            "kredensial" => AppError::InvalidCredentials,
            "sandi-lama" => AppError::WrongCurrentPassword,
            "terlarang" => AppError::Forbidden,
            "sibuk" => AppError::Busy,
            "permintaan" => AppError::BadRequest,
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        AppError::Internal
    }
}

/// What a request refused as [`AppError::Busy`] is told to wait, in seconds (`Retry-After`).
pub const BUSY_RETRY_SECS: u32 = 5;

/// Sets the HTTP status of a failed server function from its error. Every server function
/// passes its result through here (or through [`form_error`]).
#[cfg(feature = "ssr")]
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result
        && let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
    {
        res.set_status(
            axum::http::StatusCode::from_u16(e.status())
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
        );
        if let Some(seconds) = e.retry_after_seconds() {
            res.insert_header(axum::http::header::RETRY_AFTER, seconds.into());
        }
    }
    result
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The `Retry-After` of a refusal that passes with time.
    fn retry_after_seconds(&self) -> Option<u32> {
        match self {
            AppError::Throttled {
                retry_after_minutes,
            } => Some(retry_after_minutes * 60),
            AppError::Busy => Some(BUSY_RETRY_SECS),
            _ => None,
        }
    }
}

/// A server function whose arguments did not parse answers 400; a plain form post goes back
/// to its page with `?galat=permintaan` instead (the form's page names it in `Referer`).
#[cfg(feature = "ssr")]
fn bad_request_response() {
    use leptos::prelude::use_context;
    let back = use_context::<axum::http::request::Parts>().and_then(|parts| {
        let referer = parts
            .headers
            .get(axum::http::header::REFERER)?
            .to_str()
            .ok()?;
        let path = referer.split_once("://").map_or(referer, |(_, rest)| {
            rest.find('/').map_or("/", |i| &rest[i..])
        });
        let page = path.split('#').next().unwrap_or("/");
        (page.starts_with('/') && !page.starts_with("//")).then(|| page.to_owned())
    });
    let _: Result<(), AppError> = match back {
        Some(page) => form_error(&page, AppError::BadRequest),
        None => respond(Err(AppError::BadRequest)),
    };
}

/// True when the request is a plain HTML form post (JavaScript off or not loaded yet).
#[cfg(feature = "ssr")]
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .is_some_and(|parts| accepts_html(&parts.headers))
}

/// Whether a request asks for an HTML page back (a browser's own form post or link), not
/// data for a script.
#[cfg(feature = "ssr")]
pub fn accepts_html(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// Ends a form's server function that succeeded: a plain form post goes to `page` (usually
/// back where it came from); a call from a script (`Accept` without `text/html`) gets the
/// result itself.
#[cfg(feature = "ssr")]
pub fn form_done(page: &str) {
    if is_plain_form_post() {
        leptos_axum::redirect(page);
    }
}

/// Ends a form's server function: on success a plain form post goes to `done`, on failure
/// back to `back` with the error (see [`form_error`]); a call from a script gets the result
/// itself.
#[cfg(feature = "ssr")]
pub fn form_result(result: Result<(), AppError>, done: &str, back: &str) -> Result<(), AppError> {
    form_result_to(result, |()| done.to_owned(), back)
}

/// [`form_result`] for a server function whose page to go to depends on its result (the
/// mentorship a session belongs to, say).
#[cfg(feature = "ssr")]
pub fn form_result_to<T>(
    result: Result<T, AppError>,
    done: impl FnOnce(&T) -> String,
    back: &str,
) -> Result<(), AppError> {
    match result {
        Ok(value) => {
            form_done(&done(&value));
            Ok(())
        }
        Err(e) => form_error(back, e),
    }
}

/// Ends a form's server function with an error: a plain form post goes back to `page` with
/// the error in the query (`?galat=…`) so the server-rendered page can show it; a call from
/// a script gets the error itself with its status code.
#[cfg(feature = "ssr")]
pub fn form_error<T>(page: &str, error: AppError) -> Result<T, AppError> {
    if is_plain_form_post() {
        let joiner = if page.contains('?') { '&' } else { '?' };
        leptos_axum::redirect(&format!("{page}{joiner}galat={}", error.to_query_code()));
        Err(error)
    } else {
        respond(Err(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        admin::AdminError, jp::LedgerError, mentoring::MentoringError, org::nip::NipError,
        plan::PlanError, validation::PasswordRuleError,
    };

    #[test]
    fn query_codes_round_trip() {
        let errors = [
            AppError::InvalidCredentials,
            AppError::Throttled {
                retry_after_minutes: 7,
            },
            AppError::InvalidNip(NipError::BirthDate),
            AppError::InvalidPassword(PasswordRuleError::TooShort),
            AppError::WrongCurrentPassword,
            AppError::Forbidden,
            AppError::Busy,
            AppError::BadRequest,
            AppError::Plan(PlanError::NoItems),
            AppError::Ledger(LedgerError::EvidenceType),
            AppError::Admin(AdminError::InUse),
            AppError::Mentoring(MentoringError::MentorFull),
        ];
        for e in errors {
            assert_eq!(AppError::from_query_code(&e.to_query_code()), e);
        }
        assert_eq!(AppError::from_query_code("rubbish"), AppError::Internal);
    }
}
