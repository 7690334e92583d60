//! Shared UI: the page layout and navigation, messages for errors, 404 and error pages.

mod layout;

pub use layout::{LanguageSwitch, Layout};

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::components::{A, Redirect};

use crate::{
    auth::{CurrentUser, Login, Logout},
    error::AppError,
    i18n::*,
    org::{AccessClass, nip::NipError},
    validation::PasswordRuleError,
};

/// The session as every component sees it.
#[derive(Clone, Copy)]
pub struct SessionContext {
    pub user: Resource<Result<Option<CurrentUser>, AppError>>,
    pub login: ServerAction<Login>,
    pub logout: ServerAction<Logout>,
}

pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}

/// The message a person reads for an error, in the current language. The one message with a
/// number in it (throttling) is rendered by [`ErrorMessage`].
pub fn error_text(i18n: I18nContext<Locale>, error: &AppError) -> String {
    match error {
        AppError::Unauthenticated => t_string!(i18n, errors.unauthenticated).to_string(),
        AppError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        AppError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        AppError::InvalidCredentials => t_string!(i18n, errors.invalid_credentials).to_string(),
        AppError::Throttled { .. } => t_string!(i18n, errors.internal).to_string(),
        AppError::InvalidNip(e) => match e {
            NipError::Empty => t_string!(i18n, errors.nip_empty),
            NipError::Length => t_string!(i18n, errors.nip_length),
            NipError::NotDigits => t_string!(i18n, errors.nip_not_digits),
            NipError::BirthDate => t_string!(i18n, errors.nip_birth_date),
            NipError::AppointmentDate => t_string!(i18n, errors.nip_appointment_date),
            NipError::SexDigit => t_string!(i18n, errors.nip_sex_digit),
            NipError::Sequence => t_string!(i18n, errors.nip_sequence),
        }
        .to_string(),
        AppError::InvalidPassword(e) => match e {
            PasswordRuleError::TooShort => t_string!(i18n, errors.password_too_short),
            PasswordRuleError::TooLong => t_string!(i18n, errors.password_too_long),
            PasswordRuleError::ContainsNip => t_string!(i18n, errors.password_contains_nip),
            PasswordRuleError::Mismatch => t_string!(i18n, errors.password_mismatch),
            PasswordRuleError::Unchanged => t_string!(i18n, errors.password_unchanged),
        }
        .to_string(),
        AppError::WrongCurrentPassword => {
            t_string!(i18n, errors.wrong_current_password).to_string()
        }
        AppError::Internal => t_string!(i18n, errors.internal).to_string(),
        AppError::Transport(_) => t_string!(i18n, errors.transport).to_string(),
    }
}

pub fn access_class_text(i18n: I18nContext<Locale>, class: AccessClass) -> &'static str {
    match class {
        AccessClass::Urban => t_string!(i18n, access.urban),
        AccessClass::PeriUrban => t_string!(i18n, access.peri_urban),
        AccessClass::Remote => t_string!(i18n, access.remote),
    }
}

/// An error shown in place, announced to screen readers.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let text = match error {
        AppError::Throttled {
            retry_after_minutes,
        } => t!(i18n, errors.throttled, minutes = retry_after_minutes).into_any(),
        error => (move || error_text(i18n, &error)).into_any(),
    };
    view! {
        <p class="alert alert-error" role="alert">
            {text}
        </p>
    }
}

/// A page's content once its data has loaded: an error message, or the view.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="muted" aria-live="polite">{t!(i18n, common.loading)}</p> }
}

/// Shows a loaded page, or sends an anonymous visitor to the login page.
pub fn page_or_error<T, V: IntoView + 'static>(
    result: Result<T, AppError>,
    view: impl FnOnce(T) -> V,
) -> AnyView {
    match result {
        Ok(data) => view(data).into_any(),
        Err(AppError::Unauthenticated) => view! { <Redirect path="/masuk" /> }.into_any(),
        Err(error) => view! { <ErrorPage error /> }.into_any(),
    }
}

/// The 404 page, with the 404 status on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <section class="card narrow">
            <h1>{t!(i18n, not_found.title)}</h1>
            <p>{t!(i18n, not_found.text)}</p>
            <p>
                <A href="/">{t!(i18n, common.back_home)}</A>
            </p>
        </section>
    }
}

/// A page that could not be shown: the error, and the way home.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card narrow">
            <h1>{t!(i18n, error_page.title)}</h1>
            <ErrorMessage error />
            <p>
                <A href="/">{t!(i18n, common.back_home)}</A>
            </p>
        </section>
    }
}
