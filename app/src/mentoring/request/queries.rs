//! Requests on the server: recommendations, the mentee's page, sending, withdrawing,
//! the mentor's desk, accepting within capacity, declining, and the expiry sweep.

use sqlx::{Row, any::AnyRow};

use crate::mentoring::mentorship::queries::mentorships_of;
use crate::mentoring::score::MatchRules;
use crate::{
    auth::{
        CurrentUser, Permission, authorize,
        queries::{audit, require_user, state},
    },
    calendar::wita_date_time,
    competency::{
        CompetencyGap,
        gap::sort_by_gap,
        queries::{gaps_of, gaps_of_people},
    },
    db::{Db, Tx, is_unique_violation, unix_now},
    error::AppError,
    mentoring::{
        DeclineReason, FindMentorPage, MentorDesk, MentoringError, Recommendation, RequestAction,
        RequestStatus, RequestView,
        offers::{Offering, offered},
        request::state::{DAY, Due, due},
        rules::{validate_decline, validate_request},
        score::{MenteeNeed, score},
        transition,
    },
    notify::{NotificationKind, queries::notify},
    settings::Settings,
};

/// Recommendations shown at once.
const RECOMMENDATIONS: usize = 8;

// ----- The mentee -----

/// What the matching rules need to know of a mentee for one of their gaps.
fn need_of(user: &CurrentUser, gap: &CompetencyGap) -> MenteeNeed {
    MenteeNeed {
        required: gap.required,
        current: gap.current.unwrap_or(0),
        access: user.access_class,
        opd_id: user.opd_id,
    }
}

/// Mentors for one competency of the mentee, best first, with their reasons.
pub async fn recommend(
    db: &Db,
    settings: &Settings,
    user: &CurrentUser,
    gap: &CompetencyGap,
) -> Result<Vec<Recommendation>, AppError> {
    let need = need_of(user, gap);
    let open = Offering::Open {
        for_mentee: Some(user.employee_id),
    };
    let mut found: Vec<Recommendation> = offered(&db.pool, gap.competency_id, open)
        .await?
        .into_iter()
        .filter_map(|o| {
            let scored = score(&need, &o.offer, &MatchRules::from(settings))?;
            Some(Recommendation {
                mentor: o.mentor,
                competency_code: gap.code.clone(),
                scored,
            })
        })
        .collect();
    // Best score first; ties by name so the list is stable.
    found.sort_by(|a, b| {
        b.scored
            .points
            .cmp(&a.scored.points)
            .then_with(|| a.mentor.name.cmp(&b.mentor.name))
    });
    found.truncate(RECOMMENDATIONS);
    Ok(found)
}

const REQUEST_COLUMNS: &str = "r.id, me.name AS mentee_name, me.jabatan, mo.name AS mentee_opd, \
     ml.name AS mentee_location, mt.name AS mentor_name, c.code, c.name AS competency_name, r.goal, r.message, r.status, r.decline_reason, r.decline_note, r.created_at, \
     r.expires_at";

const REQUEST_JOINS: &str = "FROM mentoring_request r \
     JOIN employee me ON me.id = r.mentee_id \
     JOIN opd mo ON mo.id = me.opd_id \
     JOIN location ml ON ml.id = me.location_id \
     JOIN employee mt ON mt.id = r.mentor_id \
     JOIN competency c ON c.id = r.competency_id";

fn request_view(r: &AnyRow) -> RequestView {
    RequestView {
        id: r.get("id"),
        mentee_name: r.get("mentee_name"),
        mentee_jabatan: r.get("jabatan"),
        mentee_opd: r.get("mentee_opd"),
        mentee_location: r.get("mentee_location"),
        mentor_name: r.get("mentor_name"),
        competency_code: r.get("code"),
        competency_name: r.get("competency_name"),
        goal: r.get("goal"),
        message: r.get("message"),
        status: RequestStatus::from_db(&r.get::<String, _>("status"))
            .unwrap_or(RequestStatus::Pending),
        decline_reason: r
            .get::<Option<String>, _>("decline_reason")
            .and_then(|s| DeclineReason::from_db(&s)),
        decline_note: r.get("decline_note"),
        sent_at: wita_date_time(r.get("created_at")),
        expires_at: wita_date_time(r.get("expires_at")),
        mentee_gaps: Vec::new(),
    }
}

