//! A course's settings, facilitators and participants on the server (ssr only).

use sqlx::Row;

use crate::{
    auth::{
        authorize,
        queries::{audit, require_admin, require_user, state},
    },
    catalog::ProgramMode,
    db::unix_now,
    error::AppError,
    learning::{
        CourseSettings, EnrolmentStatus, FacilitatorAction, ManageView, Participant, PersonRef,
        queries::{course_head, lock_course, modules_of, promote, seats_taken, standing, states},
        rules::{self, LearningError, SettingsInput},
    },
    validation::FormValue,
};

/// The page of a program's facilitators and the admin. The admin may open it for a program
/// that is not a course yet, to open it as one.
pub async fn manage(program_id: i64) -> Result<ManageView, AppError> {
    let user = require_user().await?;
    let db = state()?.db;
    let standing = standing(&db, program_id, &user).await?;
    authorize(&user, standing.to_edit())?;
    let program = sqlx::query("SELECT title, mode FROM program WHERE id = $1 AND retired = 0")
        .bind(program_id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(AppError::NotFound)?;
    let settings = sqlx::query(
        "SELECT audience_opd_id, audience_jenis, seats, open FROM course WHERE program_id = $1",
    )
    .bind(program_id)
    .fetch_optional(&db.pool)
    .await?
    .map(|r| CourseSettings {
        audience_opd_id: r.get("audience_opd_id"),
        audience_jenis: r
            .get::<Option<String>, _>("audience_jenis")
            .unwrap_or_default(),
        seats: r.get::<Option<i64>, _>("seats").map(|s| s.max(0) as u32),
        open: r.get::<i64, _>("open") == 1,
    });
    let facilitators = sqlx::query(
        "SELECT e.id, e.nip, e.name FROM course_facilitator f \
         JOIN employee e ON e.id = f.employee_id WHERE f.program_id = $1 ORDER BY e.name",
    )
    .bind(program_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| PersonRef {
        employee_id: r.get("id"),
        nip: r.get("nip"),
        name: r.get("name"),
    })
    .collect();
    let modules = modules_of(&db, program_id, user.employee_id, true).await?;
    let participants = sqlx::query(
        "SELECT s.name, s.nip, o.name AS opd, e.status, \
                (SELECT COUNT(*) FROM module_progress g JOIN course_module m ON m.id = g.module_id \
                 WHERE m.program_id = e.program_id AND m.required = 1 \
                 AND g.employee_id = e.employee_id AND g.done_at IS NOT NULL) AS done, \
                (SELECT CAST(COALESCE(SUM(g.seconds), 0) AS BIGINT) FROM module_progress g \
                 JOIN course_module m ON m.id = g.module_id \
                 WHERE m.program_id = e.program_id AND g.employee_id = e.employee_id) AS seconds \
         FROM enrolment e JOIN employee s ON s.id = e.employee_id JOIN opd o ON o.id = s.opd_id \
         WHERE e.program_id = $1 AND e.status IN ('applied', 'waiting', 'active', 'completed') \
         ORDER BY s.name LIMIT 1000",
    )
    .bind(program_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .filter_map(|r| {
        Some(Participant {
            name: r.get("name"),
            nip: r.get("nip"),
            opd_name: r.get("opd"),
            status: EnrolmentStatus::from_db(&r.get::<String, _>("status"))?,
            done: r.get::<i64, _>("done").max(0) as u32,
            minutes_spent: (r.get::<i64, _>("seconds").max(0) / 60) as u32,
        })
    })
    .collect();
    let required = rules::progress(&states(&modules)).1;
    Ok(ManageView {
        program_id,
        title: program.get("title"),
        mode: ProgramMode::from_db(&program.get::<String, _>("mode")),
        settings,
        is_admin: user.roles.admin,
        facilitators,
        modules,
        participants,
        required,
        opds: if user.roles.admin {
            crate::org::queries::opd_choices(&db).await?
        } else {
            Vec::new()
        },
    })
}

/// Opens a program as a course, or changes its settings; more seats move the waitlist up.
pub async fn save_settings(program_id: i64, input: SettingsInput) -> Result<(), AppError> {
    let user = require_admin().await?;
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    let exists = sqlx::query("SELECT 1 FROM program WHERE id = $1 AND retired = 0")
        .bind(program_id)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
    if !exists {
        return Err(AppError::NotFound);
    }
    // A program opened for the first time gets its course row here; the transaction then
    // holds it, so the seats counted below cannot change before the new number is checked
    // against them (a failed check rolls the new row back too).
    sqlx::query(
        "INSERT INTO course (program_id, open, updated_at) SELECT $1, 0, $2 \
         WHERE NOT EXISTS (SELECT 1 FROM course WHERE program_id = $1)",
    )
    .bind(program_id)
    .bind(unix_now())
    .execute(&mut *tx)
    .await?;
    lock_course(&mut tx, program_id).await?;
    let taken = seats_taken(&mut *tx, program_id).await?;
    let valid = rules::validate_settings(&input, taken)?;
    if let Some(opd) = valid.audience.opd_id {
        let known = sqlx::query("SELECT 1 FROM opd WHERE id = $1")
            .bind(opd)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if !known {
            return Err(LearningError::AudienceUnknown.into());
        }
    }
    sqlx::query(
        "UPDATE course SET audience_opd_id = $1, audience_jenis = $2, seats = $3, open = $4, \
         updated_at = $5 WHERE program_id = $6",
    )
    .bind(valid.audience.opd_id)
    .bind(valid.audience.jenis.map(|j| j.as_db()))
    .bind(valid.seats.map(i64::from))
    .bind(i64::from(valid.open))
    .bind(unix_now())
    .bind(program_id)
    .execute(&mut *tx)
    .await?;
    let head = course_head(&mut *tx, program_id)
        .await?
        .ok_or(AppError::NotFound)?;
    promote(&mut tx, &head, &user.name).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "course_settings",
        &format!("program {program_id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_facilitator(program_id: i64, nip: &str, action: &str) -> Result<(), AppError> {
    let user = require_admin().await?;
    let action = FacilitatorAction::from_form(action).ok_or(LearningError::ActionUnknown)?;
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    lock_course(&mut tx, program_id).await?;
    let employee: i64 = sqlx::query("SELECT id FROM employee WHERE nip = $1")
        .bind(nip.trim().to_owned())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(LearningError::NipUnknown)?
        .get("id");
    match action {
        FacilitatorAction::Name => {
            sqlx::query(
                "INSERT INTO course_facilitator (program_id, employee_id, named_by, named_at) \
                 SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM course_facilitator \
                 WHERE program_id = $1 AND employee_id = $2)",
            )
            .bind(program_id)
            .bind(employee)
            .bind(user.employee_id)
            .bind(unix_now())
            .execute(&mut *tx)
            .await?;
        }
        FacilitatorAction::Remove => {
            sqlx::query(
                "DELETE FROM course_facilitator WHERE program_id = $1 AND employee_id = $2",
            )
            .bind(program_id)
            .bind(employee)
            .execute(&mut *tx)
            .await?;
        }
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "course_facilitator",
        &format!("program {program_id}: {} {nip}", action.form_value()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
