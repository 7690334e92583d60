//! A course's files on the server (ssr only): upload (checked, pictures shrunk), the
//! editor's list, what rendering a module needs, and serving a file to those who may read
//! the course.

use leptos::server_fn::codec::MultipartData;
use sqlx::Row;

use super::{
    image,
    rules::{self, FileName, MAX_FILE_BYTES, MAX_FILES},
};
use crate::{
    auth::{
        CurrentUser, authorize,
        queries::{audit, state},
    },
    db::{
        Db,
        idempotency::{Claim, FIELD, claim},
        unix_now,
    },
    error::AppError,
    learning::{
        CourseFile, FileKind,
        queries::{
            EditorOrigin, FILE_COLUMNS, course_head, editor_upload, editor_user, file_ref, standing,
        },
        rules::LearningError,
    },
    upload,
};

/// The editor's list of the course's files, newest first.
pub async fn list(program_id: i64) -> Result<Vec<CourseFile>, AppError> {
    let db = state()?.db;
    editor_user(&db, program_id).await?;
    let rows = sqlx::query(&format!(
        "SELECT {FILE_COLUMNS}, label FROM course_file WHERE program_id = $1 ORDER BY id DESC"
    ))
    .bind(program_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let (id, file) = file_ref(r)?;
            let label: String = r.get("label");
            Some(CourseFile {
                id,
                kind: file.kind,
                size: rules::human_size(file.bytes),
                width: file.width,
                height: file.height,
                url: FileName {
                    id,
                    kind: file.kind,
                    small: false,
                }
                .url(program_id),
                snippet: rules::snippet(file.kind, &label, id),
                label,
            })
        })
        .collect())
}

/// Stores an uploaded file; returns where the form came from.
pub async fn upload(data: MultipartData) -> (Option<EditorOrigin>, Result<(), AppError>) {
    match editor_upload(data, "berkas", MAX_FILE_BYTES).await {
        Ok((origin, form)) => {
            let result = store(&origin, &form).await;
            (Some(origin), result)
        }
        Err(e) => (None, Err(e)),
    }
}

async fn store(origin: &EditorOrigin, form: &upload::Posted) -> Result<(), AppError> {
    let db = state()?.db;
    let user = editor_user(&db, origin.program_id).await?.user;
    let label = rules::validate_label(form.text("label"))?;
    let kind = rules::sniff(&form.file)?;
    let (content, small, size) = match kind {
        FileKind::Pdf => (form.file.clone(), None, None),
        FileKind::Image => {
            let bytes = form.file.clone();
            let shrunk = tokio::task::spawn_blocking(move || image::shrink(&bytes))
                .await
                .map_err(|e| {
                    tracing::error!(error = %e, "image task");
                    AppError::Internal
                })??;
            (
                shrunk.large,
                shrunk.small,
                Some((shrunk.width, shrunk.height)),
            )
        }
    };
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    if claim(
        &mut tx,
        user.account_id,
        "belajar-berkas",
        form.optional(FIELD),
        now,
    )
    .await?
        == Claim::Repeat
    {
        return Ok(());
    }
    let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM course_file WHERE program_id = $1")
        .bind(origin.program_id)
        .fetch_one(&mut *tx)
        .await?
        .get("n");
    if count as usize >= MAX_FILES {
        return Err(LearningError::TooManyFiles.into());
    }
    let bytes = content.len() as i64;
    sqlx::query(
        "INSERT INTO course_file (program_id, kind, label, content, small_content, width, \
         height, bytes, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(origin.program_id)
    .bind(kind.as_db())
    .bind(label.clone())
    .bind(content)
    .bind(small)
    .bind(size.map(|(w, _)| i64::from(w)))
    .bind(size.map(|(_, h)| i64::from(h)))
    .bind(bytes)
    .bind(user.employee_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "course_file",
        &format!("program {}: {label}", origin.program_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A file served: its type, the name it is downloaded under, its bytes.
pub struct Served {
    pub kind: FileKind,
    pub label: String,
    pub bytes: Vec<u8>,
}

/// A course file, for those who may read the course (learners, facilitators, the admin).
/// `name` is the file's name in the request (`12.jpg`, `12-640.jpg`, `13.pdf`).
pub async fn serve(
    db: &Db,
    user: &CurrentUser,
    program_id: i64,
    name: &str,
) -> Result<Served, AppError> {
    let name = FileName::parse(name).ok_or(AppError::NotFound)?;
    course_head(&db.pool, program_id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(user, standing(db, program_id, user).await?.to_read())?;
    let column = if name.small {
        "small_content"
    } else {
        "content"
    };
    let row = sqlx::query(&format!(
        "SELECT kind, label, {column} AS bytes FROM course_file WHERE id = $1 AND program_id = $2"
    ))
    .bind(name.id)
    .bind(program_id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    if FileKind::from_db(&row.get::<String, _>("kind")) != Some(name.kind) {
        return Err(AppError::NotFound);
    }
    Ok(Served {
        kind: name.kind,
        label: row.get("label"),
        bytes: row
            .get::<Option<Vec<u8>>, _>("bytes")
            .ok_or(AppError::NotFound)?,
    })
}
