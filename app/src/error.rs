//! The one application error type. Server functions return it; the browser receives it as
//! JSON and shows the user an Indonesian (or English) message through the i18n files. No
//! internal detail (SQL, paths) is ever put in it: `Internal` carries nothing.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

use crate::admin::AdminError;
use crate::jp::LedgerError;
use crate::mentoring::MentoringError;
use crate::org::nip::NipError;
use crate::plan::PlanError;
use crate::validation::PasswordRuleError;

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
    /// NIP or password wrong. Deliberately does not say which, nor whether the NIP exists.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed logins; try again after this many minutes.
    #[error("throttled for {retry_after_minutes} minutes")]
    Throttled { retry_after_minutes: u32 },
    #[error("invalid NIP: {0:?}")]
    InvalidNip(NipError),
    #[error("invalid password: {0:?}")]
    InvalidPassword(PasswordRuleError),
    #[error("current password wrong")]
    WrongCurrentPassword,
    /// A development plan or item broke a rule.
    #[error("plan: {0:?}")]
    Plan(PlanError),
    /// A JP ledger entry, its evidence or its verification broke a rule.
    #[error("ledger: {0:?}")]
    Ledger(LedgerError),
    /// An admin edit of the dictionary, standards or catalog broke a rule.
    #[error("admin: {0:?}")]
    Admin(AdminError),
    /// A mentor profile, request, session or feedback broke a rule.
    #[error("mentoring: {0:?}")]
    Mentoring(MentoringError),
    /// Something failed on the server; details are in the server log only.
    #[error("internal error")]
    Internal,
    /// The request did not reach the server function (network, decoding).
    #[error("transport: {0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

impl AppError {
    /// HTTP status code for this error.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated | AppError::InvalidCredentials => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Throttled { .. } => 429,
            AppError::InvalidNip(_)
            | AppError::InvalidPassword(_)
            | AppError::WrongCurrentPassword => 422,
            AppError::Plan(PlanError::NotEditable | PlanError::IllegalTransition)
            | AppError::Ledger(LedgerError::AlreadyDecided) => 409,
            AppError::Ledger(LedgerError::EvidenceTooLarge) => 413,
            AppError::Admin(AdminError::InUse | AdminError::CodeTaken) => 409,
            AppError::Mentoring(
                MentoringError::AlreadyAnswered
                | MentoringError::AlreadyConfirmed
                | MentoringError::PendingExists
                | MentoringError::MentorFull
                | MentoringError::NotActive
                | MentoringError::FeedbackGiven,
            ) => 409,
            AppError::Plan(_)
            | AppError::Ledger(_)
            | AppError::Admin(_)
            | AppError::Mentoring(_) => 422,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }

    /// A short code for the URL of a page that a form without JavaScript returns to
    /// (`/masuk?galat=kredensial`). Only errors a form can cause have one.
    pub fn to_query_code(&self) -> String {
        match self {
            AppError::InvalidCredentials => "kredensial".into(),
            AppError::Throttled {
                retry_after_minutes,
            } => format!("tunggu-{retry_after_minutes}"),
            AppError::InvalidNip(e) => format!("nip-{}", e.code()),
            AppError::InvalidPassword(e) => format!("sandi-{}", e.code()),
            AppError::WrongCurrentPassword => "sandi-lama".into(),
            AppError::Plan(e) => format!("rencana-{}", e.code()),
            AppError::Ledger(e) => format!("jp-{}", e.code()),
            AppError::Admin(e) => format!("admin-{}", e.code()),
            AppError::Mentoring(e) => format!("mentoring-{}", e.code()),
            AppError::Forbidden => "terlarang".into(),
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
        if let Some(nip) = code.strip_prefix("nip-")
            && let Some(e) = NipError::from_code(nip)
        {
            return AppError::InvalidNip(e);
        }
        if let Some(rule) = code.strip_prefix("sandi-")
            && let Some(e) = PasswordRuleError::from_code(rule)
        {
            return AppError::InvalidPassword(e);
        }
        if let Some(e) = code.strip_prefix("rencana-").and_then(PlanError::from_code) {
            return AppError::Plan(e);
        }
        if let Some(e) = code.strip_prefix("jp-").and_then(LedgerError::from_code) {
            return AppError::Ledger(e);
        }
        if let Some(e) = code.strip_prefix("admin-").and_then(AdminError::from_code) {
            return AppError::Admin(e);
        }
        if let Some(e) = code
            .strip_prefix("mentoring-")
            .and_then(MentoringError::from_code)
        {
            return AppError::Mentoring(e);
        }
        match code {
            "kredensial" => AppError::InvalidCredentials,
            "sandi-lama" => AppError::WrongCurrentPassword,
            "terlarang" => AppError::Forbidden,
            _ => AppError::Internal,
        }
    }
}

impl From<NipError> for AppError {
    fn from(e: NipError) -> Self {
        AppError::InvalidNip(e)
    }
}

impl From<PlanError> for AppError {
    fn from(e: PlanError) -> Self {
        AppError::Plan(e)
    }
}

impl From<AdminError> for AppError {
    fn from(e: AdminError) -> Self {
        AppError::Admin(e)
    }
}

impl From<MentoringError> for AppError {
    fn from(e: MentoringError) -> Self {
        AppError::Mentoring(e)
    }
}

impl From<LedgerError> for AppError {
    fn from(e: LedgerError) -> Self {
        AppError::Ledger(e)
    }
}

impl From<PasswordRuleError> for AppError {
    fn from(e: PasswordRuleError) -> Self {
        AppError::InvalidPassword(e)
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "database error");
        AppError::Internal
    }
}

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
    }
    result
}

/// True when the request is a plain HTML form post (JavaScript off or not loaded yet).
#[cfg(feature = "ssr")]
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(axum::http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// Ends a form's server function that succeeded: a plain form post goes to `page` (usually
/// back where it came from); the hydrated app stays and refetches.
#[cfg(feature = "ssr")]
pub fn form_done(page: &str) {
    if is_plain_form_post() {
        leptos_axum::redirect(page);
    }
}

/// Ends a form's server function: on success a plain form post goes to `done`, on failure
/// back to `back` with the error (see [`form_error`]); the hydrated app stays where it is and
/// gets the result itself.
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
/// the hydrated app gets the error itself with its status code.
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
