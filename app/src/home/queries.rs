//! The home page on the server: the cards of the roles the person holds.

use sqlx::Row;

use super::model::*;
use crate::auth::{
    Permission, can,
    queries::{require_user, state},
};
use crate::error::AppError;

pub async fn home() -> Result<HomeData, AppError> {
    let user = require_user().await?;
    let state = state()?;
    let pool = &state.db.pool;
    let team_size: i64 = if user.roles.atasan {
        sqlx::query("SELECT COUNT(*) FROM employee WHERE supervisor_id = $1")
            .bind(user.employee_id)
            .fetch_one(pool)
            .await?
            .get(0)
    } else {
        0
    };
    let staff = match user.roles.pengelola_opd {
        Some(opd_id) => {
            let row = sqlx::query(
                "SELECT o.name, COUNT(e.id), \
                        COALESCE(SUM(CASE WHEN l.access_class = 'remote' THEN 1 ELSE 0 END), 0) \
                 FROM opd o \
                 LEFT JOIN employee e ON e.opd_id = o.id \
                 LEFT JOIN location l ON l.id = e.location_id \
                 WHERE o.id = $1 GROUP BY o.name",
            )
            .bind(opd_id)
            .fetch_one(pool)
            .await?;
            Some(StaffSummary {
                opd_name: row.get(0),
                employees: row.get(1),
                remote: row.get(2),
            })
        }
        None => None,
    };
    let city = if can(&user, Permission::ViewCity) {
        let row = sqlx::query(
            "SELECT COUNT(e.id), \
                    COALESCE(SUM(CASE WHEN l.access_class <> 'urban' THEN 1 ELSE 0 END), 0), \
                    (SELECT COUNT(*) FROM opd) \
             FROM employee e JOIN location l ON l.id = e.location_id",
        )
        .fetch_one(pool)
        .await?;
        let employees: i64 = row.get(0);
        Some(CitySummary {
            employees,
            opds: row.get(2),
            outside_centre_percent: crate::ui::percent(row.get(1), employees),
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
