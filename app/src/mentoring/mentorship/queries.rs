//! A mentorship on the server: its two people, sessions confirmed into JP, goals, the
//! good-fit check and ending it with feedback.

use sqlx::Row;

use super::rules::SessionJpBounds;
use crate::jp::JpRules;
use crate::{
    auth::{
        CurrentUser, Permission, authorize,
        queries::{require_user, state},
    },
    calendar::IsoDate,
    db::{
        Db, Tx,
        idempotency::{Claim, claim},
        is_unique_violation, unix_now,
    },
    error::AppError,
    jp::{
        AmountUnit, DevPath, jp_for,
        queries::{EarnedActivity, record_earned},
    },
    mentoring::{
        GoalView, MentoringError, MentorshipSummary, MentorshipView, SessionMode, SessionView,
        rules::SessionInput,
        rules::{
            MAX_GOALS, fit_check_due, validate_feedback, validate_goal, validate_progress,
            validate_session,
        },
    },
    notify::{NotificationKind, queries::notify},
};
use crate::{mentoring::FitAnswer, validation::FormValue};

/// Mentorships of one person on one side (`mentor_id` or `mentee_id`).
pub async fn mentorships_of(
    db: &Db,
    side: &str,
    employee_id: i64,
) -> Result<Vec<MentorshipSummary>, AppError> {
    let partner = if side == "mentor_id" {
        "mentee_id"
    } else {
        "mentor_id"
    };
    let rows = sqlx::query(&format!(
        "SELECT m.id, e.name AS partner_name, c.code, c.name AS competency_name, m.status, \
                (SELECT COUNT(*) FROM mentoring_session s WHERE s.mentorship_id = m.id \
                 AND s.mentor_confirmed = 1 AND s.mentee_confirmed = 1) AS sessions \
         FROM mentorship m JOIN employee e ON e.id = m.{partner} \
         JOIN competency c ON c.id = m.competency_id \
         WHERE m.{side} = $1 ORDER BY m.status, m.started_at DESC LIMIT 50"
    ))
    .bind(employee_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| MentorshipSummary {
            id: r.get("id"),
            partner_name: r.get("partner_name"),
            competency_code: r.get("code"),
            competency_name: r.get("competency_name"),
            active: r.get::<String, _>("status") == "active",
            confirmed_sessions: r.get::<i64, _>("sessions").max(0) as u32,
        })
        .collect())
}

// ----- The mentorship -----

struct MentorshipHead {
    mentor_id: i64,
    mentee_id: i64,
    mentor_name: String,
    mentee_name: String,
    competency_code: String,
    competency_name: String,
    goal: String,
    active: bool,
    started_at: i64,
    competency_id: i64,
    fit_mentor: Option<i64>,
    fit_mentee: Option<i64>,
    end_reason: String,
}

async fn mentorship_head<'e, E>(executor: E, id: i64) -> Result<MentorshipHead, AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let r = sqlx::query(
        "SELECT m.mentor_id, m.mentee_id, mt.name AS mentor_name, me.name AS mentee_name, c.code, \
                c.name AS competency_name, m.goal, m.status, \
                m.started_at, m.competency_id, m.fit_mentor, m.fit_mentee, m.end_reason \
         FROM mentorship m JOIN employee mt ON mt.id = m.mentor_id \
         JOIN employee me ON me.id = m.mentee_id JOIN competency c ON c.id = m.competency_id \
         WHERE m.id = $1",
    )
    .bind(id)
    .fetch_optional(executor)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(MentorshipHead {
        mentor_id: r.get("mentor_id"),
        mentee_id: r.get("mentee_id"),
        mentor_name: r.get("mentor_name"),
        mentee_name: r.get("mentee_name"),
        competency_code: r.get("code"),
        competency_name: r.get("competency_name"),
        goal: r.get("goal"),
        active: r.get::<String, _>("status") == "active",
        started_at: r.get("started_at"),
        competency_id: r.get("competency_id"),
        fit_mentor: r.get("fit_mentor"),
        fit_mentee: r.get("fit_mentee"),
        end_reason: r.get("end_reason"),
    })
}

