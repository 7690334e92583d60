//! Server functions of the catalog.

use leptos::prelude::*;

use super::ProgramRef;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::queries;

/// Programs of the year that have not ended, optionally for one competency. Every logged-in
/// employee may read the catalog.
#[server(endpoint = "katalog")]
pub async fn get_catalog(competency: Option<String>) -> Result<Vec<ProgramRef>, AppError> {
    crate::error::respond(queries::catalog(competency).await)
}
