//! Enrolment on the server (ssr only): who is asking, may they, is the input valid, then
//! one transaction. Every change of seats (enrolling, withdrawing, a decision) first holds
//! its course (`learning::queries::lock_course`), so that two of them on one course run one
//! after the other on both engines and a seat is never given twice.

use sqlx::{Row, any::AnyRow};

use crate::{
    auth::{
        Permission, Scope, authorize,
        queries::{audit, require_user, state},
    },
    calendar::IsoDate,
    catalog::ProgramMode,
    db::{
        Db,
        idempotency::{Claim, claim},
        is_unique_violation, unix_now,
    },
    error::AppError,
    learning::{
        Application, CourseCard, CourseView, EnrolmentStatus, MyLearning,
        queries::{course_head, lock_course, modules_of, promote, seats_taken, standing, states},
        rules::{self, Decision, LearningError},
    },
    notify::{NotificationKind, queries::notify},
    validation::FormValue,
};

/// The columns of a course card; `$1` is the person whose progress it counts.
const CARD: &str = "p.id, p.title, p.mode, p.jp, p.organiser, \
     (SELECT COUNT(*) FROM course_module m WHERE m.program_id = p.id AND m.required = 1 \
      AND EXISTS (SELECT 1 FROM module_revision r \
                  WHERE r.module_id = m.id AND r.published_at IS NOT NULL)) AS required, \
     (SELECT COUNT(*) FROM course_module m JOIN module_progress g ON g.module_id = m.id \
      WHERE m.program_id = p.id AND m.required = 1 AND g.employee_id = $1 \
      AND g.done_at IS NOT NULL) AS done";

fn card(r: &AnyRow, status: Option<EnrolmentStatus>) -> CourseCard {
    CourseCard {
        program_id: r.get("id"),
        title: r.get("title"),
        mode: ProgramMode::from_db(&r.get::<String, _>("mode")),
        jp: r.get::<i64, _>("jp").max(0) as u32,
        organiser: r.get("organiser"),
        status,
        done: r.get::<i64, _>("done").max(0) as u32,
        required: r.get::<i64, _>("required").max(0) as u32,
    }
}

pub async fn my_learning() -> Result<MyLearning, AppError> {
    let user = require_user().await?;
    let db = state()?.db;
    let me = user.employee_id;
    let mine = sqlx::query(&format!(
        "SELECT {CARD}, e.status FROM enrolment e JOIN program p ON p.id = e.program_id \
         WHERE e.employee_id = $1 AND e.status IN ('applied', 'waiting', 'active', 'completed') \
         ORDER BY e.status = 'completed', e.updated_at DESC, p.id"
    ))
    .bind(me)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| card(r, EnrolmentStatus::from_db(&r.get::<String, _>("status"))))
    .collect();
    let today = IsoDate::from_unix_wita(unix_now()).to_string();
    let open = sqlx::query(&format!(
        "SELECT {CARD} FROM course k JOIN program p ON p.id = k.program_id \
         WHERE k.open = 1 AND p.retired = 0 AND p.ends_on >= $2 \
         AND (k.audience_opd_id IS NULL OR k.audience_opd_id = $3) \
         AND (k.audience_jenis IS NULL OR k.audience_jenis = $4) \
         AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.program_id = p.id \
             AND e.employee_id = $1 AND e.status IN ('applied', 'waiting', 'active', 'completed')) \
         ORDER BY p.starts_on, p.id"
    ))
    .bind(me)
    .bind(today)
    .bind(user.opd_id)
    .bind(user.jenis_jabatan.as_db())
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| card(r, None))
    .collect();
    let facilitating = sqlx::query(&format!(
        "SELECT {CARD} FROM course_facilitator f JOIN program p ON p.id = f.program_id \
         WHERE f.employee_id = $1 ORDER BY p.title"
    ))
    .bind(me)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| card(r, None))
    .collect();
    Ok(MyLearning {
        mine,
        open,
        facilitating,
    })
}