impl MentorshipHead {
    /// The viewer's side, after checking they are one of the two.
    fn side_of(&self, user: &CurrentUser) -> Result<bool, AppError> {
        authorize(
            user,
            Permission::TakePartIn {
                mentor: self.mentor_id,
                mentee: self.mentee_id,
            },
        )?;
        Ok(user.employee_id == self.mentor_id)
    }

    /// The other side's id and the viewer's name, for a notification.
    fn other(&self, viewer_is_mentor: bool) -> (i64, &str) {
        if viewer_is_mentor {
            (self.mentee_id, &self.mentor_name)
        } else {
            (self.mentor_id, &self.mentee_name)
        }
    }
}

pub async fn mentorship(id: i64) -> Result<MentorshipView, AppError> {
    let user = require_user().await?;
    let db = &state()?.db;
    let head = mentorship_head(&db.pool, id).await?;
    let viewer_is_mentor = head.side_of(&user)?;
    let sessions: Vec<SessionView> = sqlx::query(
        "SELECT s.id, s.held_on, s.minutes, s.mode, s.notes, s.mentor_confirmed, \
                s.mentee_confirmed, j.jp \
         FROM mentoring_session s LEFT JOIN jp_entry j ON j.id = s.jp_entry_id \
         WHERE s.mentorship_id = $1 ORDER BY s.held_on DESC, s.id DESC",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| SessionView {
        id: r.get("id"),
        held_on: r.get("held_on"),
        minutes: r.get::<i64, _>("minutes").max(0) as u32,
        mode: SessionMode::from_db(&r.get::<String, _>("mode")).unwrap_or(SessionMode::Online),
        notes: r.get("notes"),
        mentor_confirmed: r.get::<i64, _>("mentor_confirmed") == 1,
        mentee_confirmed: r.get::<i64, _>("mentee_confirmed") == 1,
        jp: r.get::<Option<i64>, _>("jp").map(|jp| jp.max(0) as u32),
    })
    .collect();
    let feedback_given = sqlx::query(
        "SELECT 1 FROM mentoring_feedback WHERE mentorship_id = $1 AND from_employee_id = $2",
    )
    .bind(id)
    .bind(user.employee_id)
    .fetch_optional(&db.pool)
    .await?
    .is_some();
    let goals = sqlx::query(
        "SELECT id, text, progress FROM mentorship_goal WHERE mentorship_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| GoalView {
        id: r.get("id"),
        text: r.get("text"),
        progress: r.get::<i64, _>("progress").clamp(0, 100) as u8,
    })
    .collect();
    let confirmed = sessions.iter().filter(|s| s.jp.is_some()).count() as u32;
    let answered = if viewer_is_mentor {
        head.fit_mentor.is_some()
    } else {
        head.fit_mentee.is_some()
    };
    Ok(MentorshipView {
        id,
        mentor_name: head.mentor_name,
        mentee_name: head.mentee_name,
        competency_code: head.competency_code,
        competency_name: head.competency_name,
        goal: head.goal,
        active: head.active,
        started_on: IsoDate::from_unix_wita(head.started_at).to_string(),
        viewer_is_mentor,
        sessions,
        feedback_given,
        goals,
        fit_check_due: fit_check_due(head.active, confirmed, answered),
        ended_not_a_fit: head.end_reason == "not_a_fit",
        competency_id: head.competency_id,
        today: IsoDate::from_unix_wita(unix_now()).to_string(),
    })
}

