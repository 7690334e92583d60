//! What learning's sub-features share on the server (ssr only): a course's head, a person's
//! standing in it and the one way to ask for it (`reader`, `editor_user`), its modules with
//! that person's progress, its files as a module's text names them, the one way seats
//! change (a transaction holds the course first, then the waitlist moves up into free seats),
//! and the one way an enrolment completes (its JP entering the ledger once, its certificate
//! issued once).

use sqlx::{Row, any::AnyRow};

use super::{
    CourseInfo, EnrolmentStatus, FileKind, FileRef, Files, ModuleLine, certificate,
    completion::{self, CompletionState},
    rules::{self, Audience, ModuleState},
};
use crate::{
    auth::{
        CurrentUser, Permission, authorize,
        queries::{audit, require_user},
    },
    calendar::IsoDate,
    catalog::ProgramMode,
    db::{Db, Tx, unix_now},
    error::AppError,
    jp::{
        AmountUnit, DevPath, JpRules,
        queries::{EarnedActivity, record_earned},
    },
    notify::{NotificationKind, queries::notify},
    org::JenisJabatan,
};

/// A course: the catalog program it is, who it is for, its seats.
#[derive(Debug, Clone)]
pub struct CourseHead {
    pub info: CourseInfo,
    pub audience: Audience,
    pub seats: Option<u32>,
    pub open: bool,
}

/// Where a module editor's upload form came from, to send the browser back there.
pub struct EditorOrigin {
    pub program_id: i64,
    pub module_id: i64,
}

impl EditorOrigin {
    /// The editor's path; `/belajar` when the form did not say where it came from.
    pub fn path(origin: Option<&EditorOrigin>) -> String {
        origin.map_or_else(
            || "/belajar".to_owned(),
            |o| format!("/belajar/{}/kelola/modul/{}", o.program_id, o.module_id),
        )
    }
}

/// Reads an upload form of the module editor (`program_id`, `module_id`, the file in
/// `file_field` of at most `max_bytes`) to its end before any answer (see
/// `jp::queries::record`), with where it came from.
pub async fn editor_upload(
    data: leptos::server_fn::codec::MultipartData,
    file_field: &str,
    max_bytes: usize,
) -> Result<(EditorOrigin, crate::upload::Posted), AppError> {
    let form = crate::upload::read(data, file_field, max_bytes).await?;
    let origin = EditorOrigin {
        program_id: form.id("program_id")?,
        module_id: form.id("module_id")?,
    };
    Ok((origin, form))
}

/// The course of a program; `None` when the program is not a course (or does not exist).
pub async fn course_head(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    program_id: i64,
) -> Result<Option<CourseHead>, AppError> {
    let row = sqlx::query(
        "SELECT p.id, p.title, p.mode, p.jp, p.organiser, p.starts_on, p.ends_on, p.place, \
                (SELECT MIN(c.code) FROM program_competency pc \
                 JOIN competency c ON c.id = pc.competency_id \
                 WHERE pc.program_id = p.id) AS competency_code, \
                k.audience_opd_id, k.audience_jenis, k.seats, k.open \
         FROM course k JOIN program p ON p.id = k.program_id \
         WHERE k.program_id = $1 AND p.retired = 0",
    )
    .bind(program_id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| CourseHead {
        info: CourseInfo {
            program_id: r.get("id"),
            title: r.get("title"),
            mode: ProgramMode::from_db(&r.get::<String, _>("mode")),
            jp: r.get::<i64, _>("jp").max(0) as u32,
            organiser: r.get("organiser"),
            starts_on: r.get("starts_on"),
            ends_on: r.get("ends_on"),
            place: r.get("place"),
            competency_code: r
                .get::<Option<String>, _>("competency_code")
                .unwrap_or_default(),
        },
        audience: Audience {
            opd_id: r.get("audience_opd_id"),
            jenis: r
                .get::<Option<String>, _>("audience_jenis")
                .map(|j| JenisJabatan::from_db(&j)),
        },
        seats: r.get::<Option<i64>, _>("seats").map(|s| s.max(0) as u32),
        open: r.get::<i64, _>("open") == 1,
    }))
}

/// A person's standing in a course: their enrolment, and whether they facilitate it.
#[derive(Debug, Clone, Copy)]
pub struct Standing {
    pub enrolment: Option<(i64, EnrolmentStatus)>,
    pub facilitator: bool,
}

impl Standing {
    pub fn status(&self) -> Option<EnrolmentStatus> {
        self.enrolment.map(|(_, s)| s)
    }

