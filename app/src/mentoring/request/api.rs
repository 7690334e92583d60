//! Server functions of mentoring requests: the mentee's page, sending and withdrawing a
//! request, and the mentor's desk where requests are accepted or declined.

use leptos::prelude::*;

use crate::{
    error::AppError,
    mentoring::{FindMentorPage, MentorDesk},
};

#[cfg(feature = "ssr")]
use super::queries;

/// The mentee's Mentoring page; recommendations for `kompetensi` (the largest gap when none).
#[server(endpoint = "mentoring")]
pub async fn get_find_mentor(
    #[server(default)] kompetensi: Option<i64>,
) -> Result<FindMentorPage, AppError> {
    crate::error::respond(queries::find_mentor(kompetensi).await)
}

/// Sends a request to a mentor for a competency, with a goal and a message.
#[server(endpoint = "mentoring-minta")]
pub async fn send_mentoring_request(
    mentor_id: i64,
    competency_id: i64,
    goal: String,
    message: String,
) -> Result<(), AppError> {
    let page = format!("/mentoring?kompetensi={competency_id}");
    let result = queries::send_request(mentor_id, competency_id, &goal, &message).await;
    crate::error::form_result(result, &format!("{page}&terkirim=1"), &page)
}

/// The mentee takes back a pending request.
#[server(endpoint = "mentoring-tarik")]
pub async fn withdraw_mentoring_request(request_id: i64) -> Result<(), AppError> {
    crate::error::form_result(
        queries::withdraw(request_id).await,
        "/mentoring",
        "/mentoring",
    )
}

/// The mentor's desk: requests waiting for an answer and current mentees.
#[server(endpoint = "mentor-meja")]
pub async fn get_mentor_desk() -> Result<MentorDesk, AppError> {
    crate::error::respond(queries::desk().await)
}

/// The addressed mentor accepts a request: a mentorship starts.
#[server(endpoint = "mentoring-terima")]
pub async fn accept_mentoring_request(request_id: i64) -> Result<(), AppError> {
    let result = queries::accept(request_id, crate::db::unix_now()).await;
    crate::error::form_result(result, "/mentoring/permintaan", "/mentoring/permintaan")
}

/// The addressed mentor declines a request with a reason from the list and a note.
#[server(endpoint = "mentoring-tolak")]
pub async fn decline_mentoring_request(
    request_id: i64,
    alasan: String,
    catatan: String,
) -> Result<(), AppError> {
    let result = queries::decline(request_id, &alasan, &catatan).await;
    crate::error::form_result(result, "/mentoring/permintaan", "/mentoring/permintaan")
}
