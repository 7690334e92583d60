//! Server functions of bulk matching (admin): designate or remove a mentor, propose, publish.

use leptos::prelude::*;

use super::model::{BulkMatchPage, CohortFilter, PairChoice};
#[cfg(feature = "ssr")]
use super::queries;
use crate::error::AppError;

/// Designates an employee as a mentor or removes one (`tindakan`: a
/// [`super::MentorDesignation`] as its form posts it).
#[server(endpoint = "admin-mentor")]
pub async fn admin_set_mentor(nip: String, tindakan: String) -> Result<(), AppError> {
    let result = queries::set_mentor(&nip, &tindakan).await;
    crate::error::form_result(result, "/admin/pencocokan?mentor=1", "/admin/pencocokan")
}

/// The proposal for a cohort (nothing is written).
#[server(endpoint = "admin-pencocokan")]
pub async fn get_bulk_match(
    #[server(default)] filter: CohortFilter,
) -> Result<BulkMatchPage, AppError> {
    crate::error::respond(queries::page(filter).await)
}

/// Sends the kept pairs' requests to their mentors, all or none.
#[server(endpoint = "admin-pencocokan-terbit")]
pub async fn publish_bulk_match(
    competency_id: i64,
    #[server(default)] pasangan: Vec<PairChoice>,
) -> Result<(), AppError> {
    let back = format!("/admin/pencocokan?filter[kompetensi]={competency_id}");
    let result = queries::publish(competency_id, &pasangan).await;
    crate::error::form_result(result, "/admin/pencocokan?terbit=1", &back)
}