    /// Enrolled and past the application: the person learns in the course.
    pub fn learner(&self) -> bool {
        self.status().is_some_and(EnrolmentStatus::reads)
    }

    /// What reading the course's modules asks of the rule book.
    pub fn to_read(&self) -> Permission {
        Permission::ReadCourse {
            learner: self.learner(),
            facilitator: self.facilitator,
        }
    }

    /// What editing the course asks of the rule book.
    pub fn to_edit(&self) -> Permission {
        Permission::Facilitate {
            facilitator: self.facilitator,
        }
    }
}

pub async fn standing(db: &Db, program_id: i64, user: &CurrentUser) -> Result<Standing, AppError> {
    let enrolment =
        sqlx::query("SELECT id, status FROM enrolment WHERE program_id = $1 AND employee_id = $2")
            .bind(program_id)
            .bind(user.employee_id)
            .fetch_optional(&db.pool)
            .await?
            .and_then(|r| {
                EnrolmentStatus::from_db(&r.get::<String, _>("status")).map(|s| (r.get("id"), s))
            });
    let facilitator =
        sqlx::query("SELECT 1 FROM course_facilitator WHERE program_id = $1 AND employee_id = $2")
            .bind(program_id)
            .bind(user.employee_id)
            .fetch_optional(&db.pool)
            .await?
            .is_some();
    Ok(Standing {
        enrolment,
        facilitator,
    })
}

/// Who is asking about a course: the person, the course, and their standing in it.
pub struct Asking {
    pub user: CurrentUser,
    pub head: CourseHead,
    pub standing: Standing,
}

/// Not found when the program is no course.
async fn asking(db: &Db, program_id: i64) -> Result<Asking, AppError> {
    let user = require_user().await?;
    let head = course_head(&db.pool, program_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let standing = standing(db, program_id, &user).await?;
    Ok(Asking {
        user,
        head,
        standing,
    })
}

/// The person asking, once they may read the course.
pub async fn reader(db: &Db, program_id: i64) -> Result<Asking, AppError> {
    let asking = asking(db, program_id).await?;
    authorize(&asking.user, asking.standing.to_read())?;
    Ok(asking)
}

/// A learner asking about their own work in a course.
pub struct Learner {
    pub user: CurrentUser,
    pub head: CourseHead,
    pub enrolment_id: i64,
}

/// The person asking, once they learn in the course (enrolled and past the application);
/// a facilitator or the admin who only reads it is told they are not enrolled.
pub async fn learner(db: &Db, program_id: i64) -> Result<Learner, AppError> {
    let Asking {
        user,
        head,
        standing,
    } = reader(db, program_id).await?;
    match standing.enrolment {
        Some((enrolment_id, status)) if status.reads() => Ok(Learner {
            user,
            head,
            enrolment_id,
        }),
        _ => Err(rules::LearningError::NotEnrolled.into()),
    }
}

/// The person asking, once they may edit the course (its facilitators and the admin).
pub async fn editor_user(db: &Db, program_id: i64) -> Result<Asking, AppError> {
    let asking = asking(db, program_id).await?;
    authorize(&asking.user, asking.standing.to_edit())?;
    Ok(asking)
}

/// The columns [`file_ref`] reads.
pub const FILE_COLUMNS: &str = "id, kind, width, height, bytes, \
     CAST(CASE WHEN small_content IS NULL THEN 0 ELSE 1 END AS BIGINT) AS small";

pub fn file_ref(r: &AnyRow) -> Option<(i64, FileRef)> {
    Some((
        r.get("id"),
        FileRef {
            kind: FileKind::from_db(&r.get::<String, _>("kind"))?,
            bytes: r.get::<i64, _>("bytes").max(0) as u64,
            width: r.get::<Option<i64>, _>("width").unwrap_or(0).max(0) as u32,
            height: r.get::<Option<i64>, _>("height").unwrap_or(0).max(0) as u32,
            small: r.get::<i64, _>("small") == 1,
        },
    ))
}

/// The course's files as rendering its modules needs them.
pub async fn files_of(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    program_id: i64,
) -> Result<Files, AppError> {
    let rows = sqlx::query(&format!(
        "SELECT {FILE_COLUMNS} FROM course_file WHERE program_id = $1"
    ))
    .bind(program_id)
    .fetch_all(db)
    .await?;
    Ok(Files {
        program_id,
        by_id: rows.iter().filter_map(file_ref).collect(),
    })
}

/// Seats held: learners active or done in the course.
pub async fn seats_taken(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    program_id: i64,
) -> Result<u32, AppError> {
    let n: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM enrolment \
         WHERE program_id = $1 AND status IN ('active', 'completed')",
    )
    .bind(program_id)
    .fetch_one(db)
    .await?
    .get("n");
    Ok(n.max(0) as u32)
}

