//! The catalog feature on the server (ssr only): who is asking, may they, and the SQL of
//! each step in one transaction.

use sqlx::{Row, any::AnyRow};

use super::ProgramRef;
use crate::error::AppError;
use crate::{
    auth::queries::{require_user, state},
    calendar::IsoDate,
    catalog::ProgramMode,
    db::{Db, unix_now},
    jp::DevPath,
};

const COLUMNS: &str = "p.id, p.title, p.path, p.jp, p.mode, p.organiser, p.starts_on, \
                       p.ends_on, p.place, c.id AS competency_id, c.code AS competency_code";

fn program(r: &AnyRow) -> ProgramRef {
    ProgramRef {
        id: r.get("id"),
        title: r.get("title"),
        path: DevPath::from_code(&r.get::<String, _>("path")).unwrap_or(DevPath::PelatihanTeknis),
        jp: r.get::<i64, _>("jp").max(0) as u32,
        mode: ProgramMode::from_db(&r.get::<String, _>("mode")),
        organiser: r.get("organiser"),
        starts_on: r.get("starts_on"),
        ends_on: r.get("ends_on"),
        place: r.get("place"),
        competency_id: r.get("competency_id"),
        competency_code: r.get("competency_code"),
    }
}

/// Programs still open today that address the competencies of a position.
pub async fn for_position(db: &Db, jabatan: &str) -> Result<Vec<ProgramRef>, AppError> {
    let today = IsoDate::from_unix_wita(unix_now()).to_string();
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM program p \
         JOIN program_competency pc ON pc.program_id = p.id \
         JOIN competency c ON c.id = pc.competency_id \
         JOIN position_standard s ON s.competency_id = c.id AND s.jabatan = $1 \
         WHERE p.retired = 0 AND p.ends_on >= $2 ORDER BY p.starts_on, p.id"
    ))
    .bind(jabatan.to_owned())
    .bind(today)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.iter().map(program).collect())
}

pub async fn catalog(competency: Option<String>) -> Result<Vec<ProgramRef>, AppError> {
    require_user().await?;
    let db = state()?.db;
    let code = competency.unwrap_or_default();
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM program p \
         JOIN program_competency pc ON pc.program_id = p.id \
         JOIN competency c ON c.id = pc.competency_id \
         WHERE p.retired = 0 AND ($1 = '' OR c.code = $1) ORDER BY p.starts_on, p.id"
    ))
    .bind(code)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.iter().map(program).collect())
}

/// Whether a program exists and is open, for a plan item's link.
pub async fn exists(tx: &mut crate::db::Tx, id: i64) -> Result<bool, AppError> {
    Ok(
        sqlx::query("SELECT 1 FROM program WHERE id = $1 AND retired = 0")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?
            .is_some(),
    )
}
