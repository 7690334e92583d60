//! SCORM packages on the server (ssr only): upload (checked whole before anything is
//! stored), the editors' list, serving a package's files to those who may read the course,
//! what the module page needs to run one, and the runtime's reports.

use leptos::server_fn::codec::MultipartData;
use sqlx::Row;

use super::{
    PackageView, ScormLaunch, package,
    rules::{self, LessonStatus, MAX_PACKAGE_BYTES, MAX_PACKAGES, RawReport, ScormError},
};
use crate::{
    auth::{
        CurrentUser, authorize,
        queries::{audit, state},
    },
    calendar::wita_date_time,
    db::{
        Db,
        idempotency::{Claim, FIELD, claim, well_formed},
        unix_now,
    },
    error::AppError,
    jp::JpRules,
    learning::{
        material::rules::human_size,
        progress::{Progress, Published, published, record_step},
        queries::{
            Asking, EditorOrigin, Learner, course_head, editor_upload, editor_user, hold_enrolment,
            learner, reader, standing,
        },
    },
    upload,
};

/// The course's packages, newest first, for its editors.
pub async fn list(program_id: i64) -> Result<Vec<PackageView>, AppError> {
    let db = state()?.db;
    editor_user(&db, program_id).await?;
    let rows = sqlx::query(
        "SELECT id, title, files, bytes, uploaded_at FROM scorm_package \
         WHERE program_id = $1 ORDER BY id DESC",
    )
    .bind(program_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| PackageView {
            id: r.get("id"),
            title: r.get("title"),
            files: r.get::<i64, _>("files").max(0) as u32,
            size: human_size(r.get::<i64, _>("bytes").max(0) as u64),
            uploaded_at: wita_date_time(r.get("uploaded_at")),
        })
        .collect())
}

/// Stores an uploaded package; returns where the form came from and the package's id.
pub async fn upload(data: MultipartData) -> (Option<EditorOrigin>, Result<i64, AppError>) {
    match editor_upload(data, "paket", MAX_PACKAGE_BYTES).await {
        Ok((origin, form)) => {
            let result = store(origin.program_id, &form).await;
            (Some(origin), result)
        }
        Err(e) => (None, Err(e)),
    }
}

