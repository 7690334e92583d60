//! Server functions of enrolment. Each one: who is asking (the session), may they (one
//! authorization rule), is the input valid (the shared rules), then one transaction.

use leptos::prelude::*;

use crate::{
    error::AppError,
    learning::{Application, CourseView, MyLearning},
};

#[cfg(feature = "ssr")]
use super::queries;

/// The logged-in person's courses, the courses open to them, and those they facilitate.
#[server(endpoint = "belajar")]
pub async fn get_my_learning() -> Result<MyLearning, AppError> {
    crate::error::respond(queries::my_learning().await)
}

/// A course's page: any logged-in person may see what it is; its modules open to its
/// learners, facilitators and the admin.
#[server(endpoint = "belajar-program")]
pub async fn get_course(program_id: i64) -> Result<CourseView, AppError> {
    crate::error::respond(queries::course(program_id).await)
}

/// Enrols in an online course, or applies for a classroom or blended one.
#[server(endpoint = "belajar-daftar")]
pub async fn enrol(program_id: i64, kunci: Option<String>) -> Result<(), AppError> {
    let page = format!("/belajar/{program_id}");
    crate::error::form_result_to(
        queries::enrol(program_id, kunci.as_deref()).await,
        |_| format!("{page}?terdaftar"),
        &page,
    )
}

/// Withdraws from a course (or an application); a seat freed goes to the waitlist.
#[server(endpoint = "belajar-mundur")]
pub async fn withdraw(program_id: i64) -> Result<(), AppError> {
    let page = format!("/belajar/{program_id}");
    crate::error::form_result(queries::withdraw(program_id).await, &page, &page)
}

/// Applications waiting for the pengelola OPD (their OPD) or the admin (the city).
#[server(endpoint = "belajar-pendaftar")]
pub async fn get_applications() -> Result<Vec<Application>, AppError> {
    crate::error::respond(queries::applications().await)
}

/// Confirms (`terima`: a seat, or the waitlist when every seat is taken) or refuses
/// (`tolak`) an application.
#[server(endpoint = "belajar-putus")]
pub async fn decide_application(enrolment_id: i64, keputusan: String) -> Result<(), AppError> {
    crate::error::form_result(
        queries::decide(enrolment_id, &keputusan).await.map(|_| ()),
        "/belajar/pendaftaran",
        "/belajar/pendaftaran",
    )
}
