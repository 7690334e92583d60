//! Server functions of login, logout, password change and "who am I".

use leptos::prelude::*;

use super::CurrentUser;
use crate::error::AppError;

/// The person logged in on this session, if any.
#[server(endpoint = "saya")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    crate::error::respond(super::queries::current_user().await)
}

/// Logs in with NIP and password. Without JavaScript the browser is redirected: to `/` on
/// success, back to the login page with an error code otherwise.
#[server(endpoint = "masuk")]
pub async fn login(nip: String, password: String) -> Result<(), AppError> {
    match super::queries::login(&nip, &password).await {
        Ok(()) => {
            leptos_axum::redirect("/");
            Ok(())
        }
        Err(e) => crate::error::form_error("/masuk", e),
    }
}

/// Logs out, and clears what this browser keeps of Bina: pages are cached (revalidated on
/// every use, see `server/src/page_cache.rs`), and on a shared phone or office computer the
/// next person must not reach the last one's pages through the browser's history.
#[server(endpoint = "keluar")]
pub async fn logout() -> Result<(), AppError> {
    let result = super::queries::logout().await;
    if result.is_ok() {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            res.insert_header(
                axum::http::HeaderName::from_static("clear-site-data"),
                axum::http::HeaderValue::from_static("\"cache\""),
            );
        }
        leptos_axum::redirect("/masuk");
    }
    crate::error::respond(result)
}

#[server(endpoint = "ganti-sandi")]
pub async fn change_password(
    current: String,
    new: String,
    confirmation: String,
) -> Result<(), AppError> {
    match super::queries::change_password(&current, &new, &confirmation).await {
        Ok(()) => {
            leptos_axum::redirect("/akun?berhasil=1");
            Ok(())
        }
        Err(e) => crate::error::form_error("/akun", e),
    }
}
