//! Server function of the mentoring dashboard.

use leptos::prelude::*;

use super::model::{MentoringDashboard, MentoringFilter};
#[cfg(feature = "ssr")]
use super::queries;
use crate::error::AppError;

#[server(endpoint = "dasbor-mentoring")]
pub async fn get_mentoring_dashboard(
    #[server(default)] filter: MentoringFilter,
) -> Result<MentoringDashboard, AppError> {
    crate::error::respond(queries::dashboard(filter).await)
}