pub async fn course(program_id: i64) -> Result<CourseView, AppError> {
    let user = require_user().await?;
    let db = state()?.db;
    let head = course_head(&db.pool, program_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let standing = standing(&db, program_id, &user).await?;
    let may_manage = authorize(&user, standing.to_edit()).is_ok();
    let may_read = authorize(&user, standing.to_read()).is_ok();
    let modules = modules_of(&db, program_id, user.employee_id, may_manage).await?;
    let states = states(&modules);
    let (done, required) = rules::progress(&states);
    let resume = if standing.learner() {
        rules::resume(&states)
    } else {
        None
    };
    let minutes_left = modules
        .iter()
        .filter(|m| m.published.is_some() && !m.done)
        .map(|m| m.minutes)
        .sum();
    let status = standing.status();
    let waitlist_position = match standing.enrolment {
        Some((id, EnrolmentStatus::Waiting)) => Some(waitlist_position(&db, program_id, id).await?),
        _ => None,
    };
    Ok(CourseView {
        may_enrol: rules::may_enrol(
            head.open,
            head.audience,
            user.opd_id,
            user.jenis_jabatan,
            status,
        )
        .is_ok(),
        seats_taken: seats_taken(&db.pool, program_id).await?,
        info: head.info,
        status,
        waitlist_position,
        seats: head.seats,
        may_read,
        may_manage,
        modules,
        resume,
        done,
        required,
        minutes_left,
    })
}

async fn waitlist_position(db: &Db, program_id: i64, enrolment_id: i64) -> Result<u32, AppError> {
    let ahead: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM enrolment w, enrolment me \
         WHERE me.id = $2 AND w.program_id = $1 AND w.status = 'waiting' \
         AND (w.queued_at < me.queued_at OR (w.queued_at = me.queued_at AND w.id < me.id))",
    )
    .bind(program_id)
    .bind(enrolment_id)
    .fetch_one(&db.pool)
    .await?
    .get("n");
    Ok(ahead.max(0) as u32 + 1)
}

