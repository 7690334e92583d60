//! The competency-planning dashboard: plans by state, who reached the yearly JP, the JP
//! distribution, verified JP by access class (the urban–remote gap), and a heatmap of the
//! average competency gap. The pure part (aggregation, drill-down, CSV rows) lives here; the
//! queries in `server_fns`.

mod api;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod ui;

use serde::{Deserialize, Serialize};

pub use api::*;

use crate::{
    org::{AccessClass, JenisJabatan, OpdChoice},
    plan::PlanStatus,
};

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

/// Plan states in the order a manager reads them; `None` is "no plan yet".
pub const PLAN_ORDER: [Option<PlanStatus>; 5] = [
    None,
    Some(PlanStatus::Draft),
    Some(PlanStatus::Submitted),
    Some(PlanStatus::Returned),
    Some(PlanStatus::Approved),
];

pub fn summarize(facts: &[EmployeeFacts], target: u32) -> Summary {
    let count = |drill: Drill| facts.iter().filter(|f| drill.matches(f, target)).count() as u32;
    let by_access = AccessClass::ALL
        .into_iter()
        .map(|access| {
            let group: Vec<&EmployeeFacts> = facts.iter().filter(|f| f.access == access).collect();
            let employees = group.len() as u32;
            let total: u32 = group.iter().map(|f| f.verified_jp).sum();
            AccessRow {
                access,
                employees,
                avg_jp_tenths: (total * 10 + employees / 2)
                    .checked_div(employees)
                    .unwrap_or(0),
                reached: group.iter().filter(|f| f.verified_jp >= target).count() as u32,
            }
        })
        .collect();
    Summary {
        employees: facts.len() as u32,
        reached: count(Drill::Reached(true)),
        plans: PLAN_ORDER
            .into_iter()
            .map(|s| Figure {
                drill: Drill::Plan(s),
                count: count(Drill::Plan(s)),
            })
            .collect(),
        jp_buckets: (0..JP_BUCKETS.len())
            .map(|b| Figure {
                drill: Drill::JpBucket(b),
                count: count(Drill::JpBucket(b)),
            })
            .collect(),
        by_access,
    }
}

/// Tenths as text with one decimal and a comma, as Indonesian writes numbers (`2,5`).
pub fn tenths(value: u32) -> String {
    format!("{},{}", value / 10, value % 10)
}

/// The heatmap from `(group id, group name, competency code, sum of gaps, people)` rows.
pub fn heatmap(rows: &[(i64, String, String, i64, i64)], by_unit: bool) -> Heatmap {
    let mut competencies: Vec<String> = rows.iter().map(|r| r.2.clone()).collect();
    competencies.sort();
    competencies.dedup();
    let mut groups: Vec<(i64, String)> = rows.iter().map(|r| (r.0, r.1.clone())).collect();
    groups.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    groups.dedup();
    let rows = groups
        .into_iter()
        .map(|(group_id, name)| HeatRow {
            cells: competencies
                .iter()
                .map(|code| {
                    rows.iter()
                        .find(|r| r.0 == group_id && &r.2 == code)
                        .filter(|r| r.4 > 0)
                        .map(|r| ((r.3.max(0) * 10 + r.4 / 2) / r.4) as u32)
                })
                .collect(),
            group_id,
            name,
        })
        .collect();
    Heatmap {
        by_unit,
        competencies,
        rows,
    }
}

