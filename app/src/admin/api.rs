//! Server functions of the admin pages. Every one is for the admin BKPSDMD only.

use leptos::prelude::*;

use super::{CompetencyEntry, StandardPage};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::queries;

#[server(endpoint = "admin-kompetensi")]
pub async fn get_dictionary() -> Result<Vec<CompetencyEntry>, AppError> {
    crate::error::respond(queries::dictionary().await)
}

/// Adds (`id` empty) or edits a competency.
#[server(endpoint = "admin-kompetensi-simpan")]
pub async fn save_competency(
    id: String,
    code: String,
    kind: String,
    name: String,
    description: String,
    indicators: String,
) -> Result<(), AppError> {
    let id = id.trim().parse::<i64>().ok();
    let result = queries::save_competency(id, &code, &kind, &name, &description, &indicators).await;
    crate::error::form_result(result, "/admin/kompetensi", "/admin/kompetensi")
}

/// Retires (`pensiun = "1"`) or restores (`"0"`) a competency; deletes it (`"hapus"`) only
/// when nothing uses it.
#[server(endpoint = "admin-kompetensi-status")]
pub async fn set_competency_state(id: i64, pensiun: String) -> Result<(), AppError> {
    let result = queries::set_state(id, &pensiun).await;
    crate::error::form_result(result, "/admin/kompetensi", "/admin/kompetensi")
}

#[server(endpoint = "admin-standar")]
pub async fn get_standard(jabatan: Option<String>) -> Result<StandardPage, AppError> {
    crate::error::respond(queries::standard(jabatan).await)
}

/// Sets the required level of a competency for a position (`tingkat` empty removes it).
#[server(endpoint = "admin-standar-simpan")]
pub async fn save_standard(
    jabatan: String,
    competency_id: i64,
    tingkat: String,
) -> Result<(), AppError> {
    let page = format!("/admin/standar?jabatan={}", crate::ui::urlencode(&jabatan));
    let result = queries::save_standard(&jabatan, competency_id, &tingkat).await;
    crate::error::form_result(result, &page, &page)
}

/// Adds a program to the catalog, for one competency. The form's fields are `program[…]`.
#[server(endpoint = "admin-program-simpan")]
pub async fn save_program(
    program: super::ProgramForm,
    kunci: Option<String>,
) -> Result<(), AppError> {
    let result = queries::save_program(program, kunci.as_deref()).await;
    crate::error::form_result(result, "/admin/katalog?tersimpan", "/admin/katalog")
}
