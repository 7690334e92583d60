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
    jp::JpRules,
    learning::{
        CourseSettings, EnrolmentStatus, FacilitatorAction, ManageView, Participant, PersonRef,
        completion,
        queries::{
            Asking, complete_if_done, course_head, editor_user, hold_enrolment, lock_course,
            modules_of, promote, seats_taken, standing, states,
        },
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
    let program = sqlx::query(
        "SELECT title, mode, starts_on, ends_on FROM program WHERE id = $1 AND retired = 0",
    )
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
        "SELECT e.id, s.name, s.nip, o.name AS opd, e.status, \
                (SELECT a.days FROM attendance a WHERE a.enrolment_id = e.id) AS attended, \
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
            enrolment_id: r.get("id"),
            attended: r.get::<Option<i64>, _>("attended").map(|d| d.max(0) as u32),
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
        course_days: completion::course_days(
            &program.get::<String, _>("starts_on"),
            &program.get::<String, _>("ends_on"),
        ),
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

/// Records the days a participant of a classroom or blended course attended (its
/// facilitators and the admin); enough days complete the course, as its last module done
/// completes an online one. Recorded again, the newer number stands; a completed course
/// stays completed.
pub async fn record_attendance(
    program_id: i64,
    enrolment_id: i64,
    days: &str,
) -> Result<(), AppError> {
    let state = state()?;
    let Asking { user, head, .. } = editor_user(&state.db, program_id).await?;
    if head.info.mode == ProgramMode::Online {
        return Err(LearningError::NotAttending.into());
    }
    let course_days = completion::course_days(&head.info.starts_on, &head.info.ends_on);
    let days = completion::check_attendance(days, course_days)?;
    let now = unix_now();
    let mut tx = state.db.begin_write().await?;
    hold_enrolment(&mut tx, enrolment_id, now).await?;
    let participant =
        sqlx::query("SELECT employee_id, status FROM enrolment WHERE id = $1 AND program_id = $2")
            .bind(enrolment_id)
            .bind(program_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(AppError::NotFound)?;
    let employee_id: i64 = participant.get("employee_id");
    // Only those with a seat attend: not an application, the waitlist, or who left.
    if !EnrolmentStatus::from_db(&participant.get::<String, _>("status"))
        .is_some_and(EnrolmentStatus::reads)
    {
        return Err(LearningError::NotAttending.into());
    }
    sqlx::query(
        "INSERT INTO attendance (enrolment_id, days, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (enrolment_id) \
         DO UPDATE SET days = $2, recorded_by = $3, recorded_at = $4",
    )
    .bind(enrolment_id)
    .bind(i64::from(days))
    .bind(user.employee_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let jp_rules = JpRules::with_minutes(state.settings.jp_minutes);
    complete_if_done(&mut tx, &head, (employee_id, enrolment_id), &jp_rules, now).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "course_attendance",
        &format!("program {program_id}, enrolment {enrolment_id}: {days} of {course_days} days"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
