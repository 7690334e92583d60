//! The competency feature on the server (ssr only): who is asking, may they, and the SQL of
//! each step in one transaction.

use std::collections::HashMap;

use sqlx::Row;

use super::MyCompetencies;
use crate::error::AppError;
use crate::{
    auth::queries::{require_user, state},
    catalog::queries::for_position,
    competency::{CompetencyChoice, CompetencyGap, CompetencyKind, gap_details},
    db::Db,
};

/// SQL for a person's latest assessed level in a competency (NULL when never assessed);
/// both arguments are SQL expressions, e.g. `latest_level("p.employee_id", "$1")`.
pub fn latest_level(employee: &str, competency: &str) -> String {
    format!(
        "(SELECT a.level FROM assessment a \
         WHERE a.employee_id = {employee} AND a.competency_id = {competency} \
         ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1)"
    )
}

/// Every competency in use, by code, for competency filters.
pub async fn competency_choices(db: &Db) -> Result<Vec<CompetencyChoice>, AppError> {
    Ok(
        sqlx::query("SELECT id, code, name FROM competency WHERE retired = 0 ORDER BY code")
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| CompetencyChoice {
                id: r.get("id"),
                code: r.get("code"),
                name: r.get("name"),
                gap: 0,
            })
            .collect(),
    )
}

/// Required and latest assessed level of each competency of a person's position.
pub async fn gaps_of(db: &Db, employee_id: i64) -> Result<Vec<CompetencyGap>, AppError> {
    Ok(gaps_of_people(db, "$1", employee_id)
        .await?
        .remove(&employee_id)
        .unwrap_or_default())
}

/// [`gaps_of`] for several people at once: `people` is SQL selecting employee ids, with
/// `$1` bound to `param` (e.g. the mentees of a mentor's pending requests).
pub async fn gaps_of_people(
    db: &Db,
    people: &str,
    param: i64,
) -> Result<HashMap<i64, Vec<CompetencyGap>>, AppError> {
    let rows = sqlx::query(&format!(
        "SELECT e.id AS employee_id, c.id AS competency_id, c.code, c.name, c.kind, \
                s.required_level, {} AS current_level \
         FROM employee e JOIN position_standard s ON s.jabatan = e.jabatan \
         JOIN competency c ON c.id = s.competency_id \
         WHERE e.id IN ({people}) AND c.retired = 0 ORDER BY e.id, c.code",
        latest_level("e.id", "c.id")
    ))
    .bind(param)
    .fetch_all(&db.pool)
    .await?;
    let mut gaps: HashMap<i64, Vec<CompetencyGap>> = HashMap::new();
    for r in &rows {
        gaps.entry(r.get("employee_id"))
            .or_default()
            .push(CompetencyGap {
                competency_id: r.get("competency_id"),
                code: r.get("code"),
                name: r.get("name"),
                kind: CompetencyKind::from_db(&r.get::<String, _>("kind")),
                required: r.get::<i64, _>("required_level").clamp(0, 5) as u8,
                current: r
                    .get::<Option<i64>, _>("current_level")
                    .map(|level| level.clamp(0, 5) as u8),
            });
    }
    Ok(gaps)
}

pub async fn my_competencies() -> Result<MyCompetencies, AppError> {
    let user = require_user().await?;
    let db = state()?.db;
    let gaps = gaps_of(&db, user.employee_id).await?;
    let programs = for_position(&db, &user.jabatan).await?;
    Ok(MyCompetencies {
        jabatan: user.jabatan,
        details: gap_details(gaps, &programs),
    })
}
