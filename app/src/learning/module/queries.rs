//! Modules on the server (ssr only): reading, marking done, the editor, drafts and
//! publishing.

use sqlx::Row;

use super::markdown;
use crate::{
    auth::queries::{audit, state},
    calendar::wita_date_time,
    db::{
        Db, Tx,
        idempotency::{Claim, claim, well_formed},
        is_unique_violation, unix_now,
    },
    error::AppError,
    jp::JpRules,
    learning::{
        ModuleEditor, ModuleRead, RevisionView,
        module::rules::{self, Direction, MAX_MODULES, ModuleInput},
        progress::{Progress, package_in_course, published, record_step},
        queries::{
            Asking, Learner, editor_user, files_of, hold_enrolment, learner, lock_course,
            modules_of, reader,
        },
        rules::LearningError,
        scorm::rules::{ScormError, package_choice},
    },
    validation::FormValue,
};

/// A module of a course: `None` when the module is not one of this course's.
async fn module_in(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    program_id: i64,
    module_id: i64,
) -> Result<Option<(String, u32, bool)>, AppError> {
    Ok(sqlx::query(
        "SELECT title, minutes, required FROM course_module WHERE id = $1 AND program_id = $2",
    )
    .bind(module_id)
    .bind(program_id)
    .fetch_optional(db)
    .await?
    .map(|r| {
        (
            r.get("title"),
            r.get::<i64, _>("minutes").max(0) as u32,
            r.get::<i64, _>("required") == 1,
        )
    }))
}

pub async fn read(program_id: i64, module_id: i64) -> Result<ModuleRead, AppError> {
    let db = state()?.db;
    let Asking {
        user,
        head,
        standing,
    } = reader(&db, program_id).await?;
    let (Some((title, minutes, _)), Some(revision)) = (
        module_in(&db.pool, program_id, module_id).await?,
        published(&db.pool, module_id).await?,
    ) else {
        return Err(AppError::NotFound);
    };
    let html: String = sqlx::query("SELECT body_html FROM module_revision WHERE id = $1")
        .bind(revision.revision_id)
        .fetch_one(&db.pool)
        .await?
        .get("body_html");
    let modules = modules_of(&db, program_id, user.employee_id, false).await?;
    let index = modules
        .iter()
        .position(|m| m.id == module_id)
        .ok_or(AppError::NotFound)?;
    let learner = standing.learner();
    let now = unix_now();
    if learner {
        // The first read opens the module; every read remembers the revision read.
        let mut tx = db.begin_write().await?;
        let seen = Progress {
            employee_id: user.employee_id,
            module_id,
            revision_id: revision.revision_id,
            done: false,
            seconds: 0,
        };
        seen.record(&mut tx, now).await?;
        tx.commit().await?;
    }
    Ok(ModuleRead {
        program_id,
        program_title: head.info.title,
        id: module_id,
        position: index as u32 + 1,
        count: modules.len() as u32,
        title,
        minutes,
        revision: revision.number,
        html,
        package_id: revision.package_id,
        done: learner && modules[index].done,
        learner,
        prev: index.checked_sub(1).map(|i| modules[i].id),
        next: modules.get(index + 1).map(|m| m.id),
    })
}

