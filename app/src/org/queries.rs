//! The org feature on the server (ssr only): who is asking, may they, and the SQL of
//! each step in one transaction.

use sqlx::{Row, any::AnyRow};

use super::{EmployeePage, EmployeeRow, STAFF_PAGE_SIZE};
use crate::error::AppError;
use crate::{
    auth::{
        Permission, Scope, authorize,
        queries::{require_user, state},
    },
    db::{Db, like_pattern},
    org::{AccessClass, JenisJabatan, OpdChoice},
};

/// The name of one OPD; `None` when no OPD has this id.
pub async fn opd_name(db: &Db, id: i64) -> Result<Option<String>, AppError> {
    Ok(sqlx::query("SELECT name FROM opd WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| r.get("name")))
}

/// Every OPD by name, for the OPD filters of admin pages.
pub async fn opd_choices(db: &Db) -> Result<Vec<OpdChoice>, AppError> {
    Ok(sqlx::query("SELECT id, name FROM opd ORDER BY name")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| OpdChoice {
            id: r.get("id"),
            name: r.get("name"),
        })
        .collect())
}

const ROW_COLUMNS: &str = "e.id, e.nip, e.name, e.jabatan, e.jenis_jabatan, e.golongan, \
                           u.name AS unit, l.name AS location, l.access_class";
const ROW_JOINS: &str = "FROM employee e JOIN unit_kerja u ON u.id = e.unit_id \
                         JOIN location l ON l.id = e.location_id";

fn employee_row(r: &AnyRow) -> EmployeeRow {
    EmployeeRow {
        id: r.get("id"),
        nip: r.get("nip"),
        name: r.get("name"),
        jabatan: r.get("jabatan"),
        jenis_jabatan: JenisJabatan::from_db(&r.get::<String, _>("jenis_jabatan")),
        golongan: r.get("golongan"),
        unit: r.get("unit"),
        location: r.get("location"),
        access_class: AccessClass::from_db(&r.get::<String, _>("access_class")),
    }
}

pub async fn team() -> Result<Vec<EmployeeRow>, AppError> {
    let user = require_user().await?;
    authorize(&user, Permission::ViewTeam)?;
    let rows = sqlx::query(&format!(
        "SELECT {ROW_COLUMNS} {ROW_JOINS} WHERE e.supervisor_id = $1 ORDER BY e.name"
    ))
    .bind(user.employee_id)
    .fetch_all(&state()?.db.pool)
    .await?;
    Ok(rows.iter().map(employee_row).collect())
}

pub async fn opd_staff(
    wanted_opd: Option<i64>,
    query: String,
    page: u32,
) -> Result<EmployeePage, AppError> {
    let user = require_user().await?;
    let opd_id = Scope::staff_opd(&user, wanted_opd)?;
    let pool = &state()?.db.pool;

    let opd_name = opd_name(&state()?.db, opd_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let pattern = like_pattern(&query);
    let filter =
        "e.opd_id = $1 AND (LOWER(e.name) LIKE $2 ESCAPE '\\' OR e.nip LIKE $2 ESCAPE '\\')";
    let total: i64 = sqlx::query(&format!(
        "SELECT COUNT(*) AS n FROM employee e WHERE {filter}"
    ))
    .bind(opd_id)
    .bind(pattern.clone())
    .fetch_one(pool)
    .await?
    .get("n");
    let page = page.max(1);
    let rows = sqlx::query(&format!(
        "SELECT {ROW_COLUMNS} {ROW_JOINS} WHERE {filter} ORDER BY e.name, e.id LIMIT $3 OFFSET $4"
    ))
    .bind(opd_id)
    .bind(pattern)
    .bind(i64::from(STAFF_PAGE_SIZE))
    .bind(i64::from((page - 1) * STAFF_PAGE_SIZE))
    .fetch_all(pool)
    .await?;

    let opd_choices = if Scope::may_choose_opd(&user) {
        opd_choices(&state()?.db).await?
    } else {
        vec![OpdChoice {
            id: opd_id,
            name: opd_name.clone(),
        }]
    };
    Ok(EmployeePage {
        opd_id,
        opd_name,
        rows: rows.iter().map(employee_row).collect(),
        total,
        page,
        page_size: STAFF_PAGE_SIZE,
        opd_choices,
    })
}
