//! Server functions of questions and tests.

use std::collections::HashMap;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use super::{
    model::{AttemptView, Bank, CourseTests, ImportPreview},
    rules::SettingsInput,
};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::{attempt_queries, bank_queries};

/// The course's questions with their statistics, and its tests' settings, for its
/// facilitators and the admin.
#[server(endpoint = "belajar-soal")]
pub async fn get_question_bank(program_id: i64) -> Result<Bank, AppError> {
    crate::error::respond(bank_queries::bank(program_id).await)
}

/// Keeps a GIFT text for its preview (a multipart form: `program_id`, `module_id` the
/// questions are tied to or empty, the text `teks` or a file `berkas`, `kunci`). Built for
/// the server only: the browser posts the form itself.
#[cfg(feature = "ssr")]
#[server(endpoint = "belajar-soal-impor", input = MultipartFormData)]
pub async fn check_question_import(data: MultipartData) -> Result<(), AppError> {
    let (origin, result) = bank_queries::check_import(data).await;
    let bank = origin.map_or_else(
        || "/belajar".to_owned(),
        |o| format!("/belajar/{}/kelola/soal", o.program_id),
    );
    crate::error::form_result_to(result, |id| format!("{bank}/impor/{id}"), &bank)
}

/// A kept GIFT text checked: the questions it holds and each bad one with its line.
#[server(endpoint = "belajar-soal-pratinjau")]
pub async fn get_question_import(
    program_id: i64,
    import_id: i64,
) -> Result<ImportPreview, AppError> {
    crate::error::respond(bank_queries::preview(program_id, import_id).await)
}

/// Saves a checked GIFT text's questions, all of them or none.
#[server(endpoint = "belajar-soal-simpan")]
pub async fn save_question_import(program_id: i64, import_id: i64) -> Result<(), AppError> {
    let bank = format!("/belajar/{program_id}/kelola/soal");
    crate::error::form_result_to(
        bank_queries::confirm_import(program_id, import_id).await,
        |n| format!("{bank}?diimpor={n}"),
        &format!("{bank}/impor/{import_id}"),
    )
}

/// Withdraws a question from new attempts (its answers stay in the statistics).
#[server(endpoint = "belajar-soal-tarik")]
pub async fn retire_question(program_id: i64, question_id: i64) -> Result<(), AppError> {
    let bank = format!("/belajar/{program_id}/kelola/soal");
    crate::error::form_result(
        bank_queries::retire(program_id, question_id).await,
        &format!("{bank}?ditarik#soal"),
        &bank,
    )
}

/// Saves a test's settings: `jenis` is `pra`, `pasca` or `modul` (with `module_id`).
#[server(endpoint = "belajar-tes-atur")]
pub async fn save_quiz_settings(
    program_id: i64,
    jenis: String,
    module_id: i64,
    tes: SettingsInput,
) -> Result<(), AppError> {
    let bank = format!("/belajar/{program_id}/kelola/soal");
    crate::error::form_result(
        bank_queries::save_settings(program_id, &jenis, module_id, tes).await,
        &format!("{bank}?diatur#tes"),
        &bank,
    )
}

/// The course's open tests with the learner's attempts and gain.
#[server(endpoint = "belajar-tes")]
pub async fn get_course_tests(program_id: i64) -> Result<CourseTests, AppError> {
    crate::error::respond(attempt_queries::course_tests(program_id).await)
}

/// Begins an attempt at a test (or goes on with the one begun) and opens it.
#[server(endpoint = "belajar-tes-mulai")]
pub async fn begin_attempt(
    program_id: i64,
    quiz_id: i64,
    kunci: Option<String>,
) -> Result<(), AppError> {
    crate::error::form_result_to(
        attempt_queries::begin(program_id, quiz_id, kunci.as_deref()).await,
        |id| format!("/belajar/{program_id}/tes/{id}"),
        &format!("/belajar/{program_id}#tes"),
    )
}

/// One of the learner's own attempts: its questions, or once submitted its result.
#[server(endpoint = "belajar-percobaan")]
pub async fn get_attempt(program_id: i64, attempt_id: i64) -> Result<AttemptView, AppError> {
    crate::error::respond(attempt_queries::attempt(program_id, attempt_id).await)
}

/// Submits an attempt's answers (`jawaban[q{question}]`, and `jawaban[q{question}-{choice}]`
/// for each box ticked of a multiple-choice question); marked at once, accepted once. A
/// post-test passed may complete the course.
#[server(endpoint = "belajar-tes-kirim")]
pub async fn submit_attempt(
    program_id: i64,
    attempt_id: i64,
    jawaban: Option<HashMap<String, String>>,
) -> Result<(), AppError> {
    let page = format!("/belajar/{program_id}/tes/{attempt_id}");
    crate::error::form_result_to(
        attempt_queries::submit(program_id, attempt_id, jawaban.unwrap_or_default()).await,
        |completed| {
            if *completed {
                format!("{page}?terkirim&tamat")
            } else {
                format!("{page}?terkirim")
            }
        },
        &page,
    )
}
