//! Bulk matching on the server: the cohort, the candidates, the optimal proposal, and
//! publishing the kept pairs as requests in one transaction.

use crate::error::AppError;
use sqlx::Row;

use super::model::{
    BulkMatchPage, CohortFilter, MAX_COHORT, MentorChoice, PairChoice, ProgramChoice, Proposal,
    ProposedPair, UnmatchedMentee, UnmatchedReason,
};
use crate::{
    auth::queries::{audit, require_admin, state},
    calendar::this_year,
    competency::queries::{competency_choices, latest_level},
    db::{Db, unix_now},
    mentoring::{
        MentoringError,
        matching::{Candidate, Cohort, assign},
        offers::{Offered, Offering, offered},
        request::state::DAY,
        rules::{MAX_EXPERTISE, MIN_EXPERTISE_LEVEL},
        score::{MenteeNeed, score},
    },
    notify::{NotificationKind, queries::notify},
    org::{AccessClass, queries::opd_choices},
    settings::Settings,
};

use crate::mentoring::score::MatchRules;
use crate::{mentoring::bulk::MentorDesignation, validation::FormValue};
use std::collections::{HashMap, HashSet};

/// Other mentors offered per pair for a swap.
const ALTERNATIVES: usize = 4;

struct Mentee {
    id: i64,
    name: String,
    opd: String,
    need: MenteeNeed,
}

/// Whose needs [`mentees`] reads.
enum MenteeScope<'a> {
    /// The city or one OPD, optionally only a programme's participants.
    Cohort {
        opd: Option<i64>,
        program: Option<i64>,
    },
    /// Just these people (the pairs an admin publishes).
    People(&'a [i64]),
}

/// Mentees of the scope with a gap in the competency and no request or mentorship for it
/// running, largest gap first; at most `limit`.
async fn mentees(
    db: &Db,
    competency_id: i64,
    scope: MenteeScope<'_>,
    limit: usize,
) -> Result<Vec<Mentee>, AppError> {
    let (scope_sql, binds) = match scope {
        MenteeScope::Cohort { opd, program } => (
            "($2 = 0 OR e.opd_id = $2) \
             AND ($3 = 0 OR EXISTS (SELECT 1 FROM dev_plan p \
                  JOIN dev_plan_item i ON i.plan_id = p.id \
                  WHERE p.employee_id = e.id AND p.year = $4 AND p.status = 'approved' \
                    AND i.program_id = $3 AND i.competency_id = $1))"
                .to_owned(),
            Some([
                opd.unwrap_or(0),
                program.unwrap_or(0),
                i64::from(this_year(unix_now())),
            ]),
        ),
        // Ids are integers formatted by Rust, not user text: nothing to inject; the Any
        // driver has no array binding to do it otherwise.
        MenteeScope::People([]) => return Ok(Vec::new()),
        MenteeScope::People(ids) => {
            let list: Vec<String> = ids.iter().map(i64::to_string).collect();
            (format!("e.id IN ({})", list.join(",")), None)
        }
    };
    let sql = format!(
        "SELECT e.id, e.name, o.name AS opd_name, e.opd_id, l.access_class, s.required_level, \
                COALESCE({}, 0) AS current_level \
         FROM employee e \
         JOIN position_standard s ON s.jabatan = e.jabatan AND s.competency_id = $1 \
         JOIN opd o ON o.id = e.opd_id JOIN location l ON l.id = e.location_id \
         WHERE {scope_sql} \
           AND NOT EXISTS (SELECT 1 FROM mentoring_request r WHERE r.mentee_id = e.id \
                           AND r.competency_id = $1 AND r.status = 'pending') \
           AND NOT EXISTS (SELECT 1 FROM mentorship m WHERE m.mentee_id = e.id \
                           AND m.competency_id = $1 AND m.status = 'active')",
        latest_level("e.id", "$1")
    );
    let mut query = sqlx::query(&sql).bind(competency_id);
    for value in binds.into_iter().flatten() {
        query = query.bind(value);
    }
    let rows = query.fetch_all(&db.pool).await?;
    let mut list: Vec<Mentee> = rows
        .iter()
        .map(|r| Mentee {
            id: r.get("id"),
            name: r.get("name"),
            opd: r.get("opd_name"),
            need: MenteeNeed {
                opd_id: r.get("opd_id"),
                access: AccessClass::from_db(&r.get::<String, _>("access_class")),
                required: r.get::<i64, _>("required_level").clamp(0, 5) as u8,
                current: r.get::<i64, _>("current_level").clamp(0, 5) as u8,
            },
        })
        .filter(|m| m.need.current < m.need.required)
        .collect();
    list.sort_by(|a, b| {
        let gap = |m: &Mentee| m.need.required - m.need.current;
        gap(b).cmp(&gap(a)).then(a.name.cmp(&b.name))
    });
    list.truncate(limit);
    Ok(list)
}

