//! The home page on the server: the cards of the roles the person holds.

use sqlx::Row;

use super::model::*;
use crate::auth::{
    Permission, Scope, can,
    queries::{require_user, state},
};
use crate::error::AppError;

pub async fn home() -> Result<HomeData, AppError> {
    let user = require_user().await?;
    let state = state()?;
    let pool = &state.db.pool;
    let team_size: i64 = if user.roles.atasan {
        sqlx::query("SELECT COUNT(*) AS n FROM employee WHERE supervisor_id = $1")
            .bind(user.employee_id)
            .fetch_one(pool)
            .await?
            .get("n")
    } else {
        0
    };
    let staff = match Scope::pengelola_of(&user) {
        Some(opd_id) => {
            let row = sqlx::query(
                "SELECT o.name AS opd_name, COUNT(e.id) AS employees, \
                        COALESCE(SUM(CASE WHEN l.access_class = 'remote' THEN 1 ELSE 0 END), 0) \
                            AS remote \
                 FROM opd o \
                 LEFT JOIN employee e ON e.opd_id = o.id \
                 LEFT JOIN location l ON l.id = e.location_id \
                 WHERE o.id = $1 GROUP BY o.name",
            )
            .bind(opd_id)
            .fetch_one(pool)
            .await?;
            Some(StaffSummary {
                opd_name: row.get("opd_name"),
                employees: row.get("employees"),
                remote: row.get("remote"),
            })
        }
        None => None,
    };
    let city = if can(&user, Permission::ViewCity) {
        let row = sqlx::query(
            "SELECT COUNT(e.id) AS employees, \
                    COALESCE(SUM(CASE WHEN l.access_class <> 'urban' THEN 1 ELSE 0 END), 0) \
                        AS outside_centre, \
                    (SELECT COUNT(*) FROM opd) AS opds \
             FROM employee e JOIN location l ON l.id = e.location_id",
        )
        .fetch_one(pool)
        .await?;
        let employees: i64 = row.get("employees");
        Some(CitySummary {
            employees,
            opds: row.get("opds"),
            outside_centre_percent: crate::ui::percent(row.get("outside_centre"), employees),
        })
    } else {
        None
    };
    let progress = crate::jp::queries::progress(
        &state.db,
        user.employee_id,
        crate::calendar::this_year(crate::db::unix_now()),
        state.settings.jp_yearly_target,
    )
    .await?;
    Ok(HomeData {
        progress,
        user,
        team_size,
        staff,
        city,
        jp_target: state.settings.jp_yearly_target,
        jp_minutes: state.settings.jp_minutes,
    })
}
