//! Server functions of SCORM packages.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
#[cfg(feature = "ssr")]
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use super::{CommitResult, PackageView, ScormLaunch, rules::RawReport};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::queries;

/// The course's packages, for its facilitators and the admin.
#[server(endpoint = "belajar-scorm-daftar")]
pub async fn get_course_packages(program_id: i64) -> Result<Vec<PackageView>, AppError> {
    crate::error::respond(queries::list(program_id).await)
}

/// Uploads a SCORM 1.2 zip to a course (a multipart form: `program_id`, `module_id` of the
/// editor it is sent from, the file `paket`, `kunci`); back in the editor the package is
/// chosen for the module. Built for the server only: the browser posts the form itself.
#[cfg(feature = "ssr")]
#[server(endpoint = "belajar-scorm", input = MultipartFormData)]
pub async fn upload_scorm_package(data: MultipartData) -> Result<(), AppError> {
    let (origin, result) = queries::upload(data).await;
    let editor = crate::learning::queries::EditorOrigin::path(origin.as_ref());
    crate::error::form_result_to(
        result,
        |package| format!("{editor}?paket={package}#paket"),
        &editor,
    )
}

/// What the module page needs to run the module's package.
#[server(endpoint = "belajar-scorm-buka")]
pub async fn get_scorm_launch(program_id: i64, module_id: i64) -> Result<ScormLaunch, AppError> {
    crate::error::respond(queries::launch(program_id, module_id).await)
}

/// A report of the package's runtime (scorm-again's commit, shaped by `player.js`): JSON,
/// answered as the runtime expects (`{"result":true,"errorCode":0}`).
#[server(endpoint = "belajar-scorm-lapor", input = Json)]
pub async fn report_scorm(
    program_id: i64,
    module_id: i64,
    sesi: String,
    laporan: RawReport,
) -> Result<CommitResult, AppError> {
    crate::error::respond(
        queries::report(program_id, module_id, &sesi, &laporan)
            .await
            .map(|()| CommitResult {
                result: true,
                error_code: 0,
            }),
    )
}
