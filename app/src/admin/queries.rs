//! The admin feature on the server (ssr only): who is asking, may they, and the SQL of
//! each step in one transaction.

use sqlx::{Row, any::AnyRow};

use super::{CompetencyEntry, StandardPage};
use crate::error::AppError;
use crate::{
    admin::{
        AdminError,
        rules::{parse_level, validate_competency, validate_program},
    },
    auth::queries::{audit, require_admin, state},
    competency::CompetencyKind,
    db::{
        Db,
        idempotency::{Claim, claim},
        unix_now,
    },
};

const IN_USE: &str = "(EXISTS (SELECT 1 FROM position_standard s WHERE s.competency_id = c.id) \
     OR EXISTS (SELECT 1 FROM assessment a WHERE a.competency_id = c.id) \
     OR EXISTS (SELECT 1 FROM dev_plan_item i WHERE i.competency_id = c.id) \
     OR EXISTS (SELECT 1 FROM program_competency p WHERE p.competency_id = c.id))";

fn entry(r: &AnyRow) -> CompetencyEntry {
    CompetencyEntry {
        id: r.get("id"),
        code: r.get("code"),
        kind: CompetencyKind::from_db(&r.get::<String, _>("kind")),
        name: r.get("name"),
        description: r.get("description"),
        indicators: r.get("indicators"),
        retired: r.get::<i64, _>("retired") != 0,
        in_use: r.get::<i64, _>("in_use") != 0,
    }
}

async fn entries(db: &Db, active_only: bool) -> Result<Vec<CompetencyEntry>, AppError> {
    let rows = sqlx::query(&format!(
        "SELECT c.id, c.code, c.kind, c.name, c.description, c.indicators, c.retired, \
                CASE WHEN {IN_USE} THEN 1 ELSE 0 END AS in_use \
         FROM competency c WHERE ($1 = 0 OR c.retired = 0) ORDER BY c.code"
    ))
    .bind(i64::from(active_only))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.iter().map(entry).collect())
}

pub async fn dictionary() -> Result<Vec<CompetencyEntry>, AppError> {
    require_admin().await?;
    entries(&state()?.db, false).await
}

