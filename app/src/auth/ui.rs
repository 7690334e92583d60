//! Pages and controls of the auth feature: login, account (password change), logout.

use crate::error::feature::UserMessage;
use crate::validation::PasswordRuleError;
use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::components::Redirect;

use super::{ChangePassword, CurrentUser, Login, Logout};
use crate::{
    error::AppError,
    i18n::*,
    ui::{ErrorMessage, Field, PageTitle, posted_error, posted_flag},
    validation::PASSWORD_MIN_CHARS,
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

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let login = session.login;
    let error = posted_error();

    let already_in = move || {
        Suspend::new(async move {
            matches!(session.user.await, Ok(Some(_))).then(|| view! { <Redirect path="/" /> })
        })
    };

    view! {
        <PageTitle text=|i18n| t_string!(i18n, login.title) />
        <Suspense>{already_in}</Suspense>
        <section class="card narrow">
            <h1>{t!(i18n, login.title)}</h1>
            <p class="muted">{t!(i18n, login.intro)}</p>
            <ActionForm action=login attr:class="form" attr:novalidate=true>
                {move || error().map(|error| view! { <ErrorMessage error /> })}
                <Field id="nip" label=move || t!(i18n, login.nip) hint=move || t!(i18n, login.nip_hint)>
                    <input
                        id="nip"
                        name="nip"
                        type="text"
                        inputmode="numeric"
                        autocomplete="username"
                        required
                        maxlength="24"
                        aria-describedby="nip-hint"
                    />
                </Field>
                <Field id="password" label=move || t!(i18n, login.password)>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                    />
                </Field>
                <button type="submit" class="button primary">
                    {t!(i18n, login.submit)}
                </button>
            </ActionForm>
        </section>
    }
}

/// The logout button: a form, so it works without JavaScript too.
#[component]
pub fn LogoutButton() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <ActionForm action=session.logout attr:class="logout-form">
            <button type="submit" class="link-button">
                {t!(i18n, nav.logout)}
            </button>
        </ActionForm>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let change = ServerAction::<ChangePassword>::new();
    let error = posted_error();
    let done = posted_flag("berhasil");
    let guard = move || {
        Suspend::new(async move {
            (!matches!(session.user.await, Ok(Some(_))))
                .then(|| view! { <Redirect path="/masuk" /> })
        })
    };
    let min = PASSWORD_MIN_CHARS.to_string();

    view! {
        <PageTitle text=|i18n| t_string!(i18n, account.title) />
        <Suspense>{guard}</Suspense>
        <section class="card narrow">
            <h1>{t!(i18n, account.title)}</h1>
            <h2>{t!(i18n, account.change_password)}</h2>
            <Show when=done>
                <p class="alert alert-ok" role="status">
                    {t!(i18n, account.done)}
                </p>
            </Show>
            <ActionForm action=change attr:class="form">
                {move || error().map(|error| view! { <ErrorMessage error /> })}
                <Field id="current" label=move || t!(i18n, account.current)>
                    <input
                        id="current"
                        name="current"
                        type="password"
                        autocomplete="current-password"
                        required
                    />
                </Field>
                <Field id="new" label=move || t!(i18n, account.new) hint=move || t!(i18n, account.new_hint)>
                    <input
                        id="new"
                        name="new"
                        type="password"
                        autocomplete="new-password"
                        required
                        minlength=min
                        aria-describedby="new-hint"
                    />
                </Field>
                <Field id="confirmation" label=move || t!(i18n, account.confirmation)>
                    <input
                        id="confirmation"
                        name="confirmation"
                        type="password"
                        autocomplete="new-password"
                        required
                    />
                </Field>
                <button
                    type="submit"
                    class="button primary"
                >
                    {t!(i18n, account.submit)}
                </button>
            </ActionForm>
        </section>
    }
}

impl UserMessage for PasswordRuleError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            PasswordRuleError::TooShort => t_string!(i18n, errors.password_too_short),
            PasswordRuleError::TooLong => t_string!(i18n, errors.password_too_long),
            PasswordRuleError::ContainsNip => t_string!(i18n, errors.password_contains_nip),
            PasswordRuleError::Mismatch => t_string!(i18n, errors.password_mismatch),
            PasswordRuleError::Unchanged => t_string!(i18n, errors.password_unchanged),
        }
    }
}