/// Every eligible (mentee, mentor) pair with its score, by index into the two lists.
fn candidates(settings: &Settings, mentees: &[Mentee], mentors: &[Offered]) -> Vec<Candidate> {
    let rules = MatchRules::from(settings);
    let mut all = Vec::new();
    for (m, mentee) in mentees.iter().enumerate() {
        for (t, mentor) in mentors.iter().enumerate() {
            if mentor.mentor.mentor_id == mentee.id {
                continue;
            }
            if let Some(s) = score(&mentee.need, &mentor.offer, &rules) {
                all.push(Candidate {
                    mentee: m,
                    mentor: t,
                    score: s.points,
                });
            }
        }
    }
    all
}

/// Programmes addressing the competency, newest first.
async fn programs_of(db: &Db, competency_id: i64) -> Result<Vec<ProgramChoice>, AppError> {
    Ok(sqlx::query(
        "SELECT p.id, p.title FROM program p \
         JOIN program_competency pc ON pc.program_id = p.id \
         WHERE pc.competency_id = $1 AND p.retired = 0 \
         ORDER BY p.starts_on DESC, p.title",
    )
    .bind(competency_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| ProgramChoice {
        id: r.get("id"),
        title: r.get("title"),
    })
    .collect())
}

pub async fn page(filter: CohortFilter) -> Result<BulkMatchPage, AppError> {
    require_admin().await?;
    let state = state()?;
    let db = &state.db;
    let competencies = competency_choices(db).await?;
    let opds = opd_choices(db).await?;
    let programs = match filter.kompetensi {
        Some(competency_id) => programs_of(db, competency_id).await?,
        None => Vec::new(),
    };
    let proposal = match filter.kompetensi {
        Some(competency_id) => {
            let code = competencies
                .iter()
                .find(|c| c.id == competency_id)
                .map(|c| c.code.clone())
                .ok_or(MentoringError::CompetencyUnknown)?;
            let scope = MenteeScope::Cohort {
                opd: filter.opd,
                program: filter.program,
            };
            Some(propose(db, &state.settings, competency_id, code, scope).await?)
        }
        None => None,
    };
    Ok(BulkMatchPage {
        competencies,
        opds,
        programs,
        filter,
        proposal,
    })
}

async fn propose(
    db: &Db,
    settings: &Settings,
    competency_id: i64,
    competency_code: String,
    scope: MenteeScope<'_>,
) -> Result<Proposal, AppError> {
    let mentees = mentees(db, competency_id, scope, MAX_COHORT).await?;
    let mentors = offered(&db.pool, competency_id, Offering::Open { for_mentee: None }).await?;
    let candidates = candidates(settings, &mentees, &mentors);
    let cohort = Cohort {
        mentees: mentees.len(),
        places: mentors
            .iter()
            .map(|t| u32::from(t.offer.places_left()))
            .collect(),
        candidates,
    };
    let result = assign(&cohort);
    let mut by_mentee: HashMap<usize, Vec<&Candidate>> = HashMap::new();
    for c in &cohort.candidates {
        by_mentee.entry(c.mentee).or_default().push(c);
    }
    let choice = |c: &Candidate| MentorChoice {
        mentor_id: mentors[c.mentor].mentor.mentor_id,
        name: mentors[c.mentor].mentor.name.clone(),
        score: c.score,
    };
    let pairs = result
        .pairs
        .iter()
        .map(|p| {
            let mut others: Vec<&Candidate> = by_mentee[&p.mentee]
                .iter()
                .copied()
                .filter(|c| c.mentor != p.mentor)
                .collect();
            others.sort_by(|a, b| b.score.cmp(&a.score).then(a.mentor.cmp(&b.mentor)));
            ProposedPair {
                mentee_id: mentees[p.mentee].id,
                mentee_name: mentees[p.mentee].name.clone(),
                mentee_opd: mentees[p.mentee].opd.clone(),
                mentor: choice(p),
                alternatives: others.into_iter().take(ALTERNATIVES).map(choice).collect(),
            }
        })
        .collect();
    let unmatched = result
        .unmatched
        .iter()
        .map(|&m| UnmatchedMentee {
            id: mentees[m].id,
            name: mentees[m].name.clone(),
            opd: mentees[m].opd.clone(),
            reason: if by_mentee.contains_key(&m) {
                UnmatchedReason::PlacesTaken
            } else {
                UnmatchedReason::NoEligibleMentor
            },
        })
        .collect();
    Ok(Proposal {
        competency_id,
        competency_code,
        mentees: mentees.len(),
        mentors: mentors.len(),
        places: cohort.places.iter().sum(),
        total_score: result.total_score,
        pairs,
        unmatched,
    })
}

