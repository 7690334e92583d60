//! The planning dashboard's figures from its facts. Pure, unit-tested below.

use super::model::{
    AccessRow, Drill, EmployeeFacts, Figure, HeatRow, Heatmap, JP_BUCKETS, Summary,
};
use crate::{org::AccessClass, plan::PlanStatus};

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
    use super::super::model::bucket_of;
    use super::*;
    use crate::org::JenisJabatan;

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
