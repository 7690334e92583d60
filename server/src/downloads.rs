//! The plain routes that send a file: dashboard tables as CSV, the evidence of a JP entry,
//! a course's images and attachments, its SCORM packages' files, its questions as GIFT, and
//! a certificate as PDF.
//! Each asks the session who is calling and the feature's rule book whether they may, as a
//! server function would.

use axum::{
    Router,
    extract::{Path, Query},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use bina_app::{
    auth::{
        CurrentUser,
        queries::{AuthSession, user_of_session},
    },
    db::AppState,
    learning::FileKind,
};
use leptos::prelude::LeptosOptions;
use serde::Deserialize;

use crate::paths;

/// The routes, for the application's router.
pub fn routes(state: AppState) -> Router<LeptosOptions> {
    Router::new()
        .route(
            paths::DASHBOARD_CSV,
            get({
                let state = state.clone();
                move |auth: AuthSession, Query(q): Query<CsvQuery>| {
                    dashboard_csv(state.clone(), auth, q)
                }
            }),
        )
        .route(
            paths::MENTORING_CSV,
            get({
                let state = state.clone();
                move |auth: AuthSession,
                      Query(q): Query<bina_app::mentoring::report::MentoringFilter>| {
                    mentoring_csv(state.clone(), auth, q)
                }
            }),
        )
        .route(
            paths::EVIDENCE,
            get({
                let state = state.clone();
                move |auth: AuthSession, Path(id): Path<i64>| evidence(state.clone(), auth, id)
            }),
        )
        .route(
            paths::COURSE_FILE,
            get({
                let state = state.clone();
                move |auth: AuthSession, Path((program, file)): Path<(i64, String)>| {
                    course_file(state.clone(), auth, program, file)
                }
            }),
        )
        .route(
            paths::SCORM_FILE,
            get({
                let state = state.clone();
                move |auth: AuthSession,
                      Path((program, package, path)): Path<(i64, i64, String)>| {
                    scorm_file(state.clone(), auth, program, package, path)
                }
            }),
        )
        .route(
            paths::QUESTION_EXPORT,
            get({
                let state = state.clone();
                move |auth: AuthSession, Path(program): Path<i64>| {
                    question_export(state.clone(), auth, program)
                }
            }),
        )
        .route(
            paths::CERTIFICATE_PDF,
            get(move |auth: AuthSession, Path(code): Path<String>| {
                certificate_pdf(state.clone(), auth, code)
            }),
        )
}

/// The logged-in person behind a plain (non-Leptos) route, or the response to send instead.
async fn session_user(state: &AppState, auth: AuthSession) -> Result<CurrentUser, Response> {
    match user_of_session(state, auth).await {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err(Redirect::to("/masuk").into_response()),
        Err(_) => Err(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    }
}

fn error_response(e: &bina_app::error::AppError) -> Response {
    StatusCode::from_u16(e.status())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        .into_response()
}

#[derive(Deserialize)]
struct CsvQuery {
    tabel: String,
    #[serde(default)]
    lihat: String,
    tahun: Option<i32>,
    opd: Option<i64>,
    jenis: Option<String>,
    akses: Option<String>,
}

/// A dashboard table as a CSV download, scoped like the dashboard itself.
async fn dashboard_csv(state: AppState, auth: AuthSession, q: CsvQuery) -> Response {
    let user = match session_user(&state, auth).await {
        Ok(user) => user,
        Err(res) => return res,
    };
    let filter = bina_app::dashboard::DashboardFilter {
        year: q.tahun,
        opd: q.opd,
        jenis: q.jenis.filter(|v| !v.is_empty()),
        access: q.akses.filter(|v| !v.is_empty()),
    };
    let target = state.settings.jp_yearly_target;
    match bina_app::dashboard::queries::csv(&state.db, target, &user, filter, &q.tabel, &q.lihat)
        .await
    {
        Ok((name, bytes)) => csv_download(&name, bytes),
        Err(e) => error_response(&e),
    }
}

/// The mentoring dashboard's list behind a figure as a CSV download, scoped like the page.
async fn mentoring_csv(
    state: AppState,
    auth: AuthSession,
    filter: bina_app::mentoring::report::MentoringFilter,
) -> Response {
    let user = match session_user(&state, auth).await {
        Ok(user) => user,
        Err(res) => return res,
    };
    match bina_app::mentoring::report::queries::csv(&state.db, &user, filter).await {
        Ok((name, bytes)) => csv_download(&name, bytes),
        Err(e) => error_response(&e),
    }
}

/// A CSV attachment, never cached.
fn csv_download(name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// Sends the evidence of a JP entry to its owner or a verifier, never cached, always as a
/// download (so a crafted file cannot run as a page of Bina).
async fn evidence(state: AppState, auth: AuthSession, entry_id: i64) -> Response {
    let user = match session_user(&state, auth).await {
        Ok(user) => user,
        Err(res) => return res,
    };
    match bina_app::jp::queries::evidence(&state.db, &state.settings.evidence_dir, &user, entry_id)
        .await
    {
        Ok((kind, bytes)) => (
            [
                (header::CONTENT_TYPE, kind.mime().to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!(
                        "attachment; filename=\"bukti-{entry_id}.{}\"",
                        kind.extension()
                    ),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => error_response(&e),
    }
}

/// A course's image or attachment, for those who may read the course. A file never changes
/// under its name, so the browser keeps it (privately: it is behind a login) and asks no
/// more; a PDF is a download, so that it never opens as a page of Bina.
async fn course_file(
    state: AppState,
    auth: AuthSession,
    program_id: i64,
    file: String,
) -> Response {
    let user = match session_user(&state, auth).await {
        Ok(user) => user,
        Err(res) => return res,
    };
    match bina_app::learning::material::queries::serve(&state.db, &user, program_id, &file).await {
        Ok(served) => {
            let disposition = match served.kind {
                FileKind::Image => "inline".to_owned(),
                FileKind::Pdf => format!(
                    "attachment; filename=\"{}\"; filename*=UTF-8''{}",
                    ascii_name(&served.label),
                    bina_app::ui::urlencode(&format!(
                        "{}.pdf",
                        served.label.trim_end_matches(".pdf")
                    ))
                ),
            };
            (
                [
                    (header::CONTENT_TYPE, served.kind.mime().to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                    (
                        header::CACHE_CONTROL,
                        "private, max-age=31536000, immutable".to_owned(),
                    ),
                ],
                served.bytes,
            )
                .into_response()
        }
        Err(e) => error_response(&e),
    }
}

/// A file of a SCORM package, framed by the module page that runs it. The package's own
/// pages run their own scripts (SCORM content is written so), so they get a policy of their
/// own: scripts and styles of the package, framing by Bina's pages only. Only the admin and
/// a course's facilitators upload packages (see the README on what that trusts them with).
async fn scorm_file(
    state: AppState,
    auth: AuthSession,
    program_id: i64,
    package_id: i64,
    path: String,
) -> Response {
    let user = match session_user(&state, auth).await {
        Ok(user) => user,
        Err(res) => return res,
    };
    match bina_app::learning::scorm::queries::serve(&state.db, &user, program_id, package_id, &path)
        .await
    {
        Ok(served) => (
            [
                (header::CONTENT_TYPE, served.mime),
                (
                    header::CACHE_CONTROL,
                    "private, max-age=31536000, immutable".to_owned(),
                ),
                (header::X_FRAME_OPTIONS, "SAMEORIGIN".to_owned()),
                (
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'self' data: blob:; script-src 'self' 'unsafe-inline' \
                     'unsafe-eval'; style-src 'self' 'unsafe-inline'; object-src 'none'; \
                     base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
                        .to_owned(),
                ),
            ],
            served.bytes,
        )
            .into_response(),
        Err(e) => error_response(&e),
    }
}

/// A course's questions in use as a GIFT file, for its facilitators and the admin.
async fn question_export(state: AppState, auth: AuthSession, program_id: i64) -> Response {
    let user = match session_user(&state, auth).await {
        Ok(user) => user,
        Err(res) => return res,
    };
    match bina_app::learning::quiz::bank_queries::export(&state.db, &user, program_id).await {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"soal-{program_id}.gift\""),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            text,
        )
            .into_response(),
        Err(e) => error_response(&e),
    }
}

/// A certificate's PDF, for its holder and the admin, made when asked (from what was kept
/// at issue) on a blocking thread: drawing a page is CPU work.
async fn certificate_pdf(state: AppState, auth: AuthSession, code: String) -> Response {
    use bina_app::learning::certificate::{pdf, queries};
    let user = match session_user(&state, auth).await {
        Ok(user) => user,
        Err(res) => return res,
    };
    let document = match queries::document(&state.db, &user, &code).await {
        Ok(document) => document,
        Err(e) => return error_response(&e),
    };
    let issuer = queries::issuer(&state.settings);
    let name = format!("sertifikat-{}.pdf", document.code);
    match tokio::task::spawn_blocking(move || pdf::render(&document, &issuer)).await {
        Ok(Ok(bytes)) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}\""),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        failed => {
            tracing::error!(?failed, "certificate PDF failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A download name any browser takes: the label in plain ASCII letters, digits and dashes.
fn ascii_name(label: &str) -> String {
    let stem = label.trim_end_matches(".pdf");
    let mut name: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    name.truncate(80);
    let name = name.trim_matches('-');
    if name.is_empty() {
        "lampiran.pdf".to_owned()
    } else {
        format!("{name}.pdf")
    }
}

#[cfg(test)]
mod tests {
    use super::ascii_name;

    #[test]
    fn download_names_are_plain_whatever_the_label() {
        assert_eq!(ascii_name("Panduan SPM.pdf"), "Panduan-SPM.pdf");
        assert_eq!(ascii_name("\"; rm -rf /"), "rm--rf.pdf");
        assert_eq!(ascii_name("Ñ"), "lampiran.pdf");
    }
}
