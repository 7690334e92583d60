//! Server functions of the competency feature.

use leptos::prelude::*;

use super::MyCompetencies;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::queries;

/// The logged-in employee's competencies: required vs assessed, gaps, suggestions.
#[server(endpoint = "kompetensi-saya")]
pub async fn get_my_competencies() -> Result<MyCompetencies, AppError> {
    crate::error::respond(queries::my_competencies().await)
}
