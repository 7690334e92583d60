//! Server functions of a mentorship: its page, sessions, goals, the good-fit check and the
//! closing feedback.

use leptos::prelude::*;

use crate::{
    error::AppError,
    mentoring::{MentorshipView, rules::SessionInput},
};

#[cfg(feature = "ssr")]
use super::queries;

/// One mentorship, for its mentor or mentee only.
#[server(endpoint = "bimbingan")]
pub async fn get_mentorship(id: i64) -> Result<MentorshipView, AppError> {
    crate::error::respond(queries::mentorship(id).await)
}

/// Logs a session; the side who logs it confirms it at once.
#[server(endpoint = "bimbingan-sesi")]
pub async fn log_mentoring_session(
    mentorship_id: i64,
    session: SessionInput,
    kunci: Option<String>,
) -> Result<(), AppError> {
    let page = format!("/mentoring/bimbingan/{mentorship_id}");
    crate::error::form_result(
        queries::log_session(mentorship_id, session, kunci.as_deref()).await,
        &page,
        &page,
    )
}

/// The other side confirms a session; once both have, the mentee earns its JP.
#[server(endpoint = "bimbingan-konfirmasi")]
pub async fn confirm_mentoring_session(session_id: i64) -> Result<(), AppError> {
    crate::error::form_result_to(
        queries::confirm_session(session_id).await,
        |mentorship_id| format!("/mentoring/bimbingan/{mentorship_id}"),
        "/mentoring",
    )
}

/// Adds a goal to a running mentorship (either side).
#[server(endpoint = "bimbingan-tujuan")]
pub async fn add_mentorship_goal(
    mentorship_id: i64,
    tujuan: String,
    kunci: Option<String>,
) -> Result<(), AppError> {
    let page = format!("/mentoring/bimbingan/{mentorship_id}");
    crate::error::form_result(
        queries::add_goal(mentorship_id, &tujuan, kunci.as_deref()).await,
        &page,
        &page,
    )
}

/// Sets the progress of a goal, in percent (either side).
#[server(endpoint = "bimbingan-kemajuan")]
pub async fn set_goal_progress(goal_id: i64, kemajuan: String) -> Result<(), AppError> {
    crate::error::form_result_to(
        queries::set_progress(goal_id, &kemajuan).await,
        |mentorship_id| format!("/mentoring/bimbingan/{mentorship_id}"),
        "/mentoring",
    )
}

/// Answers "a good fit?" (`cocok`: a [`crate::mentoring::FitAnswer`] as its form posts it); a
/// no ends the pairing politely and offers the mentee the next recommendations.
#[server(endpoint = "bimbingan-cocok")]
pub async fn answer_fit_check(mentorship_id: i64, cocok: String) -> Result<(), AppError> {
    let page = format!("/mentoring/bimbingan/{mentorship_id}");
    crate::error::form_result(
        queries::answer_fit(mentorship_id, &cocok).await,
        &page,
        &page,
    )
}

/// Ends a mentorship (while active) and gives the closing feedback; after the other side
/// ended it, gives the feedback only.
#[server(endpoint = "bimbingan-akhiri")]
pub async fn end_mentorship(
    mentorship_id: i64,
    nilai: String,
    komentar: String,
) -> Result<(), AppError> {
    let page = format!("/mentoring/bimbingan/{mentorship_id}");
    crate::error::form_result(
        queries::end(mentorship_id, &nilai, &komentar).await,
        &format!("{page}?selesai=1"),
        &page,
    )
}
