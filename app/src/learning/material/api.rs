//! Server functions of a course's files.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use crate::{error::AppError, learning::CourseFile};

#[cfg(feature = "ssr")]
use super::queries;

/// The course's images and attachments, for its facilitators and the admin.
#[server(endpoint = "belajar-berkas-daftar")]
pub async fn get_course_files(program_id: i64) -> Result<Vec<CourseFile>, AppError> {
    crate::error::respond(queries::list(program_id).await)
}

/// Uploads an image or a PDF to a course (a multipart form: `program_id`, `module_id` of the
/// editor it is sent from, `label`, the file `berkas`, `kunci`). Built for the server only,
/// as the JP ledger's upload is: the browser posts the form itself.
#[cfg(feature = "ssr")]
#[server(endpoint = "belajar-berkas", input = MultipartFormData)]
pub async fn upload_course_file(data: MultipartData) -> Result<(), AppError> {
    let (origin, result) = queries::upload(data).await;
    let editor = crate::learning::queries::EditorOrigin::path(origin.as_ref());
    crate::error::form_result(result, &format!("{editor}?diunggah#berkas"), &editor)
}