pub async fn enrol(program_id: i64, key: Option<&str>) -> Result<EnrolmentStatus, AppError> {
    let user = require_user().await?;
    let db = state()?.db;
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    if claim(&mut tx, user.account_id, "belajar-daftar", key, now).await? == Claim::Repeat {
        return Ok(EnrolmentStatus::Active);
    }
    let head = lock_course(&mut tx, program_id).await?;
    let current =
        sqlx::query("SELECT status FROM enrolment WHERE program_id = $1 AND employee_id = $2")
            .bind(program_id)
            .bind(user.employee_id)
            .fetch_optional(&mut *tx)
            .await?
            .and_then(|r| EnrolmentStatus::from_db(&r.get::<String, _>("status")));
    rules::may_enrol(
        head.open,
        head.audience,
        user.opd_id,
        user.jenis_jabatan,
        current,
    )?;
    let status = rules::on_enrol(head.info.mode);
    let written = if current.is_some() {
        sqlx::query(
            "UPDATE enrolment SET status = $1, applied_at = $2, queued_at = NULL, \
             decided_by = NULL, updated_at = $2 WHERE program_id = $3 AND employee_id = $4",
        )
        .bind(status.as_db())
        .bind(now)
        .bind(program_id)
        .bind(user.employee_id)
        .execute(&mut *tx)
        .await
    } else {
        sqlx::query(
            "INSERT INTO enrolment (program_id, employee_id, status, applied_at, updated_at) \
             VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(program_id)
        .bind(user.employee_id)
        .bind(status.as_db())
        .bind(now)
        .execute(&mut *tx)
        .await
    };
    match written {
        Err(e) if is_unique_violation(&e) => return Err(LearningError::AlreadyEnrolled.into()),
        other => other?,
    };
    audit(
        &mut tx,
        Some(user.account_id),
        "learning_enrol",
        &format!("program {program_id}: {}", status.as_db()),
    )
    .await?;
    tx.commit().await?;
    Ok(status)
}

pub async fn withdraw(program_id: i64) -> Result<(), AppError> {
    let user = require_user().await?;
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    let head = lock_course(&mut tx, program_id).await?;
    let withdrawn = sqlx::query(
        "UPDATE enrolment SET status = 'withdrawn', updated_at = $1 \
         WHERE program_id = $2 AND employee_id = $3 \
         AND status IN ('applied', 'waiting', 'active')",
    )
    .bind(unix_now())
    .bind(program_id)
    .bind(user.employee_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if withdrawn != 1 {
        return Err(LearningError::NotEnrolled.into());
    }
    promote(&mut tx, &head, &user.name).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "learning_withdraw",
        &format!("program {program_id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn applications() -> Result<Vec<Application>, AppError> {
    let user = require_user().await?;
    let scope = Scope::managed(&user).ok_or(AppError::Forbidden)?;
    let db = state()?.db;
    // 0: every OPD.
    let opd = match scope {
        Scope::City => 0,
        Scope::Opd(id) => id,
    };
    let rows = sqlx::query(
        "SELECT e.id, s.name, s.nip, s.jabatan, p.id AS program_id, p.title, p.mode, \
                e.applied_at, k.seats, \
                (SELECT COUNT(*) FROM enrolment t WHERE t.program_id = p.id \
                 AND t.status IN ('active', 'completed')) AS taken \
         FROM enrolment e JOIN employee s ON s.id = e.employee_id \
         JOIN program p ON p.id = e.program_id JOIN course k ON k.program_id = p.id \
         WHERE e.status = 'applied' AND ($1 = 0 OR s.opd_id = $1) \
         ORDER BY e.applied_at, e.id LIMIT 500",
    )
    .bind(opd)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Application {
            enrolment_id: r.get("id"),
            name: r.get("name"),
            nip: r.get("nip"),
            jabatan: r.get("jabatan"),
            program_id: r.get("program_id"),
            program_title: r.get("title"),
            mode: ProgramMode::from_db(&r.get::<String, _>("mode")),
            applied_on: IsoDate::from_unix_wita(r.get("applied_at")).to_string(),
            seats: r.get::<Option<i64>, _>("seats").map(|s| s.max(0) as u32),
            seats_taken: r.get::<i64, _>("taken").max(0) as u32,
        })
        .collect())
}

pub async fn decide(enrolment_id: i64, decision: &str) -> Result<EnrolmentStatus, AppError> {
    let user = require_user().await?;
    let decision = Decision::from_form(decision).ok_or(LearningError::DecisionUnknown)?;
    let db = state()?.db;
    let row = sqlx::query(
        "SELECT e.program_id, e.employee_id, s.opd_id FROM enrolment e \
         JOIN employee s ON s.id = e.employee_id WHERE e.id = $1",
    )
    .bind(enrolment_id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let (program_id, learner): (i64, i64) = (row.get("program_id"), row.get("employee_id"));
    authorize(
        &user,
        Permission::DecideEnrolment {
            opd_id: row.get("opd_id"),
        },
    )?;
    let mut tx = db.begin_write().await?;
    let head = lock_course(&mut tx, program_id).await?;
    let from = sqlx::query("SELECT status FROM enrolment WHERE id = $1")
        .bind(enrolment_id)
        .fetch_one(&mut *tx)
        .await?
        .get::<String, _>("status");
    let from = EnrolmentStatus::from_db(&from).ok_or(AppError::Internal)?;
    let taken = seats_taken(&mut *tx, program_id).await?;
    let to = rules::decide(from, decision, head.seats, taken)?;
    let now = unix_now();
    sqlx::query(
        "UPDATE enrolment SET status = $1, queued_at = $2, decided_by = $3, updated_at = $4 \
         WHERE id = $5",
    )
    .bind(to.as_db())
    .bind((to == EnrolmentStatus::Waiting).then_some(now))
    .bind(user.employee_id)
    .bind(now)
    .bind(enrolment_id)
    .execute(&mut *tx)
    .await?;
    let kind = match to {
        EnrolmentStatus::Active => NotificationKind::SeatGiven,
        EnrolmentStatus::Waiting => NotificationKind::Waitlisted,
        _ => NotificationKind::ApplicationRefused,
    };
    let link = format!("/belajar/{program_id}");
    notify(&mut tx, learner, kind, &user.name, &link).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "learning_decide",
        &format!("enrolment {enrolment_id}: {}", to.as_db()),
    )
    .await?;
    tx.commit().await?;
    Ok(to)
}
