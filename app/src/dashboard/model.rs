//! dashboard's types shared by the browser and the server.

use crate::{
    org::{AccessClass, JenisJabatan, OpdChoice},
    plan::PlanStatus,
};
use serde::{Deserialize, Serialize};

/// The filters of the dashboard, as the URL carries them. A pengelola OPD's OPD is forced
/// on the server whatever `opd` says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DashboardFilter {
    pub year: Option<i32>,
    pub opd: Option<i64>,
    pub jenis: Option<String>,
    pub access: Option<String>,
}

/// What one employee contributes to the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmployeeFacts {
    pub id: i64,
    pub nip: String,
    pub name: String,
    pub opd_name: String,
    pub unit_name: String,
    /// The heatmap group: the OPD city-wide, the unit inside one OPD.
    pub group_id: i64,
    pub access: AccessClass,
    pub jenis: JenisJabatan,
    pub verified_jp: u32,
    /// The latest revision's status; `None` without a plan.
    pub plan: Option<PlanStatus>,
}

/// Verified-JP buckets of the distribution: inclusive lower bound, inclusive upper bound.
pub const JP_BUCKETS: [(u32, Option<u32>); 5] = [
    (0, Some(0)),
    (1, Some(9)),
    (10, Some(19)),
    (20, Some(39)),
    (40, None),
];

pub fn bucket_of(jp: u32) -> usize {
    JP_BUCKETS
        .iter()
        .position(|&(low, high)| jp >= low && high.is_none_or(|h| jp <= h))
        .unwrap_or(JP_BUCKETS.len() - 1)
}

/// One bar or cell of a figure, with the drill-down that lists the people behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub drill: Drill,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessRow {
    pub access: AccessClass,
    pub employees: u32,
    /// Average verified JP per employee, in tenths (for one decimal without floats).
    pub avg_jp_tenths: u32,
    pub reached: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub employees: u32,
    pub reached: u32,
    pub plans: Vec<Figure>,
    pub jp_buckets: Vec<Figure>,
    pub by_access: Vec<AccessRow>,
}

/// The heatmap: average gap per competency (columns) per group (rows), in tenths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Heatmap {
    pub by_unit: bool,
    pub competencies: Vec<String>,
    pub rows: Vec<HeatRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatRow {
    pub group_id: i64,
    pub name: String,
    /// Average gap in tenths of a level per competency; `None` where it does not apply.
    pub cells: Vec<Option<u32>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub filter: DashboardFilter,
    pub year: i32,
    pub target: u32,
    /// The OPD shown, when one is.
    pub opd_name: Option<String>,
    pub opd_choices: Vec<OpdChoice>,
    pub summary: Summary,
    pub heatmap: Heatmap,
}

/// Who is behind a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Drill {
    All,
    Plan(Option<PlanStatus>),
    JpBucket(usize),
    Reached(bool),
    Access(AccessClass),
    Group(i64),
}

impl Drill {
    /// The `lihat` value in the URL.
    pub fn code(self) -> String {
        match self {
            Drill::All => "semua".into(),
            Drill::Plan(None) => "rencana-tidak-ada".into(),
            Drill::Plan(Some(s)) => format!("rencana-{}", s.as_db()),
            Drill::JpBucket(b) => format!("jp-{b}"),
            Drill::Reached(true) => "capai-ya".into(),
            Drill::Reached(false) => "capai-tidak".into(),
            Drill::Access(a) => format!("akses-{}", a.as_db()),
            Drill::Group(g) => format!("grup-{g}"),
        }
    }

    pub fn parse(code: &str) -> Drill {
        if code == "rencana-tidak-ada" {
            return Drill::Plan(None);
        }
        if let Some(s) = code.strip_prefix("rencana-").and_then(PlanStatus::from_db) {
            return Drill::Plan(Some(s));
        }
        if let Some(b) = code.strip_prefix("jp-").and_then(|b| b.parse().ok())
            && b < JP_BUCKETS.len()
        {
            return Drill::JpBucket(b);
        }
        if let Some(a) = code.strip_prefix("akses-") {
            return Drill::Access(AccessClass::from_db(a));
        }
        if let Some(g) = code.strip_prefix("grup-").and_then(|g| g.parse().ok()) {
            return Drill::Group(g);
        }
        match code {
            "capai-ya" => Drill::Reached(true),
            "capai-tidak" => Drill::Reached(false),
            _ => Drill::All,
        }
    }

    pub fn matches(self, f: &EmployeeFacts, target: u32) -> bool {
        match self {
            Drill::All => true,
            Drill::Plan(status) => f.plan == status,
            Drill::JpBucket(b) => bucket_of(f.verified_jp) == b,
            Drill::Reached(yes) => (f.verified_jp >= target) == yes,
            Drill::Access(a) => f.access == a,
            Drill::Group(g) => f.group_id == g,
        }
    }
}

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
