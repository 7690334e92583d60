//! The demo's competency side: the dictionary, position standards, assessments, a year of
//! catalog programs, development plans in every state, and JP ledgers. Deterministic, like
//! the city it builds on; the people who work far from the centre get fewer verified JP, as
//! in the essay Bina grew from.

use std::collections::HashMap;

use bina_app::{
    competency::CompetencyKind,
    jp::{AmountUnit, DevPath, JpRules, default_planned_jp},
    plan::PlanStatus,
};

use super::city::{City, Employee};

mod data;
mod insert;
mod rows;

use data::*;
pub use insert::insert;
pub use rows::*;

/// Behaviour at each level, as a template on the competency's name.
fn indicators(name: &str) -> String {
    let n = name.to_lowercase();
    [
        format!("Memahami dasar-dasar {n} dan menerapkannya dengan arahan."),
        format!("Menerapkan {n} secara mandiri pada tugas rutin."),
        format!("Menerapkan {n} pada persoalan yang kompleks dan lintas unit."),
        format!("Mengembangkan cara kerja {n} dan membimbing orang lain."),
        format!("Menjadi rujukan {n} dan merumuskan kebijakannya bagi organisasi."),
    ]
    .join("\n")
}

/// The required level of every competency for a position of this type: it grows with the
/// position (DOMAIN.md's demo default).
pub fn required_level(jenis_jabatan: &str) -> i64 {
    match jenis_jabatan {
        "jpt_madya" | "ahli_utama" => 5,
        "jpt_pratama" | "ahli_madya" => 4,
        "administrator" | "ahli_muda" | "penyelia" => 3,
        "pengawas" | "ahli_pertama" | "mahir" => 2,
        _ => 1,
    }
}

/// The technical family of a position: from its name where the name says it, otherwise
/// from its OPD.
fn family(jabatan: &str, opd_code: &str) -> Option<&'static str> {
    let by_name = [
        ("Keuangan", "KEU"),
        ("Barang Milik", "KEU"),
        ("Perencana", "REN"),
        ("Guru", "DIK"),
        ("Sekolah", "DIK"),
        ("SD Negeri", "DIK"),
        ("SMP Negeri", "DIK"),
        ("Dokter", "KES"),
        ("Perawat", "KES"),
        ("Bidan", "KES"),
        ("Puskesmas", "KES"),
        ("Kependudukan", "DUK"),
        ("Penata Ruang", "TRG"),
    ];
    if let Some((_, fam)) = by_name.iter().find(|(word, _)| jabatan.contains(word)) {
        return Some(fam);
    }
    match opd_code {
        "BPKAD" | "BAPENDA" => Some("KEU"),
        "BAPPEDA" => Some("REN"),
        "DIKBUD" => Some("DIK"),
        "DINKES" | "RSUD" => Some("KES"),
        "DUKCAPIL" => Some("DUK"),
        "TARUNG" => Some("TRG"),
        _ => None,
    }
}