pub async fn set_mentor(nip: &str, action: &str) -> Result<(), AppError> {
    let user = require_admin().await?;
    let nip = crate::org::nip::Nip::parse(nip)?;
    let db = &state()?.db;
    let employee_id: i64 = sqlx::query("SELECT id FROM employee WHERE nip = $1")
        .bind(nip.as_str().to_owned())
        .fetch_optional(&db.pool)
        .await?
        .ok_or(AppError::NotFound)?
        .get("id");
    let mut tx = db.begin_write().await?;
    match MentorDesignation::from_form(action) {
        Some(MentorDesignation::Designate) => {
            // Their strongest competencies (assessed at level 3 or more), best first.
            let mut strongest: Vec<(i64, i64)> = sqlx::query(&format!(
                "SELECT c.id, {} AS level FROM competency c WHERE c.retired = 0",
                latest_level("$1", "c.id")
            ))
            .bind(employee_id)
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .filter_map(|r| Some((r.get::<i64, _>("id"), r.get::<Option<i64>, _>("level")?)))
            .filter(|(_, level)| *level >= i64::from(MIN_EXPERTISE_LEVEL))
            .collect();
            strongest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            strongest.truncate(MAX_EXPERTISE);
            if strongest.is_empty() {
                return Err(MentoringError::ExpertiseLevelTooLow.into());
            }
            sqlx::query(
                "INSERT INTO mentor_profile \
                 (employee_id, capacity, mode, bio, accepting, active, updated_at) \
                 VALUES ($1, 2, 'both', '', 1, 1, $2) \
                 ON CONFLICT (employee_id) DO UPDATE SET active = 1, accepting = 1, updated_at = $2",
            )
            .bind(employee_id)
            .bind(unix_now())
            .execute(&mut *tx)
            .await?;
            let offered: i64 =
                sqlx::query("SELECT COUNT(*) AS n FROM mentor_expertise WHERE employee_id = $1")
                    .bind(employee_id)
                    .fetch_one(&mut *tx)
                    .await?
                    .get("n");
            if offered == 0 {
                for (competency_id, _) in strongest {
                    sqlx::query(
                        "INSERT INTO mentor_expertise (employee_id, competency_id) VALUES ($1, $2)",
                    )
                    .bind(employee_id)
                    .bind(competency_id)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        Some(MentorDesignation::Remove) => {
            let removed = sqlx::query(
                "UPDATE mentor_profile SET active = 0, accepting = 0, updated_at = $1 \
                 WHERE employee_id = $2 AND active = 1",
            )
            .bind(unix_now())
            .bind(employee_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if removed == 0 {
                return Err(AppError::NotFound);
            }
        }
        None => return Err(AppError::NotFound),
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "mentor_designation",
        &format!("{action} {employee_id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Checks every kept pair again (eligible, within the mentor's places counting the whole
/// batch, one mentor per mentee) and sends the requests in one transaction: a bad pair
/// refuses the whole batch and nothing is sent.
pub async fn publish(competency_id: i64, rows: &[PairChoice]) -> Result<(), AppError> {
    let user = require_admin().await?;
    let state = state()?;
    let db = &state.db;
    let kept: Vec<&PairChoice> = rows.iter().filter(|p| p.pakai.is_some()).collect();
    if kept.is_empty() {
        return Err(MentoringError::NothingToPublish.into());
    }
    let ids: Vec<i64> = kept.iter().map(|p| p.mentee).collect();
    let mentees: HashMap<i64, Mentee> =
        mentees(db, competency_id, MenteeScope::People(&ids), ids.len())
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    let open = Offering::Open { for_mentee: None };
    let mentors: HashMap<i64, Offered> = offered(&db.pool, competency_id, open)
        .await?
        .into_iter()
        .map(|t| (t.mentor.mentor_id, t))
        .collect();
    let mut seen = HashSet::new();
    let mut load: HashMap<i64, u8> = HashMap::new();
    for pair in &kept {
        let (Some(mentee), Some(mentor)) = (mentees.get(&pair.mentee), mentors.get(&pair.mentor))
        else {
            return Err(MentoringError::MentorNotEligible.into());
        };
        if !seen.insert(pair.mentee)
            || mentee.id == mentor.mentor.mentor_id
            || score(
                &mentee.need,
                &mentor.offer,
                &MatchRules::from(&*state.settings),
            )
            .is_none()
        {
            return Err(MentoringError::MentorNotEligible.into());
        }
        let used = load.entry(mentor.mentor.mentor_id).or_default();
        *used += 1;
        if *used > mentor.offer.places_left() {
            return Err(MentoringError::MentorFull.into());
        }
    }
    let competency: String = sqlx::query("SELECT name FROM competency WHERE id = $1")
        .bind(competency_id)
        .fetch_one(&db.pool)
        .await?
        .get("name");
    let goal = format!("Program mentoring BKPSDMD: {competency}");
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    for pair in &kept {
        let inserted = sqlx::query(
            "INSERT INTO mentoring_request (mentee_id, mentor_id, competency_id, goal, message, \
             status, created_at, expires_at) VALUES ($1, $2, $3, $4, '', 'pending', $5, $6)",
        )
        .bind(pair.mentee)
        .bind(pair.mentor)
        .bind(competency_id)
        .bind(goal.clone())
        .bind(now)
        .bind(now + state.settings.mentoring_request_days * DAY)
        .execute(&mut *tx)
        .await;
        match inserted {
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(MentoringError::PendingExists.into());
            }
            other => other?,
        };
        notify(
            &mut tx,
            pair.mentor,
            NotificationKind::MentoringRequested,
            &mentees[&pair.mentee].name,
            "/mentoring/permintaan",
        )
        .await?;
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "mentoring_bulk_publish",
        &format!("{} pairs, competency {competency_id}", kept.len()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
