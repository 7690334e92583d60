//! UI primitives every page uses, knowing no feature: the page title, error messages, the
//! loading state, 404 and error pages, a form field, a data table, the decision queue page,
//! a form that shows it is busy (an island), and small formatting helpers.

mod busy_form;
mod field;
mod queue;
mod table;

pub use busy_form::BusyForm;
pub use field::{Field, hint_id};
pub use queue::DecisionQueue;
pub use table::{DataTable, TableName};

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_meta::Title;
use leptos_router::{
    components::{A, Redirect},
    hooks::use_query_map,
};

use crate::{error::AppError, i18n::*};

/// The document title, in the current language: `<PageTitle text=|i18n| t_string!(i18n, x) />`.
/// On the server the text is fixed while the page renders. leptos_meta reads the title once
/// more after the render, when the page's reactive owner may already be disposed; a reactive
/// title then panicked the worker and dropped the page (about one page in twenty under load).
/// In the browser it follows the language switch.
#[component]
pub fn PageTitle(text: fn(I18nContext<Locale>) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    let title = leptos::text_prop::TextProp::from(text(i18n));
    #[cfg(not(feature = "ssr"))]
    let title = leptos::text_prop::TextProp::from(move || text(i18n));
    view! { <Title text=title /> }
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
        AppError::WrongCurrentPassword => {
            t_string!(i18n, errors.wrong_current_password).to_string()
        }
        AppError::Busy => t_string!(i18n, errors.busy).to_string(),
        AppError::BadRequest => t_string!(i18n, errors.bad_request).to_string(),
        AppError::Internal => t_string!(i18n, errors.internal).to_string(),
        AppError::Transport(_) => t_string!(i18n, errors.transport).to_string(),
        feature => feature
            .feature_message(i18n)
            .unwrap_or_else(|| t_string!(i18n, errors.internal))
            .to_string(),
    }
}

/// `part` as a whole percentage of `total`, rounded half up; 0 when there is no total.
pub fn percent(part: i64, total: i64) -> u32 {
    if total <= 0 {
        return 0;
    }
    ((part * 200 + total) / (2 * total)) as u32
}

/// Percent-encodes a query value (letters, digits and `-_.~` pass through).
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The error a form post was sent back to its page with (`?galat=…`, see
/// `error::form_error`), shown at the top of that page. Pages are rendered on the server
/// only, so a form's outcome always arrives this way, with or without JavaScript.
pub fn posted_error() -> impl Fn() -> Option<AppError> + Copy + 'static {
    let query = use_query_map();
    move || {
        query
            .read()
            .get("galat")
            .map(|code| AppError::from_query_code(&code))
    }
}

/// Whether a form post came back to its page with `key` in the query: its success
/// (`?tersimpan`, `?terkirim`).
pub fn posted_flag(key: &'static str) -> impl Fn() -> bool + Copy + 'static {
    let query = use_query_map();
    move || query.read().get(key).is_some()
}

/// The hidden key of a create form (`db::idempotency`): the form sent twice creates once.
/// The key is this response's CSP nonce, which the page's entity tag leaves out; several
/// create forms of one page (one per suggestion) each add a `part` of their own.
#[component]
pub fn FormKey(#[prop(optional, into)] part: Option<String>) -> impl IntoView {
    let key = leptos::nonce::use_nonce().map(|n| match &part {
        Some(part) => format!("{n}-{part}"),
        None => n.to_string(),
    });
    view! { <input type="hidden" name="kunci" value=key /> }
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

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn percent_rounds_half_up_and_survives_zero() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(5, 5), 100);
    }
}
