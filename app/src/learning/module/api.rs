//! Server functions of modules.

use leptos::prelude::*;

use crate::{
    error::AppError,
    learning::{ModuleEditor, ModuleRead, module::rules::ModuleInput},
};

#[cfg(feature = "ssr")]
use super::queries;

/// A module's latest published revision, for the course's learners, facilitators and the
/// admin; a learner's first read marks it opened.
#[server(endpoint = "belajar-modul")]
pub async fn get_module(program_id: i64, module_id: i64) -> Result<ModuleRead, AppError> {
    crate::error::respond(queries::read(program_id, module_id).await)
}

/// The learner marks a module done. `kunci` is the event's id, made where the event
/// happened (the page's form, or later the offline outbox): an event sent twice counts
/// once. The time spent is counted on the server, from when the learner last opened it.
#[server(endpoint = "belajar-selesai")]
pub async fn mark_module_done(
    program_id: i64,
    module_id: i64,
    kunci: String,
) -> Result<(), AppError> {
    crate::error::form_result_to(
        queries::mark_done(program_id, module_id, &kunci).await,
        |next| match next {
            Some(next) => format!("/belajar/{program_id}/modul/{next}"),
            None => format!("/belajar/{program_id}?selesai"),
        },
        &format!("/belajar/{program_id}/modul/{module_id}"),
    )
}

/// The editor of a module (`module_id` 0: a new one), for facilitators and the admin.
#[server(endpoint = "belajar-penyunting")]
pub async fn get_module_editor(program_id: i64, module_id: i64) -> Result<ModuleEditor, AppError> {
    crate::error::respond(queries::editor(program_id, module_id).await)
}

/// Saves a module's draft (creating the module when `module_id` is 0); learners go on
/// reading the published revision until the draft is published.
#[server(endpoint = "belajar-modul-simpan")]
pub async fn save_module_draft(
    program_id: i64,
    module_id: i64,
    module: ModuleInput,
    kunci: Option<String>,
) -> Result<(), AppError> {
    let back = format!("/belajar/{program_id}/kelola/modul/{module_id}");
    crate::error::form_result_to(
        queries::save_draft(program_id, module_id, module, kunci.as_deref()).await,
        |id| format!("/belajar/{program_id}/kelola/modul/{id}?tersimpan"),
        &back,
    )
}

/// Publishes a module's draft as its new revision, with a note of what changed.
#[server(endpoint = "belajar-modul-terbit")]
pub async fn publish_module(
    program_id: i64,
    module_id: i64,
    catatan: String,
) -> Result<(), AppError> {
    let page = format!("/belajar/{program_id}/kelola/modul/{module_id}");
    crate::error::form_result(
        queries::publish(program_id, module_id, &catatan).await,
        &format!("{page}?terbit"),
        &page,
    )
}

/// Moves a module one place up or down (`arah`: `naik` or `turun`) in its course's order.
#[server(endpoint = "belajar-modul-urut")]
pub async fn move_module(program_id: i64, module_id: i64, arah: String) -> Result<(), AppError> {
    let page = format!("/belajar/{program_id}/kelola");
    crate::error::form_result(
        queries::move_module(program_id, module_id, &arah).await,
        &format!("{page}?diurutkan#modul"),
        &page,
    )
}