pub async fn find_mentor(competency: Option<i64>) -> Result<FindMentorPage, AppError> {
    let user = require_user().await?;
    let state = state()?;
    let db = &state.db;
    let mut gaps = gaps_of(db, user.employee_id).await?;
    sort_by_gap(&mut gaps);
    let chosen = match competency {
        Some(id) => Some(
            gaps.iter()
                .find(|g| g.competency_id == id)
                .ok_or(MentoringError::CompetencyUnknown)?,
        ),
        None => gaps.first(),
    };
    let recommendations = match chosen {
        Some(gap) => recommend(db, &state.settings, &user, gap).await?,
        None => Vec::new(),
    };
    let requests = sqlx::query(&format!(
        "SELECT {REQUEST_COLUMNS} {REQUEST_JOINS} WHERE r.mentee_id = $1 \
         ORDER BY r.created_at DESC, r.id DESC LIMIT 20"
    ))
    .bind(user.employee_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(request_view)
    .collect::<Vec<_>>();
    let pending_here = chosen.is_some_and(|g| {
        requests
            .iter()
            .any(|r| r.status == RequestStatus::Pending && r.competency_code == g.code)
    });
    Ok(FindMentorPage {
        competency_id: chosen.map(|g| g.competency_id),
        recommendations,
        pending_here,
        requests,
        mentorships: mentorships_of(db, "mentee_id", user.employee_id).await?,
        request_days: state.settings.mentoring_request_days,
        gaps,
    })
}

pub async fn send_request(
    mentor_id: i64,
    competency_id: i64,
    goal: &str,
    message: &str,
) -> Result<(), AppError> {
    let user = require_user().await?;
    let (goal, message) = validate_request(goal, message)?;
    if mentor_id == user.employee_id {
        return Err(MentoringError::SelfRequest.into());
    }
    let state = state()?;
    let db = &state.db;
    let gaps = gaps_of(db, user.employee_id).await?;
    let gap = gaps
        .iter()
        .find(|g| g.competency_id == competency_id)
        .ok_or(MentoringError::CompetencyUnknown)?;
    let mut tx = db.begin_write().await?;
    let mentor = offered(&mut *tx, competency_id, Offering::Mentor(mentor_id))
        .await?
        .pop()
        .ok_or(MentoringError::MentorNotEligible)?;
    let need = need_of(&user, gap);
    if !MatchRules::from(&*state.settings)
        .eligibility
        .allows(&need, mentor.offer.level)
    {
        return Err(MentoringError::MentorNotEligible.into());
    }
    if !mentor.accepting {
        return Err(MentoringError::NotAccepting.into());
    }
    if mentor.offer.places_left() == 0 {
        return Err(MentoringError::MentorFull.into());
    }
    let now = unix_now();
    let inserted = sqlx::query(
        "INSERT INTO mentoring_request \
         (mentee_id, mentor_id, competency_id, goal, message, status, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)",
    )
    .bind(user.employee_id)
    .bind(mentor_id)
    .bind(competency_id)
    .bind(goal)
    .bind(message)
    .bind(now)
    .bind(now + state.settings.mentoring_request_days * DAY)
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(e) if is_unique_violation(&e) => {
            return Err(MentoringError::PendingExists.into());
        }
        other => other?,
    };
    notify(
        &mut tx,
        mentor_id,
        NotificationKind::MentoringRequested,
        &user.name,
        "/mentoring/permintaan",
    )
    .await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "mentoring_request",
        &gap.code,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The facts about a request that decide who may do what to it.
struct RequestHead {
    mentee_id: i64,
    mentor_id: i64,
    competency_id: i64,
    goal: String,
    status: RequestStatus,
    mentee_name: String,
    mentor_name: String,
}

async fn request_head(tx: &mut Tx, request_id: i64) -> Result<RequestHead, AppError> {
    let r = sqlx::query(
        "SELECT r.mentee_id, r.mentor_id, r.competency_id, r.goal, r.status, me.name AS mentee_name, \
                mt.name AS mentor_name \
         FROM mentoring_request r JOIN employee me ON me.id = r.mentee_id \
         JOIN employee mt ON mt.id = r.mentor_id WHERE r.id = $1",
    )
    .bind(request_id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(RequestHead {
        mentee_id: r.get("mentee_id"),
        mentor_id: r.get("mentor_id"),
        competency_id: r.get("competency_id"),
        goal: r.get("goal"),
        status: RequestStatus::from_db(&r.get::<String, _>("status")).ok_or(AppError::Internal)?,
        mentee_name: r.get("mentee_name"),
        mentor_name: r.get("mentor_name"),
    })
}

/// Moves a pending request on. The status in the WHERE clause makes two answers at once
/// safe: the second changes nothing and is refused.
async fn answer(
    tx: &mut Tx,
    request_id: i64,
    to: RequestStatus,
    reason: Option<DeclineReason>,
    note: &str,
    now: i64,
) -> Result<(), AppError> {
    let changed = sqlx::query(
        "UPDATE mentoring_request SET status = $1, decline_reason = $2, decline_note = $3, \
         answered_at = $4 WHERE id = $5 AND status = 'pending'",
    )
    .bind(to.as_db())
    .bind(reason.map(DeclineReason::as_db))
    .bind(note.to_owned())
    .bind(now)
    .bind(request_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if changed == 1 {
        Ok(())
    } else {
        Err(MentoringError::AlreadyAnswered.into())
    }
}

pub async fn withdraw(request_id: i64) -> Result<(), AppError> {
    let user = require_user().await?;
    let mut tx = state()?.db.begin_write().await?;
    let head = request_head(&mut tx, request_id).await?;
    authorize(
        &user,
        Permission::OwnRecord {
            owner: head.mentee_id,
        },
    )?;
    let to = transition(head.status, RequestAction::Withdraw)?;
    answer(&mut tx, request_id, to, None, "", unix_now()).await?;
    notify(
        &mut tx,
        head.mentor_id,
        NotificationKind::MentoringWithdrawn,
        &head.mentee_name,
        "/mentoring/permintaan",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn desk() -> Result<MentorDesk, AppError> {
    let user = require_user().await?;
    authorize(&user, Permission::ActAsMentor)?;
    let db = &state()?.db;
    let head =
        sqlx::query("SELECT capacity, active_mentees FROM mentor_profile WHERE employee_id = $1")
            .bind(user.employee_id)
            .fetch_one(&db.pool)
            .await?;
    let rows = sqlx::query(&format!(
        "SELECT {REQUEST_COLUMNS}, me.id AS mentee_id {REQUEST_JOINS} \
         WHERE r.mentor_id = $1 AND r.status = 'pending' ORDER BY r.created_at, r.id"
    ))
    .bind(user.employee_id)
    .fetch_all(&db.pool)
    .await?;
    // One query for every mentee (one mentee may ask about several competencies).
    let gaps = gaps_of_people(
        db,
        "SELECT r.mentee_id FROM mentoring_request r \
         WHERE r.mentor_id = $1 AND r.status = 'pending'",
        user.employee_id,
    )
    .await?;
    let pending = rows
        .iter()
        .map(|r| {
            let mut view = request_view(r);
            let mut mentee_gaps = gaps
                .get(&r.get::<i64, _>("mentee_id"))
                .cloned()
                .unwrap_or_default();
            sort_by_gap(&mut mentee_gaps);
            mentee_gaps.retain(|g| g.gap() > 0);
            view.mentee_gaps = mentee_gaps;
            view
        })
        .collect();
    Ok(MentorDesk {
        capacity: head.get::<i64, _>("capacity").clamp(0, 10) as u8,
        active_mentees: head.get::<i64, _>("active_mentees").clamp(0, 10) as u8,
        pending,
        mentorships: mentorships_of(db, "mentor_id", user.employee_id).await?,
    })
}

/// Accepting claims one of the mentor's places with a conditional UPDATE: however many
/// accepts arrive at once, the database lets only as many through as there are places
/// (PostgreSQL re-checks the condition after the row lock, SQLite writes one at a time).
pub async fn accept(request_id: i64, now: i64) -> Result<(), AppError> {
    let user = require_user().await?;
    let mut tx = state()?.db.begin_write().await?;
    let head = request_head(&mut tx, request_id).await?;
    authorize(
        &user,
        Permission::AnswerRequest {
            mentor: head.mentor_id,
        },
    )?;
    let to = transition(head.status, RequestAction::Accept)?;
    let claimed = sqlx::query(
        "UPDATE mentor_profile SET active_mentees = active_mentees + 1 \
         WHERE employee_id = $1 AND active = 1 AND active_mentees < capacity",
    )
    .bind(head.mentor_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if claimed != 1 {
        return Err(MentoringError::MentorFull.into());
    }
    answer(&mut tx, request_id, to, None, "", now).await?;
    let mentorship_id: i64 = sqlx::query(
        "INSERT INTO mentorship \
         (request_id, mentor_id, mentee_id, competency_id, goal, status, started_at) \
         VALUES ($1, $2, $3, $4, $5, 'active', $6) RETURNING id",
    )
    .bind(request_id)
    .bind(head.mentor_id)
    .bind(head.mentee_id)
    .bind(head.competency_id)
    .bind(head.goal)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?
    .get("id");
    notify(
        &mut tx,
        head.mentee_id,
        NotificationKind::MentoringAccepted,
        &head.mentor_name,
        &format!("/mentoring/bimbingan/{mentorship_id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn decline(request_id: i64, reason: &str, note: &str) -> Result<(), AppError> {
    let user = require_user().await?;
    let mut tx = state()?.db.begin_write().await?;
    let head = request_head(&mut tx, request_id).await?;
    authorize(
        &user,
        Permission::AnswerRequest {
            mentor: head.mentor_id,
        },
    )?;
    let to = transition(head.status, RequestAction::Decline)?;
    let (reason, note) = validate_decline(reason, note)?;
    answer(&mut tx, request_id, to, Some(reason), &note, unix_now()).await?;
    notify(
        &mut tx,
        head.mentee_id,
        NotificationKind::MentoringDeclined,
        &head.mentor_name,
        &format!("/mentoring?kompetensi={}", head.competency_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What the clock did: reminders sent and requests expired.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sweep {
    pub reminded: usize,
    pub expired: usize,
}

/// Reminds mentors of requests expiring within a day and expires the overdue ones, as of
/// `now` (the server passes the system clock; tests pass the time they need).
pub async fn sweep(db: &Db, now: i64) -> Result<Sweep, AppError> {
    let mut tx = db.begin_write().await?;
    let rows = sqlx::query(
        "SELECT r.id, r.mentee_id, r.mentor_id, r.expires_at, r.reminded_at, r.competency_id, \
                mt.name AS mentor_name \
         FROM mentoring_request r JOIN employee mt ON mt.id = r.mentor_id \
         WHERE r.status = 'pending' AND r.expires_at <= $1",
    )
    .bind(now + DAY)
    .fetch_all(&mut *tx)
    .await?;
    let mut done = Sweep::default();
    for r in &rows {
        let id: i64 = r.get("id");
        match due(
            now,
            r.get("expires_at"),
            r.get::<Option<i64>, _>("reminded_at").is_some(),
        ) {
            Some(Due::Expire) => {
                let to = transition(RequestStatus::Pending, RequestAction::Expire)?;
                // Another server process may have expired it a moment ago: skip it then.
                if answer(&mut tx, id, to, None, "", now).await.is_err() {
                    continue;
                }
                notify(
                    &mut tx,
                    r.get("mentee_id"),
                    NotificationKind::MentoringExpired,
                    &r.get::<String, _>("mentor_name"),
                    &format!("/mentoring?kompetensi={}", r.get::<i64, _>("competency_id")),
                )
                .await?;
                done.expired += 1;
            }
            Some(Due::Remind) => {
                let marked = sqlx::query(
                    "UPDATE mentoring_request SET reminded_at = $1 \
                     WHERE id = $2 AND status = 'pending' AND reminded_at IS NULL",
                )
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if marked == 1 {
                    notify(
                        &mut tx,
                        r.get("mentor_id"),
                        NotificationKind::MentoringReminder,
                        "",
                        "/mentoring/permintaan",
                    )
                    .await?;
                    done.reminded += 1;
                }
            }
            None => {}
        }
    }
    tx.commit().await?;
    Ok(done)
}