async fn store(program_id: i64, form: &upload::Posted) -> Result<i64, AppError> {
    let db = state()?.db;
    let user = editor_user(&db, program_id).await?.user;
    let bytes = form.file.clone();
    let unpacked = tokio::task::spawn_blocking(move || package::unpack(&bytes))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "scorm unpack task");
            AppError::Internal
        })??;
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    if claim(
        &mut tx,
        user.account_id,
        "belajar-scorm",
        form.optional(FIELD),
        now,
    )
    .await?
        == Claim::Repeat
    {
        drop(tx);
        return newest_package(&db, program_id).await;
    }
    let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM scorm_package WHERE program_id = $1")
        .bind(program_id)
        .fetch_one(&mut *tx)
        .await?
        .get("n");
    if count as usize >= MAX_PACKAGES {
        return Err(ScormError::TooManyPackages.into());
    }
    let package_id: i64 = sqlx::query(
        "INSERT INTO scorm_package (program_id, title, launch, files, bytes, uploaded_by, \
         uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(program_id)
    .bind(unpacked.manifest.title.clone())
    .bind(unpacked.manifest.launch.clone())
    .bind(unpacked.files.len() as i64)
    .bind(unpacked.bytes as i64)
    .bind(user.employee_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?
    .get("id");
    for (path, content) in unpacked.files {
        sqlx::query("INSERT INTO scorm_file (package_id, path, content) VALUES ($1, $2, $3)")
            .bind(package_id)
            .bind(path)
            .bind(content)
            .execute(&mut *tx)
            .await?;
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "scorm_package",
        &format!(
            "program {program_id}, package {package_id}: {}",
            unpacked.manifest.title
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(package_id)
}

/// The package a repeated upload form stored the first time.
async fn newest_package(db: &Db, program_id: i64) -> Result<i64, AppError> {
    Ok(
        sqlx::query("SELECT id FROM scorm_package WHERE program_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(program_id)
            .fetch_one(&db.pool)
            .await?
            .get("id"),
    )
}

/// A package's file served: its type (by its name, as a web server would) and bytes.
pub struct Served {
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// A file of a package, for those who may read the course (learners, facilitators, the
/// admin). `path` is the path in the request, checked as a zip entry's is.
pub async fn serve(
    db: &Db,
    user: &CurrentUser,
    program_id: i64,
    package_id: i64,
    path: &str,
) -> Result<Served, AppError> {
    let path = rules::entry_path(path)
        .ok()
        .flatten()
        .ok_or(AppError::NotFound)?;
    course_head(&db.pool, program_id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(user, standing(db, program_id, user).await?.to_read())?;
    let row = sqlx::query(
        "SELECT f.content FROM scorm_file f JOIN scorm_package p ON p.id = f.package_id \
         WHERE f.package_id = $1 AND f.path = $2 AND p.program_id = $3",
    )
    .bind(package_id)
    .bind(path.clone())
    .bind(program_id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Served {
        mime: mime_guess::from_path(&path)
            .first_or_octet_stream()
            .essence_str()
            .to_owned(),
        bytes: row.get("content"),
    })
}

/// The module's published revision when it shows a package, with the package's id.
async fn packaged(db: &Db, module_id: i64) -> Result<(Published, i64), AppError> {
    let revision = published(&db.pool, module_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let package_id = revision.package_id.ok_or(AppError::NotFound)?;
    Ok((revision, package_id))
}

/// What the module page needs to run the module's package for the person reading it.
pub async fn launch(program_id: i64, module_id: i64) -> Result<ScormLaunch, AppError> {
    let db = state()?.db;
    let Asking { user, standing, .. } = reader(&db, program_id).await?;
    let (revision, package_id) = packaged(&db, module_id).await?;
    let launch: String = sqlx::query(
        "SELECT p.launch FROM scorm_package p JOIN course_module m ON m.program_id = p.program_id \
         WHERE p.id = $1 AND m.id = $2 AND p.program_id = $3",
    )
    .bind(package_id)
    .bind(module_id)
    .bind(program_id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?
    .get("launch");
    let learner = standing.learner();
    let saved = if learner {
        sqlx::query(
            "SELECT lesson_status, score, lesson_location, suspend_data FROM scorm_state \
             WHERE employee_id = $1 AND module_id = $2 AND revision_id = $3",
        )
        .bind(user.employee_id)
        .bind(module_id)
        .bind(revision.revision_id)
        .fetch_optional(&db.pool)
        .await?
    } else {
        None
    };
    Ok(ScormLaunch {
        launch_url: rules::package_url(program_id, package_id, &launch),
        learner,
        student_id: user.nip.clone(),
        student_name: user.name.clone(),
        status: saved.as_ref().map_or_else(
            || LessonStatus::NotAttempted.as_cmi().to_owned(),
            |r| r.get("lesson_status"),
        ),
        score: saved
            .as_ref()
            .and_then(|r| r.get::<Option<i64>, _>("score"))
            .map(|s| s.clamp(0, 100) as u32),
        location: saved
            .as_ref()
            .map(|r| r.get("lesson_location"))
            .unwrap_or_default(),
        suspend_data: saved
            .as_ref()
            .map(|r| r.get("suspend_data"))
            .unwrap_or_default(),
    })
}

/// Records what the package's runtime reported in one session (`session_id`, made by the
/// page). Reports are cumulative within a session, so a report sent again, twice or out of
/// order counts the session's time once (the largest reported) and never undoes a module
/// already done.
pub async fn report(
    program_id: i64,
    module_id: i64,
    session_id: &str,
    raw: &RawReport,
) -> Result<(), AppError> {
    let session_id = session_id.trim();
    if !well_formed(session_id) {
        return Err(AppError::BadRequest);
    }
    let report = rules::check_report(raw).ok_or(AppError::BadRequest)?;
    let state = state()?;
    let db = state.db;
    let Learner {
        user,
        head,
        enrolment_id,
    } = learner(&db, program_id).await?;
    let (revision, _) = packaged(&db, module_id).await?;
    let in_course =
        sqlx::query("SELECT 1 AS one FROM course_module WHERE id = $1 AND program_id = $2")
            .bind(module_id)
            .bind(program_id)
            .fetch_optional(&db.pool)
            .await?;
    if in_course.is_none() {
        return Err(AppError::NotFound);
    }
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    hold_enrolment(&mut tx, enrolment_id, now).await?;
    let earlier: Option<i64> = sqlx::query(
        "SELECT seconds FROM scorm_session WHERE employee_id = $1 AND session_id = $2 \
         AND module_id = $3",
    )
    .bind(user.employee_id)
    .bind(session_id.to_owned())
    .bind(module_id)
    .fetch_optional(&mut *tx)
    .await?
    .map(|r| r.get("seconds"));
    let seconds = i64::from(report.session_seconds);
    let added = (seconds - earlier.unwrap_or(0)).max(0);
    // A session id is the learner's own: one used on another module is not this session.
    sqlx::query(
        "INSERT INTO scorm_session (employee_id, session_id, module_id, seconds, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (employee_id, session_id) DO UPDATE \
         SET seconds = CASE WHEN scorm_session.seconds > excluded.seconds \
                       THEN scorm_session.seconds ELSE excluded.seconds END, \
             updated_at = excluded.updated_at \
         WHERE scorm_session.module_id = excluded.module_id",
    )
    .bind(user.employee_id)
    .bind(session_id.to_owned())
    .bind(module_id)
    .bind(seconds)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    // Once passed or completed, a later "incomplete" (a learner reviewing) keeps it so.
    sqlx::query(
        "INSERT INTO scorm_state (employee_id, module_id, revision_id, lesson_status, score, \
         lesson_location, suspend_data, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (employee_id, module_id) DO UPDATE SET \
             lesson_status = CASE WHEN scorm_state.revision_id = excluded.revision_id \
                 AND scorm_state.lesson_status IN ('passed', 'completed') \
                 AND excluded.lesson_status NOT IN ('passed', 'completed') \
                 THEN scorm_state.lesson_status ELSE excluded.lesson_status END, \
             score = COALESCE(excluded.score, scorm_state.score), \
             revision_id = excluded.revision_id, \
             lesson_location = excluded.lesson_location, \
             suspend_data = excluded.suspend_data, updated_at = excluded.updated_at",
    )
    .bind(user.employee_id)
    .bind(module_id)
    .bind(revision.revision_id)
    .bind(report.status.as_cmi())
    .bind(report.score.map(i64::from))
    .bind(report.location.clone())
    .bind(report.suspend_data.clone())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let step = Progress {
        employee_id: user.employee_id,
        module_id,
        revision_id: revision.revision_id,
        done: report.status.done(),
        seconds: added as u32,
    };
    let jp_rules = JpRules::with_minutes(state.settings.jp_minutes);
    record_step(&mut tx, &head, &step, enrolment_id, &jp_rules, now).await?;
    tx.commit().await?;
    Ok(())
}