pub async fn log_session(
    mentorship_id: i64,
    input: SessionInput,
    key: Option<&str>,
) -> Result<(), AppError> {
    let user = require_user().await?;
    let mut tx = state()?.db.begin_write().await?;
    if claim(&mut tx, user.account_id, "bimbingan-sesi", key, unix_now()).await? == Claim::Repeat {
        return Ok(());
    }
    let head = mentorship_head(&mut *tx, mentorship_id).await?;
    let viewer_is_mentor = head.side_of(&user)?;
    if !head.active {
        return Err(MentoringError::NotActive.into());
    }
    let now = unix_now();
    let session = validate_session(
        &input,
        IsoDate::from_unix_wita(head.started_at),
        IsoDate::from_unix_wita(now),
    )?;
    sqlx::query(
        "INSERT INTO mentoring_session (mentorship_id, held_on, minutes, mode, notes, \
         logged_by, mentor_confirmed, mentee_confirmed, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(mentorship_id)
    .bind(session.held_on.to_string())
    .bind(i64::from(session.minutes))
    .bind(session.mode.as_db())
    .bind(session.notes)
    .bind(user.employee_id)
    .bind(i64::from(viewer_is_mentor))
    .bind(i64::from(!viewer_is_mentor))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let (other, me) = head.other(viewer_is_mentor);
    notify(
        &mut tx,
        other,
        NotificationKind::SessionLogged,
        me,
        &format!("/mentoring/bimbingan/{mentorship_id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Confirms a session for the viewer's side; returns its mentorship. When both sides have
/// confirmed, the mentee's JP entry is written (verified: the mentor's confirmation is
/// the evidence) in the same transaction.
pub async fn confirm_session(session_id: i64) -> Result<i64, AppError> {
    let user = require_user().await?;
    let settings = state()?.settings.clone();
    let mut tx = state()?.db.begin_write().await?;
    // Take the session's row lock first, so that the two sides confirming at the same
    // moment cannot both miss the other's confirmation (PostgreSQL; SQLite writes one at
    // a time anyway).
    let locked = sqlx::query("UPDATE mentoring_session SET minutes = minutes WHERE id = $1")
        .bind(session_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if locked != 1 {
        return Err(AppError::NotFound);
    }
    let s = sqlx::query(
        "SELECT mentorship_id, held_on, mentor_confirmed, mentee_confirmed, jp_entry_id \
         FROM mentoring_session WHERE id = $1",
    )
    .bind(session_id)
    .fetch_one(&mut *tx)
    .await?;
    let mentorship_id: i64 = s.get("mentorship_id");
    let head = mentorship_head(&mut *tx, mentorship_id).await?;
    let viewer_is_mentor = head.side_of(&user)?;
    let (mine, theirs) = if viewer_is_mentor {
        (
            s.get::<i64, _>("mentor_confirmed"),
            s.get::<i64, _>("mentee_confirmed"),
        )
    } else {
        (
            s.get::<i64, _>("mentee_confirmed"),
            s.get::<i64, _>("mentor_confirmed"),
        )
    };
    if mine == 1 {
        return Err(MentoringError::AlreadyConfirmed.into());
    }
    let column = if viewer_is_mentor {
        "mentor_confirmed"
    } else {
        "mentee_confirmed"
    };
    sqlx::query(&format!(
        "UPDATE mentoring_session SET {column} = 1 WHERE id = $1"
    ))
    .bind(session_id)
    .execute(&mut *tx)
    .await?;
    if theirs == 1 && s.get::<Option<i64>, _>("jp_entry_id").is_none() {
        let held_on: String = s.get("held_on");
        let held_on = IsoDate::parse(&held_on).ok_or(AppError::Internal)?;
        let rules = JpRules::with_minutes(settings.jp_minutes);
        let verified = within_jp_bounds(&mut tx, &head, &rules, &settings, held_on).await?;
        let activity = EarnedActivity {
            employee_id: head.mentee_id,
            path: DevPath::Mentoring,
            title: format!(
                "Mentoring {} {}",
                head.competency_code, head.competency_name
            ),
            organiser: head.mentor_name.clone(),
            held_on,
            amount: 1,
            unit: AmountUnit::Sessions,
            verified_by: verified.then_some(head.mentor_id),
            jp: None,
        };
        let entry_id = record_earned(&mut tx, &rules, &activity, unix_now()).await?;
        sqlx::query("UPDATE mentoring_session SET jp_entry_id = $1 WHERE id = $2")
            .bind(entry_id)
            .bind(session_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(mentorship_id)
}

/// Whether a session the two sides just confirmed enters its JP verified: within the
/// pair's sessions of that day and the mentee's yearly mentoring JP (see
/// `mentorship::rules`). Read inside the confirming transaction, after its row lock.
async fn within_jp_bounds(
    tx: &mut Tx,
    head: &MentorshipHead,
    rules: &JpRules,
    settings: &crate::settings::Settings,
    held_on: IsoDate,
) -> Result<bool, AppError> {
    let same_day: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM mentoring_session s \
         JOIN mentorship m ON m.id = s.mentorship_id \
         WHERE m.mentor_id = $1 AND m.mentee_id = $2 AND s.held_on = $3 \
         AND s.jp_entry_id IS NOT NULL",
    )
    .bind(head.mentor_id)
    .bind(head.mentee_id)
    .bind(held_on.to_string())
    .fetch_one(&mut **tx)
    .await?
    .get("n");
    let this_year: i64 = sqlx::query(
        "SELECT CAST(COALESCE(SUM(jp), 0) AS BIGINT) AS jp FROM jp_entry \
         WHERE employee_id = $1 AND year = $2 AND path = $3 AND status = 'verified'",
    )
    .bind(head.mentee_id)
    .bind(i64::from(held_on.year))
    .bind(DevPath::Mentoring.code())
    .fetch_one(&mut **tx)
    .await?
    .get("jp");
    let jp = jp_for(rules, DevPath::Mentoring, AmountUnit::Sessions, 1, false)
        .map_err(|_| AppError::Internal)?;
    Ok(SessionJpBounds::from(settings).verified(
        u32::try_from(same_day).unwrap_or(u32::MAX),
        u32::try_from(this_year).unwrap_or(u32::MAX),
        jp,
    ))
}

/// Ends a running mentorship and frees the mentor's place; false when it had already
/// ended (the other side a moment earlier).
async fn close(
    tx: &mut Tx,
    head: &MentorshipHead,
    mentorship_id: i64,
    reason: &str,
    now: i64,
) -> Result<bool, AppError> {
    let ended = sqlx::query(
        "UPDATE mentorship SET status = 'ended', ended_at = $1, end_reason = $2 \
         WHERE id = $3 AND status = 'active'",
    )
    .bind(now)
    .bind(reason.to_owned())
    .bind(mentorship_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if ended == 1 {
        sqlx::query(
            "UPDATE mentor_profile SET active_mentees = active_mentees - 1 \
             WHERE employee_id = $1 AND active_mentees > 0",
        )
        .bind(head.mentor_id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(ended == 1)
}

pub async fn add_goal(mentorship_id: i64, text: &str, key: Option<&str>) -> Result<(), AppError> {
    let user = require_user().await?;
    let mut tx = state()?.db.begin_write().await?;
    if claim(
        &mut tx,
        user.account_id,
        "bimbingan-tujuan",
        key,
        unix_now(),
    )
    .await?
        == Claim::Repeat
    {
        return Ok(());
    }
    let head = mentorship_head(&mut *tx, mentorship_id).await?;
    head.side_of(&user)?;
    if !head.active {
        return Err(MentoringError::NotActive.into());
    }
    let goal = validate_goal(text)?;
    let goals: i64 =
        sqlx::query("SELECT COUNT(*) AS n FROM mentorship_goal WHERE mentorship_id = $1")
            .bind(mentorship_id)
            .fetch_one(&mut *tx)
            .await?
            .get("n");
    if goals >= MAX_GOALS as i64 {
        return Err(MentoringError::TooManyGoals.into());
    }
    sqlx::query(
        "INSERT INTO mentorship_goal (mentorship_id, text, progress, updated_at) \
         VALUES ($1, $2, 0, $3)",
    )
    .bind(mentorship_id)
    .bind(goal)
    .bind(unix_now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Returns the goal's mentorship.
pub async fn set_progress(goal_id: i64, text: &str) -> Result<i64, AppError> {
    let user = require_user().await?;
    let mut tx = state()?.db.begin_write().await?;
    let mentorship_id: i64 = sqlx::query("SELECT mentorship_id FROM mentorship_goal WHERE id = $1")
        .bind(goal_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?
        .get("mentorship_id");
    let head = mentorship_head(&mut *tx, mentorship_id).await?;
    head.side_of(&user)?;
    let progress = validate_progress(text)?;
    sqlx::query("UPDATE mentorship_goal SET progress = $1, updated_at = $2 WHERE id = $3")
        .bind(i64::from(progress))
        .bind(unix_now())
        .bind(goal_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(mentorship_id)
}

pub async fn answer_fit(mentorship_id: i64, answer: &str) -> Result<(), AppError> {
    let user = require_user().await?;
    let good_fit = match FitAnswer::from_form(answer) {
        Some(FitAnswer::Yes) => true,
        Some(FitAnswer::No) => false,
        None => return Err(MentoringError::FitNotDue.into()),
    };
    let mut tx = state()?.db.begin_write().await?;
    let head = mentorship_head(&mut *tx, mentorship_id).await?;
    let viewer_is_mentor = head.side_of(&user)?;
    let confirmed: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM mentoring_session WHERE mentorship_id = $1 \
         AND mentor_confirmed = 1 AND mentee_confirmed = 1",
    )
    .bind(mentorship_id)
    .fetch_one(&mut *tx)
    .await?
    .get("n");
    let answered = if viewer_is_mentor {
        head.fit_mentor.is_some()
    } else {
        head.fit_mentee.is_some()
    };
    if !fit_check_due(head.active, confirmed.max(0) as u32, answered) {
        return Err(MentoringError::FitNotDue.into());
    }
    let column = if viewer_is_mentor {
        "fit_mentor"
    } else {
        "fit_mentee"
    };
    sqlx::query(&format!(
        "UPDATE mentorship SET {column} = $1 WHERE id = $2"
    ))
    .bind(i64::from(good_fit))
    .bind(mentorship_id)
    .execute(&mut *tx)
    .await?;
    if !good_fit && close(&mut tx, &head, mentorship_id, "not_a_fit", unix_now()).await? {
        // The mentee is sent back to the recommendations of the same competency.
        let (other, me) = head.other(viewer_is_mentor);
        let link = if viewer_is_mentor {
            format!("/mentoring?kompetensi={}", head.competency_id)
        } else {
            format!("/mentoring/bimbingan/{mentorship_id}")
        };
        notify(
            &mut tx,
            other,
            NotificationKind::MentorshipNotAFit,
            me,
            &link,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn end(mentorship_id: i64, rating: &str, comment: &str) -> Result<(), AppError> {
    let user = require_user().await?;
    let mut tx = state()?.db.begin_write().await?;
    let head = mentorship_head(&mut *tx, mentorship_id).await?;
    let viewer_is_mentor = head.side_of(&user)?;
    let (rating, comment) = validate_feedback(rating, comment)?;
    let now = unix_now();
    if head.active && close(&mut tx, &head, mentorship_id, "finished", now).await? {
        let (other, me) = head.other(viewer_is_mentor);
        notify(
            &mut tx,
            other,
            NotificationKind::MentorshipEnded,
            me,
            &format!("/mentoring/bimbingan/{mentorship_id}"),
        )
        .await?;
    }
    let (other, _) = head.other(viewer_is_mentor);
    let inserted = sqlx::query(
        "INSERT INTO mentoring_feedback \
         (mentorship_id, from_employee_id, about_employee_id, rating, comment, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(mentorship_id)
    .bind(user.employee_id)
    .bind(other)
    .bind(i64::from(rating))
    .bind(comment)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => return Err(MentoringError::FeedbackGiven.into()),
        other => other?,
    };
    tx.commit().await?;
    Ok(())
}
