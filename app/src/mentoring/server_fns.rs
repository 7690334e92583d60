//! Server functions of mentoring: the mentee's page and requests, the mentor's profile and
//! desk, and the mentorship with its sessions and feedback.

use leptos::prelude::*;

use super::{
    FindMentorPage, MentorDesk, MentorProfileView, MentorshipView,
    rules::{ProfileInput, SessionInput},
};
use crate::error::AppError;

/// The mentee's Mentoring page; recommendations for `kompetensi` (the largest gap when none).
#[server(endpoint = "mentoring")]
pub async fn get_find_mentor(
    #[server(default)] kompetensi: Option<i64>,
) -> Result<FindMentorPage, AppError> {
    crate::error::respond(ssr::find_mentor(kompetensi).await)
}

/// Sends a request to a mentor for a competency, with a goal and a message.
#[server(endpoint = "mentoring-minta")]
pub async fn send_mentoring_request(
    mentor_id: i64,
    competency_id: i64,
    goal: String,
    message: String,
) -> Result<(), AppError> {
    let page = format!("/mentoring?kompetensi={competency_id}");
    let result = ssr::send_request(mentor_id, competency_id, &goal, &message).await;
    crate::error::form_result(result, &format!("{page}&terkirim=1"), &page)
}

/// The mentee takes back a pending request.
#[server(endpoint = "mentoring-tarik")]
pub async fn withdraw_mentoring_request(request_id: i64) -> Result<(), AppError> {
    crate::error::form_result(ssr::withdraw(request_id).await, "/mentoring", "/mentoring")
}

/// The logged-in person's mentor profile (or the empty form to opt in).
#[server(endpoint = "mentor-profil")]
pub async fn get_mentor_profile() -> Result<MentorProfileView, AppError> {
    crate::error::respond(ssr::profile().await)
}

/// Opts in as a mentor, or changes the profile.
#[server(endpoint = "mentor-profil-simpan")]
pub async fn save_mentor_profile(profile: ProfileInput) -> Result<(), AppError> {
    let result = ssr::save_profile(profile).await;
    crate::error::form_result(result, "/mentoring/profil?tersimpan=1", "/mentoring/profil")
}

/// The mentor's desk: requests waiting for an answer and current mentees.
#[server(endpoint = "mentor-meja")]
pub async fn get_mentor_desk() -> Result<MentorDesk, AppError> {
    crate::error::respond(ssr::desk().await)
}

/// The addressed mentor accepts a request: a mentorship starts.
#[server(endpoint = "mentoring-terima")]
pub async fn accept_mentoring_request(request_id: i64) -> Result<(), AppError> {
    let result = ssr::accept(request_id, crate::db::unix_now()).await;
    crate::error::form_result(result, "/mentoring/permintaan", "/mentoring/permintaan")
}

/// The addressed mentor declines a request with a reason from the list and a note.
#[server(endpoint = "mentoring-tolak")]
pub async fn decline_mentoring_request(
    request_id: i64,
    alasan: String,
    catatan: String,
) -> Result<(), AppError> {
    let result = ssr::decline(request_id, &alasan, &catatan).await;
    crate::error::form_result(result, "/mentoring/permintaan", "/mentoring/permintaan")
}

/// One mentorship, for its mentor or mentee only.
#[server(endpoint = "bimbingan")]
pub async fn get_mentorship(id: i64) -> Result<MentorshipView, AppError> {
    crate::error::respond(ssr::mentorship(id).await)
}

/// Logs a session; the side who logs it confirms it at once.
#[server(endpoint = "bimbingan-sesi")]
pub async fn log_mentoring_session(
    mentorship_id: i64,
    session: SessionInput,
) -> Result<(), AppError> {
    let page = format!("/mentoring/bimbingan/{mentorship_id}");
    crate::error::form_result(ssr::log_session(mentorship_id, session).await, &page, &page)
}

/// The other side confirms a session; once both have, the mentee earns its JP.
#[server(endpoint = "bimbingan-konfirmasi")]
pub async fn confirm_mentoring_session(session_id: i64) -> Result<(), AppError> {
    crate::error::form_result_to(
        ssr::confirm_session(session_id).await,
        |mentorship_id| format!("/mentoring/bimbingan/{mentorship_id}"),
        "/mentoring",
    )
}