/// The employees behind a figure as CSV rows (header first).
pub fn people_csv_rows(facts: &[EmployeeFacts]) -> Vec<Vec<String>> {
    let mut rows = vec![
        [
            "nip",
            "nama",
            "opd",
            "unit_kerja",
            "akses",
            "jenis_jabatan",
            "jp_terverifikasi",
            "status_rencana",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    rows.extend(facts.iter().map(|f| {
        vec![
            f.nip.clone(),
            f.name.clone(),
            f.opd_name.clone(),
            f.unit_name.clone(),
            f.access.as_db().to_owned(),
            f.jenis.as_db().to_owned(),
            f.verified_jp.to_string(),
            f.plan.map_or("tidak_ada", PlanStatus::as_db).to_owned(),
        ]
    }));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64, access: AccessClass, jp: u32, plan: Option<PlanStatus>) -> EmployeeFacts {
        EmployeeFacts {
            id,
            nip: format!("{id:018}"),
            name: format!("P{id}"),
            opd_name: "Dinas".into(),
            unit_name: "Unit".into(),
            group_id: id % 2,
            access,
            jenis: JenisJabatan::Pelaksana,
            verified_jp: jp,
            plan,
        }
    }

    #[test]
    fn buckets_cover_every_number_once() {
        assert_eq!(bucket_of(0), 0);
        assert_eq!(bucket_of(1), 1);
        assert_eq!(bucket_of(9), 1);
        assert_eq!(bucket_of(10), 2);
        assert_eq!(bucket_of(19), 2);
        assert_eq!(bucket_of(20), 3);
        assert_eq!(bucket_of(40), 4);
        assert_eq!(bucket_of(4000), 4);
    }

    #[test]
    fn the_summary_counts_plans_targets_and_the_remote_gap() {
        let facts = vec![
            person(1, AccessClass::Urban, 24, Some(PlanStatus::Approved)),
            person(2, AccessClass::Urban, 16, Some(PlanStatus::Submitted)),
            person(3, AccessClass::Remote, 0, None),
            person(4, AccessClass::Remote, 5, Some(PlanStatus::Draft)),
        ];
        let s = summarize(&facts, 20);
        assert_eq!(s.employees, 4);
        assert_eq!(s.reached, 1);
        let plans: Vec<u32> = s.plans.iter().map(|f| f.count).collect();
        assert_eq!(plans, [1, 1, 1, 0, 1]);
        let buckets: Vec<u32> = s.jp_buckets.iter().map(|f| f.count).collect();
        assert_eq!(buckets, [1, 1, 1, 1, 0]);
        let urban = &s.by_access[0];
        assert_eq!(
            (urban.employees, urban.avg_jp_tenths, urban.reached),
            (2, 200, 1)
        );
        let remote = &s.by_access[2];
        assert_eq!(
            (remote.employees, remote.avg_jp_tenths, remote.reached),
            (2, 25, 0)
        );
        assert_eq!(tenths(remote.avg_jp_tenths), "2,5");
        assert_eq!(s.by_access[1].employees, 0);
    }

    #[test]
    fn every_figure_drills_down_to_exactly_its_people() {
        let facts = vec![
            person(1, AccessClass::Urban, 24, Some(PlanStatus::Approved)),
            person(2, AccessClass::PeriUrban, 12, None),
            person(3, AccessClass::Remote, 0, None),
        ];
        let s = summarize(&facts, 20);
        for figure in s.plans.iter().chain(&s.jp_buckets) {
            let listed = facts.iter().filter(|f| figure.drill.matches(f, 20)).count() as u32;
            assert_eq!(listed, figure.count, "{:?}", figure.drill);
            assert_eq!(Drill::parse(&figure.drill.code()), figure.drill);
        }
        for drill in [
            Drill::All,
            Drill::Reached(true),
            Drill::Reached(false),
            Drill::Access(AccessClass::Remote),
            Drill::Group(1),
        ] {
            assert_eq!(Drill::parse(&drill.code()), drill);
        }
        assert_eq!(Drill::parse("jp-99"), Drill::All);
        assert_eq!(Drill::parse("nonsense"), Drill::All);
    }

    #[test]
    fn heatmap_averages_gaps_per_group_and_competency() {
        let rows = vec![
            (1, "Dinas A".to_owned(), "M.01".to_owned(), 5, 2),
            (1, "Dinas A".to_owned(), "T.KEU.01".to_owned(), 0, 3),
            (2, "Badan B".to_owned(), "M.01".to_owned(), 1, 3),
        ];
        let h = heatmap(&rows, false);
        assert_eq!(h.competencies, ["M.01", "T.KEU.01"]);
        assert_eq!(h.rows[0].name, "Badan B");
        assert_eq!(h.rows[0].cells, [Some(3), None]);
        assert_eq!(h.rows[1].cells, [Some(25), Some(0)]);
    }

    #[test]
    fn csv_rows_have_a_header_and_one_row_per_person() {
        let rows = people_csv_rows(&[person(7, AccessClass::Remote, 3, None)]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][0], "nip");
        assert_eq!(rows[1][4], "remote");
        assert_eq!(rows[1][7], "tidak_ada");
    }
}
