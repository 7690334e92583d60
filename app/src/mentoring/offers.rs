//! The mentors offering a competency with everything the score needs, read by one query for
//! the mentee's recommendations, the request check and bulk matching.

use sqlx::{Any, Executor, Row};

use super::{MentorCard, MentorMode, score::MentorOffer};
use crate::{competency::queries::latest_level, error::AppError};

/// Which mentors to read.
#[derive(Debug, Clone, Copy)]
pub enum Offering {
    /// Mentors taking requests with a place left. With a mentee: not the mentee themself, and
    /// none the mentee already asked for this competency (unless withdrawn) or is paired with.
    Open { for_mentee: Option<i64> },
    /// One mentor, whatever their state, so the caller can say why they cannot be asked.
    Mentor(i64),
}

/// An active mentor offering the competency.
#[derive(Debug, Clone)]
pub struct Offered {
    pub mentor: MentorCard,
    pub accepting: bool,
    /// Level 0 when never assessed in the competency (no rule then allows the mentor).
    pub offer: MentorOffer,
}

pub async fn offered<'c, E>(
    db: E,
    competency_id: i64,
    which: Offering,
) -> Result<Vec<Offered>, AppError>
where
    E: Executor<'c, Database = Any>,
{
    let (filter, person) = match which {
        Offering::Open { for_mentee: None } => (
            "p.accepting = 1 AND p.active_mentees < p.capacity AND $2 = 0",
            0,
        ),
        Offering::Open {
            for_mentee: Some(mentee),
        } => (
            "p.accepting = 1 AND p.active_mentees < p.capacity AND p.employee_id <> $2 \
             AND NOT EXISTS (SELECT 1 FROM mentoring_request r \
                 WHERE r.mentee_id = $2 AND r.mentor_id = p.employee_id \
                   AND r.competency_id = $1 AND r.status <> 'withdrawn') \
             AND NOT EXISTS (SELECT 1 FROM mentorship m \
                 WHERE m.mentee_id = $2 AND m.mentor_id = p.employee_id AND m.status = 'active')",
            mentee,
        ),
        Offering::Mentor(mentor) => ("p.employee_id = $2", mentor),
    };
    let rows = sqlx::query(&format!(
        "SELECT p.employee_id, e.name, e.jabatan, o.name AS opd_name, l.name AS location_name, \
                p.bio, p.accepting, p.capacity, p.active_mentees, p.mode, e.opd_id, {} AS level, \
                (SELECT CAST(COALESCE(SUM(f.rating), 0) AS BIGINT) FROM mentoring_feedback f \
                 WHERE f.about_employee_id = p.employee_id) AS rating_sum, \
                (SELECT COUNT(*) FROM mentoring_feedback f \
                 WHERE f.about_employee_id = p.employee_id) AS rating_count \
         FROM mentor_profile p \
         JOIN mentor_expertise x ON x.employee_id = p.employee_id AND x.competency_id = $1 \
         JOIN employee e ON e.id = p.employee_id \
         JOIN opd o ON o.id = e.opd_id \
         JOIN location l ON l.id = e.location_id \
         WHERE p.active = 1 AND {filter} ORDER BY p.employee_id",
        latest_level("p.employee_id", "$1")
    ))
    .bind(competency_id)
    .bind(person)
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            let (sum, count): (i64, i64) = (r.get("rating_sum"), r.get("rating_count"));
            Offered {
                mentor: MentorCard {
                    mentor_id: r.get("employee_id"),
                    name: r.get("name"),
                    jabatan: r.get("jabatan"),
                    opd_name: r.get("opd_name"),
                    location_name: r.get("location_name"),
                    bio: r.get("bio"),
                },
                accepting: r.get::<i64, _>("accepting") == 1,
                offer: MentorOffer {
                    capacity: r.get::<i64, _>("capacity").clamp(0, 10) as u8,
                    active_mentees: r.get::<i64, _>("active_mentees").clamp(0, 10) as u8,
                    mode: MentorMode::from_db(&r.get::<String, _>("mode"))
                        .unwrap_or(MentorMode::Both),
                    opd_id: r.get("opd_id"),
                    level: r.get::<Option<i64>, _>("level").unwrap_or(0).clamp(0, 5) as u8,
                    rating: (count > 0).then(|| (sum as f32 / count as f32, count as u32)),
                },
            }
        })
        .collect())
}
