//! The home page's server function.

use leptos::prelude::*;

use super::model::*;
#[cfg(feature = "ssr")]
use super::queries;
use crate::error::AppError;

#[server(endpoint = "beranda")]
pub async fn get_home() -> Result<HomeData, AppError> {
    crate::error::respond(queries::home().await)
}
