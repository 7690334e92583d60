//! The mentor profile on the server: what a person may offer, reading and saving it.

use std::collections::HashMap;

use sqlx::Row;

use crate::{
    auth::queries::{audit, require_user, state},
    competency::queries::latest_level,
    db::{Db, unix_now},
    error::AppError,
    mentoring::{
        Expertise, MentorMode, MentorProfileView, MentoringError,
        rules::ProfileInput,
        rules::{MIN_EXPERTISE_LEVEL, validate_profile},
    },
};

fn level(value: Option<i64>) -> Option<u8> {
    value.map(|l| l.clamp(0, 5) as u8)
}

fn mentor_mode(text: &str) -> MentorMode {
    MentorMode::from_db(text).unwrap_or(MentorMode::Both)
}

/// The competencies mentors take requests for now (an active profile, taking requests, a
/// place left), each with whether one of them meets online; never `except` themself. What
/// a plan's suggestion needs; the mentee's recommendations apply the level rules on top.
pub async fn open_expertise(db: &Db, except: i64) -> Result<Vec<(i64, bool)>, AppError> {
    Ok(sqlx::query(
        "SELECT x.competency_id, CAST(MAX(CASE WHEN p.mode IN ('online', 'both') THEN 1 \
                ELSE 0 END) AS BIGINT) AS online \
         FROM mentor_expertise x JOIN mentor_profile p ON p.employee_id = x.employee_id \
         WHERE p.active = 1 AND p.accepting = 1 AND p.active_mentees < p.capacity \
           AND p.employee_id <> $1 \
         GROUP BY x.competency_id",
    )
    .bind(except)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| (r.get("competency_id"), r.get::<i64, _>("online") == 1))
    .collect())
}

// ----- The mentor -----

/// What a person may offer as a mentor: competencies assessed at level 3 or more, plus
/// whatever their profile already offers.
async fn expertise_options(db: &Db, employee_id: i64) -> Result<Vec<Expertise>, AppError> {
    let rows = sqlx::query(&format!(
        "SELECT c.id, c.code, c.name, {} AS level, \
                CASE WHEN EXISTS (SELECT 1 FROM mentor_expertise x WHERE x.employee_id = $1 \
                     AND x.competency_id = c.id) THEN 1 ELSE 0 END AS chosen \
         FROM competency c WHERE c.retired = 0 ORDER BY c.code",
        latest_level("$1", "c.id")
    ))
    .bind(employee_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Expertise {
            competency_id: r.get("id"),
            code: r.get("code"),
            name: r.get("name"),
            level: level(r.get("level")),
            chosen: r.get::<i64, _>("chosen") == 1,
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
            is_mentor: h.get::<i64, _>("active") == 1,
            capacity: h.get::<i64, _>("capacity").clamp(1, 10) as u8,
            active_mentees: h.get::<i64, _>("active_mentees").clamp(0, 10) as u8,
            mode: mentor_mode(&h.get::<String, _>("mode")),
            bio: h.get("bio"),
            accepting: h.get::<i64, _>("accepting") == 1,
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
    let existing =
        sqlx::query("SELECT active_mentees, active FROM mentor_profile WHERE employee_id = $1")
            .bind(user.employee_id)
            .fetch_optional(&mut *tx)
            .await?;
    // A profile the admin deactivated stays so: saving it must not make a mentor again.
    if existing
        .as_ref()
        .is_some_and(|r| r.get::<i64, _>("active") == 0)
    {
        return Err(MentoringError::RemovedByAdmin.into());
    }
    let active = existing.map_or(0, |r| r.get::<i64, _>("active_mentees"));
    if i64::from(profile.capacity) < active {
        return Err(MentoringError::CapacityBelowActive.into());
    }
    let now = unix_now();
    sqlx::query(
        "INSERT INTO mentor_profile \
         (employee_id, capacity, mode, bio, accepting, active, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6) \
         ON CONFLICT (employee_id) DO UPDATE SET capacity = $2, mode = $3, bio = $4, \
         accepting = $5, updated_at = $6",
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
        sqlx::query("INSERT INTO mentor_expertise (employee_id, competency_id) VALUES ($1, $2)")
            .bind(user.employee_id)
            .bind(*competency_id)
            .execute(&mut *tx)
            .await?;
    }
    audit(&mut tx, Some(user.account_id), "mentor_profile", "").await?;
    tx.commit().await?;
    Ok(())
}