/// Adds a goal to a running mentorship (either side).
#[server(endpoint = "bimbingan-tujuan")]
pub async fn add_mentorship_goal(mentorship_id: i64, tujuan: String) -> Result<(), AppError> {
    let page = format!("/mentoring/bimbingan/{mentorship_id}");
    crate::error::form_result(ssr::add_goal(mentorship_id, &tujuan).await, &page, &page)
}

/// Sets the progress of a goal, in percent (either side).
#[server(endpoint = "bimbingan-kemajuan")]
pub async fn set_goal_progress(goal_id: i64, kemajuan: String) -> Result<(), AppError> {
    crate::error::form_result_to(
        ssr::set_progress(goal_id, &kemajuan).await,
        |mentorship_id| format!("/mentoring/bimbingan/{mentorship_id}"),
        "/mentoring",
    )
}

/// Answers "a good fit?" (`cocok = "ya"` or `"tidak"`); "tidak" ends the pairing politely and
/// offers the mentee the next recommendations.
#[server(endpoint = "bimbingan-cocok")]
pub async fn answer_fit_check(mentorship_id: i64, cocok: String) -> Result<(), AppError> {
    let page = format!("/mentoring/bimbingan/{mentorship_id}");
    crate::error::form_result(ssr::answer_fit(mentorship_id, &cocok).await, &page, &page)
}