/// A course's modules in order with one person's progress: the published ones, and with
/// `drafts` also those with only a draft (for the people who edit them).
pub async fn modules_of(
    db: &Db,
    program_id: i64,
    employee_id: i64,
    drafts: bool,
) -> Result<Vec<ModuleLine>, AppError> {
    let rows = sqlx::query(
        "SELECT m.id, m.position, m.title, m.minutes, m.required, \
                (SELECT MAX(r.number) FROM module_revision r \
                 WHERE r.module_id = m.id AND r.published_at IS NOT NULL) AS published, \
                (SELECT COUNT(*) FROM module_revision r \
                 WHERE r.module_id = m.id AND r.published_at IS NULL) AS drafts, \
                p.opened_at, p.done_at \
         FROM course_module m \
         LEFT JOIN module_progress p ON p.module_id = m.id AND p.employee_id = $2 \
         WHERE m.program_id = $1 ORDER BY m.position",
    )
    .bind(program_id)
    .bind(employee_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| ModuleLine {
            id: r.get("id"),
            position: r.get::<i64, _>("position").max(0) as u32,
            title: r.get("title"),
            minutes: r.get::<i64, _>("minutes").max(0) as u32,
            required: r.get::<i64, _>("required") == 1,
            published: r
                .get::<Option<i64>, _>("published")
                .map(|n| n.max(0) as u32),
            has_draft: r.get::<i64, _>("drafts") > 0,
            opened: r.get::<Option<i64>, _>("opened_at").is_some(),
            done: r.get::<Option<i64>, _>("done_at").is_some(),
        })
        .filter(|m| drafts || m.published.is_some())
        .collect())
}

/// The modules as progress counts them (published ones only: a draft is nobody's work yet).
pub fn states(modules: &[ModuleLine]) -> Vec<ModuleState> {
    modules
        .iter()
        .filter(|m| m.published.is_some())
        .map(|m| ModuleState {
            id: m.id,
            required: m.required,
            opened: m.opened,
            done: m.done,
        })
        .collect()
}

