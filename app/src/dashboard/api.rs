//! Server functions of the dashboard. A pengelola OPD sees their own OPD only; an admin sees
//! the city or any one OPD.

use leptos::prelude::*;

use super::{Dashboard, DashboardFilter, EmployeeFacts};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::queries;

/// People per page of a drill-down list.
pub const PEOPLE_PAGE_SIZE: usize = 50;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PeoplePage {
    pub year: i32,
    pub target: u32,
    pub people: Vec<EmployeeFacts>,
    pub total: usize,
    pub page: usize,
}

#[server(endpoint = "dasbor")]
pub async fn get_dashboard(
    #[server(default)] filter: DashboardFilter,
) -> Result<Dashboard, AppError> {
    crate::error::respond(queries::dashboard(filter).await)
}

/// The employees behind one figure (`lihat`, see [`super::Drill`]), a page at a time.
#[server(endpoint = "dasbor-pegawai")]
pub async fn get_dashboard_people(
    #[server(default)] filter: DashboardFilter,
    #[server(default)] lihat: String,
    #[server(default)] page: usize,
) -> Result<PeoplePage, AppError> {
    crate::error::respond(queries::people(filter, &lihat, page).await)
}
