//! Server functions of the competency feature.

use leptos::prelude::*;

use super::MyCompetencies;
use crate::error::AppError;

/// The logged-in employee's competencies: required vs assessed, gaps, suggestions.
#[server(endpoint = "kompetensi-saya")]
pub async fn get_my_competencies() -> Result<MyCompetencies, AppError> {
    crate::error::respond(ssr::my_competencies().await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use sqlx::Row;

    use super::*;
    use crate::{
        auth::ssr::{require_user, state},
        catalog::ssr::for_position,
        competency::{CompetencyGap, CompetencyKind, gap_details},
        db::Db,
    };

    /// Required and latest assessed level of each competency of a person's position.
    pub async fn gaps_of(
        db: &Db,
        employee_id: i64,
        jabatan: &str,
    ) -> Result<Vec<CompetencyGap>, AppError> {
        let rows = sqlx::query(
            "SELECT c.id, c.code, c.name, c.kind, s.required_level, \
                    (SELECT a.level FROM assessment a \
                     WHERE a.employee_id = $1 AND a.competency_id = c.id \
                     ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) \
             FROM position_standard s JOIN competency c ON c.id = s.competency_id \
             WHERE s.jabatan = $2 AND c.retired = 0 ORDER BY c.code",
        )
        .bind(employee_id)
        .bind(jabatan.to_owned())
        .fetch_all(&db.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| CompetencyGap {
                competency_id: r.get(0),
                code: r.get(1),
                name: r.get(2),
                kind: CompetencyKind::from_db(&r.get::<String, _>(3)),
                required: r.get::<i64, _>(4).clamp(0, 5) as u8,
                current: r
                    .get::<Option<i64>, _>(5)
                    .map(|level| level.clamp(0, 5) as u8),
            })
            .collect())
    }

    pub async fn my_competencies() -> Result<MyCompetencies, AppError> {
        let user = require_user().await?;
        let db = state()?.db;
        let gaps = gaps_of(&db, user.employee_id, &user.jabatan).await?;
        let programs = for_position(&db, &user.jabatan).await?;
        Ok(MyCompetencies {
            jabatan: user.jabatan,
            details: gap_details(gaps, &programs),
        })
    }
}
