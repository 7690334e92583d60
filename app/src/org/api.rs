//! Server functions of the org feature: a supervisor's team and an OPD's staff list.

use leptos::prelude::*;

use super::{EmployeePage, EmployeeRow};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::queries;

/// The direct reports of the logged-in supervisor.
#[server(endpoint = "tim")]
pub async fn get_team() -> Result<Vec<EmployeeRow>, AppError> {
    crate::error::respond(queries::team().await)
}

/// One page of an OPD's staff. `opd_id` is only a wish: a pengelola OPD always gets their
/// own OPD and is refused any other; an admin may pick any.
#[server(endpoint = "pegawai")]
pub async fn get_opd_staff(
    opd_id: Option<i64>,
    query: String,
    page: u32,
) -> Result<EmployeePage, AppError> {
    crate::error::respond(queries::opd_staff(opd_id, query, page).await)
}