fn date(year: i32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// Builds the development data of `city` for `year`, as of the moment `now` (unix seconds)
/// in month `month` of that year.
pub fn generate(city: &City, year: i32, month: u32, now: i64) -> Development {
    let mut rng = fastrand::Rng::with_seed(20_171_038);
    let rules = JpRules::default();

    let mut competencies: Vec<CompetencyRow> = MANAGERIAL
        .iter()
        .map(|(code, name, description)| (*code, *name, *description))
        .chain(
            TECHNICAL
                .iter()
                .map(|(_, code, name, d)| (*code, *name, *d)),
        )
        .enumerate()
        .map(|(i, (code, name, description))| CompetencyRow {
            id: i as i64 + 1,
            code,
            kind: if code.starts_with("M.") {
                CompetencyKind::Manajerial
            } else if code.starts_with("SK.") {
                CompetencyKind::SosialKultural
            } else {
                CompetencyKind::Teknis
            },
            name,
            description,
            indicators: indicators(name),
        })
        .collect();
    competencies.sort_by_key(|c| c.id);
    let id_of = |code: &str| -> i64 {
        competencies
            .iter()
            .find(|c| c.code == code)
            .map_or(0, |c| c.id)
    };
    let managerial: Vec<i64> = MANAGERIAL.iter().map(|m| id_of(m.0)).collect();
    let technical_of = |fam: &str| -> Vec<i64> {
        TECHNICAL
            .iter()
            .filter(|t| t.0 == fam)
            .map(|t| id_of(t.1))
            .collect()
    };

    // Position standards: each distinct jabatan gets the managerial set and its family's
    // technical set, at the level of its position type.
    let opd_code: HashMap<i64, &str> = city.opds.iter().map(|o| (o.id, o.code.as_str())).collect();
    let mut standard_of: HashMap<String, Vec<(i64, i64)>> = HashMap::new();
    let mut standards = Vec::new();
    for e in &city.employees {
        if standard_of.contains_key(&e.jabatan) {
            continue;
        }
        let level = required_level(e.jenis_jabatan);
        let mut set: Vec<(i64, i64)> = managerial.iter().map(|&c| (c, level)).collect();
        if let Some(fam) = family(&e.jabatan, opd_code.get(&e.opd_id).copied().unwrap_or("")) {
            set.extend(technical_of(fam).into_iter().map(|c| (c, level.max(2))));
        }
        for &(competency_id, required_level) in &set {
            standards.push(StandardRow {
                jabatan: e.jabatan.clone(),
                competency_id,
                required_level,
            });
        }
        standard_of.insert(e.jabatan.clone(), set);
    }

    // Assessments: around the requirement, lower far from the centre; some technical
    // competencies not assessed yet.
    let access: HashMap<i64, &str> = super::city::data::KELURAHAN
        .iter()
        .enumerate()
        .map(|(i, k)| (i as i64 + 1, k.2))
        .collect();
    let mut assessments = Vec::new();
    let mut levels: HashMap<(i64, i64), i64> = HashMap::new();
    for e in &city.employees {
        let remote = access.get(&e.location_id).copied() == Some("remote");
        let structural = matches!(
            e.jenis_jabatan,
            "jpt_pratama" | "administrator" | "pengawas"
        );
        for &(competency_id, required) in &standard_of[&e.jabatan] {
            let technical = competency_id > MANAGERIAL.len() as i64;
            if technical && rng.u8(..100) < 12 {
                continue;
            }
            let roll = rng.u8(..100) + if remote { 0 } else { 15 };
            let offset = match roll {
                0..=14 => -2,
                15..=49 => -1,
                50..=94 => 0,
                _ => 1,
            };
            let level = (required + offset).clamp(1, 5);
            levels.insert((e.id, competency_id), level);
            let (source, assessor_id) = if structural {
                ("assessment_centre", None)
            } else if rng.bool() && e.supervisor_id.is_some() {
                ("supervisor", e.supervisor_id)
            } else {
                ("self", Some(e.id))
            };
            assessments.push(AssessmentRow {
                employee_id: e.id,
                competency_id,
                level,
                source,
                assessor_id,
                assessed_on: date(year - 1, rng.u32(1..=12), rng.u32(1..=28)),
            });
        }
    }

    // A year of programs: for each competency a classroom or blended course and an
    // e-learning course, spread over the quarters.
    let mut programs = Vec::new();
    for c in &competencies {
        let classroom_path = match c.kind {
            CompetencyKind::Teknis => {
                if rng.bool() {
                    DevPath::PelatihanTeknis
                } else {
                    DevPath::BimbinganTeknis
                }
            }
            CompetencyKind::Manajerial => DevPath::PelatihanManajerial,
            CompetencyKind::SosialKultural => DevPath::PelatihanSosialKultural,
        };
        let (organiser, mode, place) = ORGANISERS[rng.usize(0..2)];
        let (organiser, mode, place) = if rng.u8(..4) == 0 {
            ORGANISERS[3]
        } else {
            (organiser, mode, place)
        };
        let days = rng.u32(2..=5);
        let month_start = rng.u32(1..=11);
        let day = rng.u32(1..=20);
        let label = match classroom_path {
            DevPath::BimbinganTeknis => "Bimbingan Teknis",
            _ => "Pelatihan",
        };
        programs.push(ProgramRow {
            id: programs.len() as i64 + 1,
            title: format!("{label} {}", c.name),
            path: classroom_path,
            jp: i64::from(days * 8),
            organiser,
            mode,
            starts_on: date(year, month_start, day),
            ends_on: date(year, month_start, day + days - 1),
            place,
            competency_id: c.id,
        });
        let (organiser, mode, place) = ORGANISERS[2 + rng.usize(0..2) * 2];
        let month_start = rng.u32(1..=10);
        programs.push(ProgramRow {
            id: programs.len() as i64 + 1,
            title: format!("E-Learning {}", c.name),
            path: DevPath::ELearning,
            jp: i64::from(default_planned_jp(&rules, DevPath::ELearning)) * 3,
            organiser,
            mode,
            starts_on: date(year, month_start, 1),
            ends_on: date(year, month_start + 2, 28),
            place,
            competency_id: c.id,
        });
    }

    // Plans and ledgers of everyone but the demo accounts, who start clean.
    let demo: Vec<i64> = city.demo.iter().map(|d| d.employee_id).collect();
    let (mut plans, mut items, mut events, mut entries) = (vec![], vec![], vec![], vec![]);
    for e in city.employees.iter().filter(|e| !demo.contains(&e.id)) {
        let remote = access.get(&e.location_id).copied() == Some("remote");
        plan_for(
            e,
            &mut rng,
            &rules,
            &standard_of,
            &levels,
            &competencies,
            &programs,
            now,
            &mut plans,
            &mut items,
            &mut events,
        );
        let peri = access.get(&e.location_id).copied() == Some("peri_urban");
        let activities = if remote {
            rng.usize(0..=2)
        } else if peri {
            rng.usize(0..=3)
        } else {
            rng.usize(1..=5)
        };
        for _ in 0..activities {
            let program = &programs[rng.usize(..programs.len())];
            // Months already over, so that no demo activity ends in the future.
            let m = rng.u32(1..=month.saturating_sub(1).max(1));
            let (amount, unit) = if program.path == DevPath::ELearning {
                (1, AmountUnit::Activities)
            } else {
                (program.jp / 8, AmountUnit::Days)
            };
            let jp = if program.path == DevPath::ELearning {
                3
            } else {
                program.jp
            };
            let roll = rng.u8(..100);
            let (status, reason) = match roll {
                0..=69 => ("verified", ""),
                70..=93 => ("recorded", ""),
                _ => (
                    "rejected",
                    "Sertifikat tidak terbaca; unggah ulang dengan pindaian yang jelas.",
                ),
            };
            entries.push(EntryRow {
                employee_id: e.id,
                path: program.path,
                title: program.title.clone(),
                organiser: program.organiser,
                starts_on: date(year, m, 3),
                ends_on: date(year, m, 3 + amount.max(1) as u32 - 1),
                amount: amount.max(1),
                unit,
                jp,
                status,
                reason,
            });
        }
    }
    Development {
        competencies,
        standards,
        assessments,
        programs,
        plans,
        items,
        events,
        entries,
    }
}

#[allow(clippy::too_many_arguments)]
fn plan_for(
    e: &Employee,
    rng: &mut fastrand::Rng,
    rules: &JpRules,
    standard_of: &HashMap<String, Vec<(i64, i64)>>,
    levels: &HashMap<(i64, i64), i64>,
    competencies: &[CompetencyRow],
    programs: &[ProgramRow],
    now: i64,
    plans: &mut Vec<PlanRow>,
    items: &mut Vec<ItemRow>,
    events: &mut Vec<EventRow>,
) {
    let roll = rng.u8(..100);
    let status = match (roll, e.supervisor_id) {
        (0..=34, _) => return,
        (_, None) => PlanStatus::Draft,
        (35..=49, _) => PlanStatus::Draft,
        (50..=64, _) => PlanStatus::Submitted,
        (65..=71, _) => PlanStatus::Returned,
        _ => PlanStatus::Approved,
    };
    let plan_id = plans.len() as i64 + 1;
    let at = now - i64::from(rng.u32(3..90)) * 86_400;
    plans.push(PlanRow {
        id: plan_id,
        employee_id: e.id,
        status,
        updated_at: at,
    });
    // The largest gaps first, two to four of them.
    let mut gaps: Vec<(i64, i64)> = standard_of[&e.jabatan]
        .iter()
        .map(|&(c, required)| (c, required - levels.get(&(e.id, c)).copied().unwrap_or(0)))
        .collect();
    gaps.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for &(competency_id, gap) in gaps.iter().take(rng.usize(2..=4)) {
        let kind = competencies[competency_id as usize - 1].kind;
        let path = bina_app::competency::suggested_paths(kind, gap.clamp(0, 5) as u8)
            .first()
            .copied()
            .unwrap_or(DevPath::ELearning);
        let program = programs
            .iter()
            .find(|p| p.competency_id == competency_id && p.path == path);
        items.push(ItemRow {
            plan_id,
            competency_id,
            path,
            title: program.map_or_else(
                || {
                    format!(
                        "Mentoring {}",
                        competencies[competency_id as usize - 1].name
                    )
                },
                |p| p.title.clone(),
            ),
            planned_jp: program
                .map_or_else(|| i64::from(default_planned_jp(rules, path)) * 3, |p| p.jp),
            quarter: i64::from(rng.u8(1..=4)),
            program_id: program.map(|p| p.id),
        });
    }
    let supervisor = e.supervisor_id.unwrap_or(e.id);
    let mut event = |actor, action, from, to, comment, at| {
        events.push(EventRow {
            plan_id,
            actor,
            action,
            from,
            to,
            comment,
            at,
        })
    };
    use PlanStatus::*;
    match status {
        Draft => {}
        Submitted => event(e.id, "submit", Draft, Submitted, "", at),
        Returned => {
            event(e.id, "submit", Draft, Submitted, "", at - 86_400);
            let comment = RETURN_COMMENTS[rng.usize(..RETURN_COMMENTS.len())];
            event(supervisor, "return", Submitted, Returned, comment, at);
        }
        Approved | Superseded => {
            event(e.id, "submit", Draft, Submitted, "", at - 2 * 86_400);
            event(supervisor, "approve", Submitted, Approved, "", at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_position_has_a_standard_and_levels_grow_with_it() {
        let city = super::super::city::generate(1500, 2026);
        let dev = generate(&city, 2026, 11, 1_800_000_000);
        assert_eq!(dev.competencies.len(), 27);
        for e in &city.employees {
            assert!(
                dev.standards.iter().any(|s| s.jabatan == e.jabatan),
                "{}",
                e.jabatan
            );
        }
        assert!(required_level("pelaksana") < required_level("pengawas"));
        assert!(required_level("pengawas") < required_level("administrator"));
        assert!(required_level("administrator") < required_level("jpt_pratama"));
        // Teachers are held to the teaching competencies.
        let teaching = dev
            .competencies
            .iter()
            .find(|c| c.code == "T.DIK.01")
            .unwrap()
            .id;
        assert!(
            dev.standards
                .iter()
                .any(|s| s.jabatan.starts_with("Guru") && s.competency_id == teaching)
        );
        assert!(dev.assessments.iter().all(|a| (1..=5).contains(&a.level)));
    }

    #[test]
    fn plans_come_in_every_state_and_demo_people_start_clean() {
        let city = super::super::city::generate(1500, 2026);
        let dev = generate(&city, 2026, 11, 1_800_000_000);
        for status in [
            PlanStatus::Draft,
            PlanStatus::Submitted,
            PlanStatus::Returned,
            PlanStatus::Approved,
        ] {
            assert!(dev.plans.iter().any(|p| p.status == status), "{status:?}");
        }
        let demo: Vec<i64> = city.demo.iter().map(|d| d.employee_id).collect();
        assert!(!dev.plans.iter().any(|p| demo.contains(&p.employee_id)));
        assert!(!dev.entries.iter().any(|e| demo.contains(&e.employee_id)));
        assert!(dev.items.iter().all(|i| i.planned_jp > 0));
        assert!(dev.entries.iter().all(|e| e.jp > 0));
    }
}
