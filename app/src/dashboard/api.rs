//! Server functions of the dashboard. A pengelola OPD sees their own OPD only; an admin sees
//! the city or any one OPD.

use leptos::prelude::*;

use super::{Dashboard, DashboardFilter, PeoplePage};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::queries;

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