/// Marks a module done; returns the next published module, if any. The event's id makes a
/// second delivery of the same event a no-op.
pub async fn mark_done(
    program_id: i64,
    module_id: i64,
    event_id: &str,
) -> Result<Option<i64>, AppError> {
    let event_id = event_id.trim();
    if !well_formed(event_id) {
        return Err(AppError::BadRequest);
    }
    let state = state()?;
    let db = state.db;
    let Learner {
        user,
        head,
        enrolment_id,
    } = learner(&db, program_id).await?;
    let modules = modules_of(&db, program_id, user.employee_id, false).await?;
    let index = modules
        .iter()
        .position(|m| m.id == module_id)
        .ok_or(AppError::NotFound)?;
    let next = modules.get(index + 1).map(|m| m.id);
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    hold_enrolment(&mut tx, enrolment_id, now).await?;
    let opened: Option<i64> = sqlx::query(
        "SELECT last_seen_at FROM module_progress WHERE employee_id = $1 AND module_id = $2",
    )
    .bind(user.employee_id)
    .bind(module_id)
    .fetch_optional(&mut *tx)
    .await?
    .map(|r| r.get("last_seen_at"));
    let seconds = opened.map_or(0, |at| {
        rules::seconds_spent(at, now, modules[index].minutes)
    });
    let revision = published(&mut *tx, module_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // A package's module is done when its package reports it (`scorm/`).
    if revision.package_id.is_some() {
        return Err(ScormError::ReportedByPackage.into());
    }
    let revision_id = revision.revision_id;
    let recorded = sqlx::query(
        "INSERT INTO learning_event (employee_id, event_id, kind, module_id, revision_id, \
         seconds, at) VALUES ($1, $2, 'done', $3, $4, $5, $6)",
    )
    .bind(user.employee_id)
    .bind(event_id.to_owned())
    .bind(module_id)
    .bind(revision_id)
    .bind(i64::from(seconds))
    .bind(now)
    .execute(&mut *tx)
    .await;
    match recorded {
        // Delivered before: it counted then.
        Err(e) if is_unique_violation(&e) => return Ok(next),
        other => other?,
    };
    let done = Progress {
        employee_id: user.employee_id,
        module_id,
        revision_id,
        done: true,
        seconds,
    };
    let jp_rules = JpRules::with_minutes(state.settings.jp_minutes);
    record_step(&mut tx, &head, &done, enrolment_id, &jp_rules, now).await?;
    tx.commit().await?;
    Ok(next)
}

pub async fn editor(program_id: i64, module_id: i64) -> Result<ModuleEditor, AppError> {
    let db = state()?.db;
    let program_title = editor_user(&db, program_id).await?.head.info.title;
    if module_id == 0 {
        return Ok(ModuleEditor {
            program_id,
            program_title,
            module_id,
            title: String::new(),
            minutes: 15,
            required: true,
            body_md: String::new(),
            preview_html: None,
            package_id: None,
            revisions: Vec::new(),
        });
    }
    let (title, minutes, required) = module_in(&db.pool, program_id, module_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let rows = sqlx::query(
        "SELECT r.number, r.body_md, r.body_html, r.change_note, r.saved_at, r.published_at, \
                r.package_id, e.name FROM module_revision r JOIN employee e ON e.id = r.author_id \
         WHERE r.module_id = $1 ORDER BY r.number DESC",
    )
    .bind(module_id)
    .fetch_all(&db.pool)
    .await?;
    // The newest revision is the draft when it is unpublished; the text edited is the
    // newest either way.
    let newest = rows.first();
    let draft = newest.filter(|r| r.get::<Option<i64>, _>("published_at").is_none());
    Ok(ModuleEditor {
        program_id,
        program_title,
        module_id,
        title,
        minutes,
        required,
        body_md: newest.map(|r| r.get("body_md")).unwrap_or_default(),
        preview_html: draft.map(|r| r.get("body_html")),
        package_id: newest.and_then(|r| r.get("package_id")),
        revisions: rows
            .iter()
            .map(|r| {
                let published: Option<i64> = r.get("published_at");
                RevisionView {
                    number: r.get::<i64, _>("number").max(0) as u32,
                    change_note: r.get("change_note"),
                    author: r.get("name"),
                    at: wita_date_time(published.unwrap_or_else(|| r.get("saved_at"))),
                    published: published.is_some(),
                }
            })
            .collect(),
    })
}

/// Saves the draft of a module, creating the module when `module_id` is 0; returns its id.
pub async fn save_draft(
    program_id: i64,
    module_id: i64,
    input: ModuleInput,
    key: Option<&str>,
) -> Result<i64, AppError> {
    let db = state()?.db;
    let user = editor_user(&db, program_id).await?.user;
    let valid = rules::validate_module(&input)?;
    let package_id = package_choice(&input.package)?;
    if let Some(id) = package_id
        && !package_in_course(&db, program_id, id).await?
    {
        return Err(ScormError::UnknownPackage.into());
    }
    let files = files_of(&db.pool, program_id).await?;
    markdown::check_files(&valid.body, &files)?;
    let html = markdown::render(&valid.body, &files);
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    let module_id = if module_id == 0 {
        if claim(&mut tx, user.account_id, "belajar-modul-simpan", key, now).await? == Claim::Repeat
        {
            return newest_module(&db, program_id).await;
        }
        create_module(&mut tx, program_id, &valid, now).await?
    } else {
        let updated = sqlx::query(
            "UPDATE course_module SET title = $1, minutes = $2, required = $3 \
             WHERE id = $4 AND program_id = $5",
        )
        .bind(valid.title.clone())
        .bind(i64::from(valid.minutes))
        .bind(i64::from(valid.required))
        .bind(module_id)
        .bind(program_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated != 1 {
            return Err(AppError::NotFound);
        }
        module_id
    };
    let draft = sqlx::query(
        "UPDATE module_revision SET body_md = $1, body_html = $2, author_id = $3, saved_at = $4, \
         package_id = $5 WHERE module_id = $6 AND published_at IS NULL",
    )
    .bind(valid.body.clone())
    .bind(html.clone())
    .bind(user.employee_id)
    .bind(now)
    .bind(package_id)
    .bind(module_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if draft == 0 {
        sqlx::query(
            "INSERT INTO module_revision (module_id, number, body_md, body_html, author_id, \
             saved_at, package_id) SELECT $1, COALESCE(MAX(number), 0) + 1, $2, $3, $4, $5, $6 \
             FROM module_revision WHERE module_id = $1",
        )
        .bind(module_id)
        .bind(valid.body)
        .bind(html)
        .bind(user.employee_id)
        .bind(now)
        .bind(package_id)
        .execute(&mut *tx)
        .await?;
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "module_draft",
        &format!("program {program_id}, module {module_id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(module_id)
}

async fn create_module(
    tx: &mut Tx,
    program_id: i64,
    valid: &rules::ValidModule,
    now: i64,
) -> Result<i64, AppError> {
    // Held, so that two new modules at once do not both take the next position.
    lock_course(tx, program_id).await?;
    let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM course_module WHERE program_id = $1")
        .bind(program_id)
        .fetch_one(&mut **tx)
        .await?
        .get("n");
    if count as usize >= MAX_MODULES {
        return Err(LearningError::TooManyModules.into());
    }
    Ok(sqlx::query(
        "INSERT INTO course_module (program_id, position, title, minutes, required, created_at) \
         SELECT $1, COALESCE(MAX(position), 0) + 1, $2, $3, $4, $5 FROM course_module \
         WHERE program_id = $1 RETURNING id",
    )
    .bind(program_id)
    .bind(valid.title.clone())
    .bind(i64::from(valid.minutes))
    .bind(i64::from(valid.required))
    .bind(now)
    .fetch_one(&mut **tx)
    .await?
    .get("id"))
}

/// The module a repeated "new module" form made the first time.
async fn newest_module(db: &Db, program_id: i64) -> Result<i64, AppError> {
    Ok(
        sqlx::query("SELECT id FROM course_module WHERE program_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(program_id)
            .fetch_one(&db.pool)
            .await?
            .get("id"),
    )
}

pub async fn publish(program_id: i64, module_id: i64, note: &str) -> Result<(), AppError> {
    let db = state()?.db;
    let user = editor_user(&db, program_id).await?.user;
    let note = rules::validate_change_note(note)?;
    let mut tx = db.begin_write().await?;
    module_in(&mut *tx, program_id, module_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let published = sqlx::query(
        "UPDATE module_revision SET published_at = $1, change_note = $2 \
         WHERE module_id = $3 AND published_at IS NULL",
    )
    .bind(unix_now())
    .bind(note.clone())
    .bind(module_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if published != 1 {
        return Err(LearningError::NoDraft.into());
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "module_publish",
        &format!("program {program_id}, module {module_id}: {note}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves a module one place up or down in its course's order.
pub async fn move_module(program_id: i64, module_id: i64, direction: &str) -> Result<(), AppError> {
    let db = state()?.db;
    let user = editor_user(&db, program_id).await?.user;
    let direction = Direction::from_form(direction).ok_or(LearningError::ActionUnknown)?;
    let mut tx = db.begin_write().await?;
    lock_course(&mut tx, program_id).await?;
    let order: Vec<(i64, i64)> = sqlx::query(
        "SELECT id, position FROM course_module WHERE program_id = $1 ORDER BY position",
    )
    .bind(program_id)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|r| (r.get("id"), r.get("position")))
    .collect();
    let position = |id: i64| order.iter().find(|(m, _)| *m == id).map(|(_, p)| *p);
    let Some(from) = position(module_id) else {
        return Err(AppError::NotFound);
    };
    let ids: Vec<i64> = order.iter().map(|(id, _)| *id).collect();
    let other = rules::swap_with(&ids, module_id, direction)?;
    let to = position(other).ok_or(AppError::NotFound)?;
    // Through a free position: (program, position) is unique at every statement.
    for (id, place) in [(module_id, -1), (other, from), (module_id, to)] {
        sqlx::query("UPDATE course_module SET position = $1 WHERE id = $2")
            .bind(place)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "module_move",
        &format!(
            "program {program_id}, module {module_id}: {}",
            direction.form_value()
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