pub async fn save_competency(
    id: Option<i64>,
    code: &str,
    kind: &str,
    name: &str,
    description: &str,
    indicators: &str,
) -> Result<(), AppError> {
    let user = require_admin().await?;
    let c = validate_competency(code, kind, name, description, indicators)?;
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    let taken = sqlx::query("SELECT id FROM competency WHERE code = $1")
        .bind(c.code.clone())
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.get::<i64, _>("id"));
    if taken.is_some() && taken != id {
        return Err(AdminError::CodeTaken.into());
    }
    match id {
        Some(id) => {
            let changed = sqlx::query(
                "UPDATE competency SET code = $1, kind = $2, name = $3, description = $4, \
                 indicators = $5 WHERE id = $6",
            )
            .bind(c.code.clone())
            .bind(c.kind.as_db())
            .bind(c.name)
            .bind(c.description)
            .bind(c.indicators)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(AppError::NotFound);
            }
        }
        None => {
            sqlx::query(
                "INSERT INTO competency (code, kind, name, description, indicators, retired) \
                 VALUES ($1, $2, $3, $4, $5, 0)",
            )
            .bind(c.code.clone())
            .bind(c.kind.as_db())
            .bind(c.name)
            .bind(c.description)
            .bind(c.indicators)
            .execute(&mut *tx)
            .await?;
        }
    }
    audit(&mut tx, Some(user.account_id), "competency_save", &c.code).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn set_state(id: i64, state_code: &str) -> Result<(), AppError> {
    let user = require_admin().await?;
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    let in_use: i64 = sqlx::query(&format!(
        "SELECT CASE WHEN {IN_USE} THEN 1 ELSE 0 END AS in_use FROM competency c WHERE c.id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?
    .get("in_use");
    match state_code {
        "hapus" if in_use != 0 => return Err(AdminError::InUse.into()),
        "hapus" => {
            sqlx::query("DELETE FROM competency WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        flag => {
            sqlx::query("UPDATE competency SET retired = $1 WHERE id = $2")
                .bind(i64::from(flag == "1"))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "competency_state",
        &format!("{id} {state_code}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn standard(jabatan: Option<String>) -> Result<StandardPage, AppError> {
    require_admin().await?;
    let db = state()?.db;
    let positions: Vec<String> =
        sqlx::query("SELECT DISTINCT jabatan FROM employee ORDER BY jabatan")
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| r.get("jabatan"))
            .collect();
    let jabatan = jabatan.filter(|j| positions.contains(j));
    let mut levels = vec![];
    if let Some(j) = &jabatan {
        let required: Vec<(i64, i64)> = sqlx::query(
            "SELECT competency_id, required_level FROM position_standard WHERE jabatan = $1",
        )
        .bind(j.clone())
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| (r.get("competency_id"), r.get("required_level")))
        .collect();
        for c in entries(&db, true).await? {
            let level = required
                .iter()
                .find(|(id, _)| *id == c.id)
                .map(|(_, l)| (*l).clamp(1, 5) as u8);
            levels.push((c, level));
        }
    }
    Ok(StandardPage {
        positions,
        jabatan,
        levels,
    })
}

pub async fn save_standard(jabatan: &str, competency_id: i64, level: &str) -> Result<(), AppError> {
    let user = require_admin().await?;
    let level = parse_level(level)?;
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    let known = sqlx::query("SELECT 1 FROM employee WHERE jabatan = $1 LIMIT 1")
        .bind(jabatan.to_owned())
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
    if !known {
        return Err(AdminError::JabatanUnknown.into());
    }
    sqlx::query("DELETE FROM position_standard WHERE jabatan = $1 AND competency_id = $2")
        .bind(jabatan.to_owned())
        .bind(competency_id)
        .execute(&mut *tx)
        .await?;
    if let Some(level) = level {
        sqlx::query(
            "INSERT INTO position_standard (jabatan, competency_id, required_level) \
             SELECT $1, id, $3 FROM competency WHERE id = $2 AND retired = 0",
        )
        .bind(jabatan.to_owned())
        .bind(competency_id)
        .bind(i64::from(level))
        .execute(&mut *tx)
        .await?;
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "standard_save",
        &format!("{jabatan} {competency_id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn save_program(f: crate::admin::ProgramForm, key: Option<&str>) -> Result<(), AppError> {
    let user = require_admin().await?;
    let p = validate_program(
        &f.title,
        &f.path,
        &f.jp,
        &f.mode,
        &f.organiser,
        &f.place,
        &f.starts_on,
        &f.ends_on,
    )?;
    let competency_id = f.competency_id;
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    if claim(
        &mut tx,
        user.account_id,
        "admin-program-simpan",
        key,
        unix_now(),
    )
    .await?
        == Claim::Repeat
    {
        return Ok(());
    }
    let active = sqlx::query("SELECT 1 FROM competency WHERE id = $1 AND retired = 0")
        .bind(competency_id)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
    if !active {
        return Err(AdminError::ProgramInvalid.into());
    }
    let id: i64 = sqlx::query(
        "INSERT INTO program (title, path, jp, organiser, mode, starts_on, ends_on, place, retired) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0) RETURNING id",
    )
    .bind(p.title.clone())
    .bind(p.path.code())
    .bind(i64::from(p.jp))
    .bind(p.organiser)
    .bind(p.mode.as_db())
    .bind(p.starts_on.to_string())
    .bind(p.ends_on.to_string())
    .bind(p.place)
    .fetch_one(&mut *tx)
    .await?
    .get("id");
    sqlx::query("INSERT INTO program_competency (program_id, competency_id) VALUES ($1, $2)")
        .bind(id)
        .bind(competency_id)
        .execute(&mut *tx)
        .await?;
    audit(&mut tx, Some(user.account_id), "program_save", &p.title).await?;
    tx.commit().await?;
    Ok(())
}
