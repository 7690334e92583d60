//! The home page's data: what each role's card shows.

use serde::{Deserialize, Serialize};

use crate::{auth::CurrentUser, jp::JpProgress};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub user: CurrentUser,
    pub team_size: i64,
    pub staff: Option<StaffSummary>,
    pub city: Option<CitySummary>,
    pub jp_target: u32,
    pub jp_minutes: u32,
    pub progress: JpProgress,
}

/// What a pengelola OPD sees of their OPD.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffSummary {
    pub opd_name: String,
    pub employees: i64,
    pub remote: i64,
}

/// What an admin sees of the city.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CitySummary {
    pub employees: i64,
    pub opds: i64,
    pub outside_centre_percent: u32,
}
