//! Server functions of a course's settings, facilitators and participants (their classroom
//! attendance too).

use leptos::prelude::*;

use crate::{
    error::AppError,
    learning::{ManageView, rules::SettingsInput},
};

#[cfg(feature = "ssr")]
use super::queries;

/// A course's page for its facilitators and the admin: settings, facilitators, modules and
/// participants.
#[server(endpoint = "belajar-kelola")]
pub async fn get_course_admin(program_id: i64) -> Result<ManageView, AppError> {
    crate::error::respond(queries::manage(program_id).await)
}

/// The admin opens a program as a course or changes who it is for and its seats.
#[server(endpoint = "belajar-pengaturan")]
pub async fn save_course_settings(
    program_id: i64,
    settings: SettingsInput,
) -> Result<(), AppError> {
    let page = format!("/belajar/{program_id}/kelola");
    crate::error::form_result(
        queries::save_settings(program_id, settings).await,
        &format!("{page}?tersimpan"),
        &page,
    )
}

/// The admin names a facilitator by NIP (`tetapkan`) or takes the role back (`cabut`).
#[server(endpoint = "belajar-pengampu")]
pub async fn set_facilitator(
    program_id: i64,
    nip: String,
    tindakan: String,
) -> Result<(), AppError> {
    let page = format!("/belajar/{program_id}/kelola");
    crate::error::form_result(
        queries::set_facilitator(program_id, &nip, &tindakan).await,
        &page,
        &page,
    )
}

/// A facilitator (or the admin) records the days a classroom participant attended.
#[server(endpoint = "belajar-hadir")]
pub async fn record_attendance(
    program_id: i64,
    enrolment_id: i64,
    hari: String,
) -> Result<(), AppError> {
    let page = format!("/belajar/{program_id}/kelola");
    crate::error::form_result(
        queries::record_attendance(program_id, enrolment_id, &hari).await,
        &format!("{page}?hadir#peserta"),
        &page,
    )
}