/// Makes the transaction the only one changing this course's seats, or its modules' order,
/// until it ends.
pub async fn lock_course(tx: &mut Tx, program_id: i64) -> Result<CourseHead, AppError> {
    let touched = sqlx::query("UPDATE course SET updated_at = $1 WHERE program_id = $2")
        .bind(unix_now())
        .bind(program_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if touched != 1 {
        return Err(AppError::NotFound);
    }
    course_head(&mut **tx, program_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Gives the free seats of a course to the waitlist, first come first, and tells each
/// person who moved up. Inside a transaction that holds the course (see [`lock_course`]).
pub async fn promote(tx: &mut Tx, head: &CourseHead, actor: &str) -> Result<(), AppError> {
    if !matches!(
        head.info.mode,
        ProgramMode::Classroom | ProgramMode::Blended
    ) {
        return Ok(());
    }
    let taken = seats_taken(&mut **tx, head.info.program_id).await?;
    let waiting: Vec<(i64, i64)> = sqlx::query(
        "SELECT id, employee_id FROM enrolment WHERE program_id = $1 AND status = 'waiting' \
         ORDER BY queued_at, id",
    )
    .bind(head.info.program_id)
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|r| (r.get("id"), r.get("employee_id")))
    .collect();
    let ids: Vec<i64> = waiting.iter().map(|(id, _)| *id).collect();
    for id in rules::promoted(head.seats, taken, &ids) {
        sqlx::query("UPDATE enrolment SET status = 'active', updated_at = $1 WHERE id = $2")
            .bind(unix_now())
            .bind(*id)
            .execute(&mut **tx)
            .await?;
        let employee = waiting.iter().find(|(w, _)| w == id).map(|(_, e)| *e);
        if let Some(employee) = employee {
            let link = format!("/belajar/{}", head.info.program_id);
            notify(tx, employee, NotificationKind::SeatGiven, actor, &link).await?;
        }
    }
    Ok(())
}

/// Makes the transaction the only one changing this learner's progress in the course until
/// it ends: of two last steps at once, the second then sees the first, and one of them
/// completes the course.
pub async fn hold_enrolment(tx: &mut Tx, enrolment_id: i64, now: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE enrolment SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(enrolment_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Completes an enrolment once the course's rule is met (`completion::completes`): it turns
/// completed, once, the course's JP enter the ledger as confirmed by the course's
/// facilitator (waiting for a verifier when the course has none), and its certificate is
/// issued. Inside the transaction
/// that recorded the learner's step, after [`hold_enrolment`]; returns whether this step
/// completed it.
pub async fn complete_if_done(
    tx: &mut Tx,
    head: &CourseHead,
    learner: (i64, i64),
    jp_rules: &JpRules,
    now: i64,
) -> Result<bool, AppError> {
    let (employee_id, enrolment_id) = learner;
    let program_id = head.info.program_id;
    let counts = sqlx::query(
        "SELECT CAST(COUNT(*) AS BIGINT) AS required, \
                CAST(COALESCE(SUM(CASE WHEN p.done_at IS NOT NULL THEN 1 ELSE 0 END), 0) \
                     AS BIGINT) AS done \
         FROM course_module m \
         LEFT JOIN module_progress p ON p.module_id = m.id AND p.employee_id = $2 \
         WHERE m.program_id = $1 AND m.required = 1 AND EXISTS \
             (SELECT 1 FROM module_revision r WHERE r.module_id = m.id \
              AND r.published_at IS NOT NULL)",
    )
    .bind(program_id)
    .bind(employee_id)
    .fetch_one(&mut **tx)
    .await?;
    let post_test = sqlx::query(
        "SELECT q.open, (SELECT COUNT(*) FROM quiz_attempt a WHERE a.quiz_id = q.id \
                AND a.employee_id = $2 AND a.passed = 1) AS passed \
         FROM quiz q WHERE q.program_id = $1 AND q.kind = 'post'",
    )
    .bind(program_id)
    .bind(employee_id)
    .fetch_optional(&mut **tx)
    .await?;
    let classroom = sqlx::query(
        "SELECT p.path, (SELECT a.days FROM attendance a WHERE a.enrolment_id = $2) AS days \
         FROM program p WHERE p.id = $1",
    )
    .bind(program_id)
    .bind(enrolment_id)
    .fetch_one(&mut **tx)
    .await?;
    let attended = classroom
        .get::<Option<i64>, _>("days")
        .map(|d| d.max(0) as u32);
    let state = CompletionState {
        mode: head.info.mode,
        done: counts.get::<i64, _>("done").max(0) as u32,
        required: counts.get::<i64, _>("required").max(0) as u32,
        post_test_passed: post_test
            .filter(|r| r.get::<i64, _>("open") == 1)
            .map(|r| r.get::<i64, _>("passed") > 0),
        attended,
        course_days: completion::course_days(&head.info.starts_on, &head.info.ends_on),
    };
    if !completion::completes(state) {
        return Ok(false);
    }
    let completed = sqlx::query(
        "UPDATE enrolment SET status = 'completed', completed_at = $1, updated_at = $1 \
         WHERE id = $2 AND status = 'active'",
    )
    .bind(now)
    .bind(enrolment_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if completed != 1 {
        return Ok(false);
    }
    let facilitator: Option<i64> = sqlx::query(
        "SELECT MIN(employee_id) AS id FROM course_facilitator \
         WHERE program_id = $1 AND employee_id <> $2",
    )
    .bind(program_id)
    .bind(employee_id)
    .fetch_one(&mut **tx)
    .await?
    .get("id");
    // Online: one e-learning course. In a room: the days attended on the program's own path.
    let (path, amount, unit) = match head.info.mode {
        ProgramMode::Online => (DevPath::ELearning, 1, AmountUnit::Activities),
        ProgramMode::Classroom | ProgramMode::Blended => (
            DevPath::from_code(&classroom.get::<String, _>("path"))
                .unwrap_or(DevPath::PelatihanTeknis),
            attended.unwrap_or(1).max(1),
            AmountUnit::Days,
        ),
    };
    let activity = EarnedActivity {
        employee_id,
        path,
        title: head.info.title.clone(),
        organiser: head.info.organiser.clone(),
        held_on: IsoDate::from_unix_wita(now),
        amount,
        unit,
        verified_by: facilitator,
        jp: Some(head.info.jp),
    };
    let entry_id = record_earned(tx, jp_rules, &activity, now).await?;
    sqlx::query("UPDATE enrolment SET jp_entry_id = $1 WHERE id = $2")
        .bind(entry_id)
        .bind(enrolment_id)
        .execute(&mut **tx)
        .await?;
    certificate::queries::issue(tx, enrolment_id, &head.info, now).await?;
    audit(
        tx,
        None,
        "course_complete",
        &format!("program {program_id}, employee {employee_id}, jp entry {entry_id}"),
    )
    .await?;
    Ok(true)
}
