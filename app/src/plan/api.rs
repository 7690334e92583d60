//! Server functions of development plans. Each one: who is asking (the session), may they
//! (one authorization rule), is the input valid (the shared rules), then one transaction.
// "Add a plan item" takes one argument per field of its form, under the names the form posts
// with or without JavaScript (the macro's generated code carries the count too).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::{MyPlanPage, PlanToReview};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::queries;

/// The logged-in employee's plan for a year (this year when none is given).
#[server(endpoint = "rencana")]
pub async fn get_my_plan(year: Option<i32>) -> Result<MyPlanPage, AppError> {
    crate::error::respond(queries::my_plan(year).await)
}

/// Adds an item to the employee's plan of `year`, creating the plan on the first item.
/// Fields are text so a wrong number gets its own message.
#[server(endpoint = "rencana-tambah")]
pub async fn add_plan_item(
    year: i32,
    competency_id: String,
    path: String,
    title: String,
    planned_jp: String,
    target_quarter: String,
    program_id: String,
    kunci: Option<String>,
) -> Result<(), AppError> {
    let input = super::PlanItemInput {
        competency_id: competency_id.trim().parse().unwrap_or(0),
        path,
        title,
        planned_jp,
        target_quarter,
        program_id: program_id.trim().parse().ok(),
    };
    let page = format!("/rencana?tahun={year}");
    crate::error::form_result(
        queries::add_item(year, input, kunci.as_deref()).await,
        &page,
        &page,
    )
}

#[server(endpoint = "rencana-hapus")]
pub async fn remove_plan_item(item_id: i64) -> Result<(), AppError> {
    plan_form_result(queries::remove_item(item_id).await)
}

/// Sends the plan to the direct supervisor.
#[server(endpoint = "rencana-ajukan")]
pub async fn submit_plan(plan_id: i64) -> Result<(), AppError> {
    plan_form_result(queries::submit(plan_id).await)
}

/// Opens a new revision of an approved plan.
#[server(endpoint = "rencana-revisi")]
pub async fn revise_plan(plan_id: i64) -> Result<(), AppError> {
    plan_form_result(queries::revise(plan_id).await)
}

/// Submitted plans of the supervisor's direct reports.
#[server(endpoint = "persetujuan")]
pub async fn get_approval_queue() -> Result<Vec<PlanToReview>, AppError> {
    crate::error::respond(queries::queue().await)
}

/// The supervisor approves or returns (with a comment) a submitted plan; `keputusan` is a
/// [`super::ReviewDecision`] as its form posts it.
#[server(endpoint = "persetujuan-putus")]
pub async fn review_plan(
    plan_id: i64,
    keputusan: String,
    komentar: String,
) -> Result<(), AppError> {
    let result = queries::review(plan_id, &keputusan, &komentar).await;
    crate::error::form_result(result, "/persetujuan", "/persetujuan")
}

/// Plain form posts on the plan page go back to it, with the error when there is one.
#[cfg(feature = "ssr")]
fn plan_form_result(result: Result<i32, AppError>) -> Result<(), AppError> {
    let done = match &result {
        Ok(year) => format!("/rencana?tahun={year}"),
        Err(_) => "/rencana".to_owned(),
    };
    crate::error::form_result(result.map(|_| ()), &done, "/rencana")
}