/// Ends a mentorship (while active) and gives the closing feedback; after the other side
/// ended it, gives the feedback only.
#[server(endpoint = "bimbingan-akhiri")]
pub async fn end_mentorship(
    mentorship_id: i64,
    nilai: String,
    komentar: String,
) -> Result<(), AppError> {
    let page = format!("/mentoring/bimbingan/{mentorship_id}");
    crate::error::form_result(
        ssr::end(mentorship_id, &nilai, &komentar).await,
        &format!("{page}?selesai=1"),
        &page,
    )
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use std::collections::HashMap;

    use sqlx::{Any, Row, Transaction, any::AnyRow};

    use super::*;
    use crate::{
        auth::{
            CurrentUser, Permission, authorize,
            ssr::{audit, require_user, state},
        },
        calendar::{IsoDate, wita_date_time},
        competency::{
            CompetencyGap,
            gap::sort_by_gap,
            ssr::{gaps_of, gaps_of_people, latest_level},
        },
        db::{Db, unix_now},
        jp::{
            AmountUnit, DevPath,
            ssr::{VerifiedActivity, record_verified},
        },
        mentoring::{
            DeclineReason, Expertise, GoalView, MentorMode, MentoringError, MentorshipSummary,
            Recommendation, RequestAction, RequestStatus, RequestView, SessionMode, SessionView,
            offers::{Offering, offered},
            request::{DAY, Due, due},
            rules::{
                MAX_GOALS, MIN_EXPERTISE_LEVEL, fit_check_due, validate_decline, validate_feedback,
                validate_goal, validate_profile, validate_progress, validate_request,
                validate_session,
            },
            score::{MenteeNeed, score},
            transition,
        },
        notify::{NotificationKind, ssr::notify},
        settings::Settings,
    };

    type Tx = Transaction<'static, Any>;

    /// Recommendations shown at once.
    const RECOMMENDATIONS: usize = 8;

    fn level(value: Option<i64>) -> Option<u8> {
        value.map(|l| l.clamp(0, 5) as u8)
    }

    fn mentor_mode(text: &str) -> MentorMode {
        MentorMode::from_db(text).unwrap_or(MentorMode::Both)
    }

    /// A unique-index refusal (two pending requests for one competency sent at once).
    fn is_unique_violation(e: &sqlx::Error) -> bool {
        matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
    }

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
                let scored = score(&need, &o.offer, &settings.mentor_rules)?;
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

    const REQUEST_COLUMNS: &str = "r.id, me.name, me.jabatan, mo.name, ml.name, mt.name, c.code, \
         c.name, r.goal, r.message, r.status, r.decline_reason, r.decline_note, r.created_at, \
         r.expires_at";

    const REQUEST_JOINS: &str = "FROM mentoring_request r \
         JOIN employee me ON me.id = r.mentee_id \
         JOIN opd mo ON mo.id = me.opd_id \
         JOIN location ml ON ml.id = me.location_id \
         JOIN employee mt ON mt.id = r.mentor_id \
         JOIN competency c ON c.id = r.competency_id";

    fn request_view(r: &AnyRow) -> RequestView {
        RequestView {
            id: r.get(0),
            mentee_name: r.get(1),
            mentee_jabatan: r.get(2),
            mentee_opd: r.get(3),
            mentee_location: r.get(4),
            mentor_name: r.get(5),
            competency_code: r.get(6),
            competency_name: r.get(7),
            goal: r.get(8),
            message: r.get(9),
            status: RequestStatus::from_db(&r.get::<String, _>(10))
                .unwrap_or(RequestStatus::Pending),
            decline_reason: r
                .get::<Option<String>, _>(11)
                .and_then(|s| DeclineReason::from_db(&s)),
            decline_note: r.get(12),
            sent_at: wita_date_time(r.get(13)),
            expires_at: wita_date_time(r.get(14)),
            mentee_gaps: Vec::new(),
        }
    }

    /// Mentorships of one person on one side (`mentor_id` or `mentee_id`).
    async fn mentorships_of(
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
            "SELECT m.id, e.name, c.code, c.name, m.status, \
                    (SELECT COUNT(*) FROM mentoring_session s WHERE s.mentorship_id = m.id \
                     AND s.mentor_confirmed = 1 AND s.mentee_confirmed = 1) \
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
                id: r.get(0),
                partner_name: r.get(1),
                competency_code: r.get(2),
                competency_name: r.get(3),
                active: r.get::<String, _>(4) == "active",
                confirmed_sessions: r.get::<i64, _>(5).max(0) as u32,
            })
            .collect())
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
        if !state
            .settings
            .mentor_rules
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
            "SELECT r.mentee_id, r.mentor_id, r.competency_id, r.goal, r.status, me.name, mt.name \
             FROM mentoring_request r JOIN employee me ON me.id = r.mentee_id \
             JOIN employee mt ON mt.id = r.mentor_id WHERE r.id = $1",
        )
        .bind(request_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(AppError::NotFound)?;
        Ok(RequestHead {
            mentee_id: r.get(0),
            mentor_id: r.get(1),
            competency_id: r.get(2),
            goal: r.get(3),
            status: RequestStatus::from_db(&r.get::<String, _>(4)).ok_or(AppError::Internal)?,
            mentee_name: r.get(5),
            mentor_name: r.get(6),
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

    // ----- The mentor -----

    /// What a person may offer as a mentor: competencies assessed at level 3 or more, plus
    /// whatever their profile already offers.
    async fn expertise_options(db: &Db, employee_id: i64) -> Result<Vec<Expertise>, AppError> {
        let rows = sqlx::query(&format!(
            "SELECT c.id, c.code, c.name, {}, \
                    CASE WHEN EXISTS (SELECT 1 FROM mentor_expertise x WHERE x.employee_id = $1 \
                         AND x.competency_id = c.id) THEN 1 ELSE 0 END \
             FROM competency c WHERE c.retired = 0 ORDER BY c.code",
            latest_level("$1", "c.id")
        ))
        .bind(employee_id)
        .fetch_all(&db.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Expertise {
                competency_id: r.get(0),
                code: r.get(1),
                name: r.get(2),
                level: level(r.get(3)),
                chosen: r.get::<i64, _>(4) == 1,
            })
            .filter(|e| e.chosen || e.level.is_some_and(|l| l >= MIN_EXPERTISE_LEVEL))
            .collect())
    }

    pub async fn profile() -> Result<MentorProfileView, AppError> {
        let user = require_user().await?;
        let db = &state()?.db;
        let head = sqlx::query(
            "SELECT capacity, active_mentees, mode, bio, accepting, active FROM mentor_profile \
             WHERE employee_id = $1",
        )
        .bind(user.employee_id)
        .fetch_optional(&db.pool)
        .await?;
        let expertise = expertise_options(db, user.employee_id).await?;
        Ok(match head {
            Some(h) => MentorProfileView {
                is_mentor: h.get::<i64, _>(5) == 1,
                capacity: h.get::<i64, _>(0).clamp(1, 10) as u8,
                active_mentees: h.get::<i64, _>(1).clamp(0, 10) as u8,
                mode: mentor_mode(&h.get::<String, _>(2)),
                bio: h.get(3),
                accepting: h.get::<i64, _>(4) == 1,
                expertise,
            },
            None => MentorProfileView {
                is_mentor: false,
                capacity: 2,
                active_mentees: 0,
                mode: MentorMode::Both,
                bio: String::new(),
                accepting: true,
                expertise,
            },
        })
    }

    pub async fn save_profile(input: ProfileInput) -> Result<(), AppError> {
        let user = require_user().await?;
        let profile = validate_profile(&input)?;
        let db = &state()?.db;
        // Only competencies assessed at level 3 or more may be offered.
        let levels: HashMap<i64, Option<u8>> = expertise_options(db, user.employee_id)
            .await?
            .iter()
            .map(|e| (e.competency_id, e.level))
            .collect();
        let qualified = |id: &i64| {
            levels
                .get(id)
                .copied()
                .flatten()
                .is_some_and(|l| l >= MIN_EXPERTISE_LEVEL)
        };
        if !profile.expertise.iter().all(qualified) {
            return Err(MentoringError::ExpertiseLevelTooLow.into());
        }
        let mut tx = db.begin_write().await?;
        let active: i64 =
            sqlx::query("SELECT active_mentees FROM mentor_profile WHERE employee_id = $1")
                .bind(user.employee_id)
                .fetch_optional(&mut *tx)
                .await?
                .map_or(0, |r| r.get(0));
        if i64::from(profile.capacity) < active {
            return Err(MentoringError::CapacityBelowActive.into());
        }
        let now = unix_now();
        sqlx::query(
            "INSERT INTO mentor_profile \
             (employee_id, capacity, mode, bio, accepting, active, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 1, $6) \
             ON CONFLICT (employee_id) DO UPDATE SET capacity = $2, mode = $3, bio = $4, \
             accepting = $5, active = 1, updated_at = $6",
        )
        .bind(user.employee_id)
        .bind(i64::from(profile.capacity))
        .bind(profile.mode.as_db())
        .bind(profile.bio)
        .bind(i64::from(profile.accepting))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM mentor_expertise WHERE employee_id = $1")
            .bind(user.employee_id)
            .execute(&mut *tx)
            .await?;
        for competency_id in &profile.expertise {
            sqlx::query(
                "INSERT INTO mentor_expertise (employee_id, competency_id) VALUES ($1, $2)",
            )
            .bind(user.employee_id)
            .bind(*competency_id)
            .execute(&mut *tx)
            .await?;
        }
        audit(&mut tx, Some(user.account_id), "mentor_profile", "").await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn desk() -> Result<MentorDesk, AppError> {
        let user = require_user().await?;
        authorize(&user, Permission::ActAsMentor)?;
        let db = &state()?.db;
        let head = sqlx::query(
            "SELECT capacity, active_mentees FROM mentor_profile WHERE employee_id = $1",
        )
        .bind(user.employee_id)
        .fetch_one(&db.pool)
        .await?;
        let rows = sqlx::query(&format!(
            "SELECT {REQUEST_COLUMNS}, me.id {REQUEST_JOINS} \
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
                let mut mentee_gaps = gaps.get(&r.get::<i64, _>(15)).cloned().unwrap_or_default();
                sort_by_gap(&mut mentee_gaps);
                mentee_gaps.retain(|g| g.gap() > 0);
                view.mentee_gaps = mentee_gaps;
                view
            })
            .collect();
        Ok(MentorDesk {
            capacity: head.get::<i64, _>(0).clamp(0, 10) as u8,
            active_mentees: head.get::<i64, _>(1).clamp(0, 10) as u8,
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
        .get(0);
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
                    mt.name \
             FROM mentoring_request r JOIN employee mt ON mt.id = r.mentor_id \
             WHERE r.status = 'pending' AND r.expires_at <= $1",
        )
        .bind(now + DAY)
        .fetch_all(&mut *tx)
        .await?;
        let mut done = Sweep::default();
        for r in &rows {
            let id: i64 = r.get(0);
            match due(now, r.get(3), r.get::<Option<i64>, _>(4).is_some()) {
                Some(Due::Expire) => {
                    let to = transition(RequestStatus::Pending, RequestAction::Expire)?;
                    // Another server process may have expired it a moment ago: skip it then.
                    if answer(&mut tx, id, to, None, "", now).await.is_err() {
                        continue;
                    }
                    notify(
                        &mut tx,
                        r.get(1),
                        NotificationKind::MentoringExpired,
                        &r.get::<String, _>(6),
                        &format!("/mentoring?kompetensi={}", r.get::<i64, _>(5)),
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
                            r.get(2),
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
        E: sqlx::Executor<'e, Database = Any>,
    {
        let r = sqlx::query(
            "SELECT m.mentor_id, m.mentee_id, mt.name, me.name, c.code, c.name, m.goal, m.status, \
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
            mentor_id: r.get(0),
            mentee_id: r.get(1),
            mentor_name: r.get(2),
            mentee_name: r.get(3),
            competency_code: r.get(4),
            competency_name: r.get(5),
            goal: r.get(6),
            active: r.get::<String, _>(7) == "active",
            started_at: r.get(8),
            competency_id: r.get(9),
            fit_mentor: r.get(10),
            fit_mentee: r.get(11),
            end_reason: r.get(12),
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
            id: r.get(0),
            held_on: r.get(1),
            minutes: r.get::<i64, _>(2).max(0) as u32,
            mode: SessionMode::from_db(&r.get::<String, _>(3)).unwrap_or(SessionMode::Online),
            notes: r.get(4),
            mentor_confirmed: r.get::<i64, _>(5) == 1,
            mentee_confirmed: r.get::<i64, _>(6) == 1,
            jp: r.get::<Option<i64>, _>(7).map(|jp| jp.max(0) as u32),
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
            id: r.get(0),
            text: r.get(1),
            progress: r.get::<i64, _>(2).clamp(0, 100) as u8,
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

    pub async fn log_session(mentorship_id: i64, input: SessionInput) -> Result<(), AppError> {
        let user = require_user().await?;
        let mut tx = state()?.db.begin_write().await?;
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
        let mentorship_id: i64 = s.get(0);
        let head = mentorship_head(&mut *tx, mentorship_id).await?;
        let viewer_is_mentor = head.side_of(&user)?;
        let (mine, theirs) = if viewer_is_mentor {
            (s.get::<i64, _>(2), s.get::<i64, _>(3))
        } else {
            (s.get::<i64, _>(3), s.get::<i64, _>(2))
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
        if theirs == 1 && s.get::<Option<i64>, _>(4).is_none() {
            let held_on: String = s.get(1);
            let held_on = IsoDate::parse(&held_on).ok_or(AppError::Internal)?;
            let activity = VerifiedActivity {
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
                verified_by: head.mentor_id,
            };
            let entry_id =
                record_verified(&mut tx, &settings.jp_rules(), &activity, unix_now()).await?;
            sqlx::query("UPDATE mentoring_session SET jp_entry_id = $1 WHERE id = $2")
                .bind(entry_id)
                .bind(session_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(mentorship_id)
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

    pub async fn add_goal(mentorship_id: i64, text: &str) -> Result<(), AppError> {
        let user = require_user().await?;
        let mut tx = state()?.db.begin_write().await?;
        let head = mentorship_head(&mut *tx, mentorship_id).await?;
        head.side_of(&user)?;
        if !head.active {
            return Err(MentoringError::NotActive.into());
        }
        let goal = validate_goal(text)?;
        let goals: i64 =
            sqlx::query("SELECT COUNT(*) FROM mentorship_goal WHERE mentorship_id = $1")
                .bind(mentorship_id)
                .fetch_one(&mut *tx)
                .await?
                .get(0);
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
        let mentorship_id: i64 =
            sqlx::query("SELECT mentorship_id FROM mentorship_goal WHERE id = $1")
                .bind(goal_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?
                .get(0);
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
        let good_fit = match answer {
            "ya" => true,
            "tidak" => false,
            _ => return Err(MentoringError::FitNotDue.into()),
        };
        let mut tx = state()?.db.begin_write().await?;
        let head = mentorship_head(&mut *tx, mentorship_id).await?;
        let viewer_is_mentor = head.side_of(&user)?;
        let confirmed: i64 = sqlx::query(
            "SELECT COUNT(*) FROM mentoring_session WHERE mentorship_id = $1 \
             AND mentor_confirmed = 1 AND mentee_confirmed = 1",
        )
        .bind(mentorship_id)
        .fetch_one(&mut *tx)
        .await?
        .get(0);
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
}
