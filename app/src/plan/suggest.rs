//! "Saran untuk saya": plan items that close a person's largest competency gaps first until
//! the year's JP target is reached, preferring what the person's location can reach (online
//! programs and online mentors for remote staff). Pure: the plan page gathers the facts.

use serde::{Deserialize, Serialize};

use crate::{
    catalog::{ProgramMode, ProgramRef},
    jp::DevPath,
    org::AccessClass,
};

/// Suggestions shown at most: a plan of a handful of items, not a catalogue.
pub const MAX_SUGGESTIONS: usize = 5;
/// Sessions a suggested mentorship is planned with.
pub const MENTORING_SESSIONS: u32 = 3;

/// A competency with a gap, largest first as the plan page sorts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub competency_id: i64,
    pub code: String,
    pub name: String,
    pub gap: u8,
}

/// Mentors taking requests for a competency: whether any meets online.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentorsFor {
    pub competency_id: i64,
    pub online: bool,
}

/// What the suggestion weighs.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    /// Competencies with a gap, largest first.
    pub needs: &'a [Need],
    /// The catalog programs open to the person.
    pub programs: &'a [ProgramRef],
    pub mentors: &'a [MentorsFor],
    pub access: AccessClass,
    /// This year's JP verified or waiting for verification, and the JP of the plan's items.
    pub earned: u32,
    pub planned: u32,
    pub target: u32,
    /// Competencies and programs the plan already has an item for.
    pub planned_competencies: &'a [i64],
    pub planned_programs: &'a [i64],
    /// JP of one mentoring session (the conversion rules).
    pub mentoring_session_jp: u32,
    /// The quarter (1–4) it is now: when a suggested mentorship is planned for.
    pub this_quarter: u8,
}

/// How a suggested item is learnt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Way {
    Program {
        program_id: i64,
        title: String,
        path: DevPath,
        mode: ProgramMode,
    },
    /// A mentorship of [`MENTORING_SESSIONS`] sessions; `online` when a mentor meets online.
    Mentoring { online: bool },
}

/// One suggested plan item and its reason: the competency, its gap, the way, the JP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub competency_id: i64,
    pub code: String,
    pub name: String,
    pub gap: u8,
    pub way: Way,
    pub jp: u32,
    /// The quarter (1–4) to plan it for: a program's start, a mentorship's now.
    pub quarter: u8,
}

/// JP still to plan for the target: the plan is how the year's target is to be reached, and
/// JP already verified or waiting count too, whichever is more.
pub fn jp_to_plan(earned: u32, planned: u32, target: u32) -> u32 {
    target.saturating_sub(earned.max(planned))
}

/// How hard a way is to reach from where the person works (0: easiest). Remote staff reach
/// online first, then blended (one trip), then a classroom; peri-urban staff reach online and
/// blended alike; in the city every way is as easy.
fn reach(access: AccessClass, online: bool, mode: Option<ProgramMode>) -> u8 {
    let online = online || mode == Some(ProgramMode::Online);
    match (access, online, mode) {
        (AccessClass::Urban, _, _) | (_, true, _) => 0,
        (AccessClass::PeriUrban, false, Some(ProgramMode::Blended)) => 0,
        (AccessClass::PeriUrban, false, _) => 1,
        (AccessClass::Remote, false, Some(ProgramMode::Blended)) => 1,
        (AccessClass::Remote, false, _) => 2,
    }
}

/// The quarter a `YYYY-MM-DD` date falls in (1 when unreadable).
fn quarter_of(date: &str) -> u8 {
    let month: u8 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    month.clamp(1, 12).div_ceil(3)
}

/// The best way to learn one competency, if any: the easiest to reach, a program before a
/// mentorship when equally easy (it has its own JP and dates), then the earliest start.
fn best_way(facts: &Facts<'_>, need: &Need) -> Option<(Way, u32, u8)> {
    let programs = facts
        .programs
        .iter()
        .filter(|p| p.competency_id == need.competency_id)
        .filter(|p| !facts.planned_programs.contains(&p.id))
        .map(|p| {
            let way = Way::Program {
                program_id: p.id,
                title: p.title.clone(),
                path: p.path,
                mode: p.mode,
            };
            let rank = (
                reach(facts.access, false, Some(p.mode)),
                0,
                p.starts_on.clone(),
            );
            (rank, way, p.jp, quarter_of(&p.starts_on))
        });
    let mentoring = facts
        .mentors
        .iter()
        .find(|m| m.competency_id == need.competency_id)
        .map(|m| {
            let jp = MENTORING_SESSIONS * facts.mentoring_session_jp;
            let way = Way::Mentoring { online: m.online };
            let rank = (reach(facts.access, m.online, None), 1, String::new());
            (rank, way, jp, facts.this_quarter.clamp(1, 4))
        });
    programs
        .chain(mentoring)
        .filter(|(_, _, jp, _)| *jp > 0)
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, way, jp, quarter)| (way, jp, quarter))
}

/// The suggested items, largest gap first, until they reach the JP still to plan (none when
/// the plan or the JP already reach the target). A competency the plan already has an item
/// for is left out: its gap is being worked on.
pub fn suggest(facts: &Facts<'_>) -> Vec<Suggestion> {
    let mut missing = jp_to_plan(facts.earned, facts.planned, facts.target);
    let mut out = Vec::new();
    for need in facts.needs.iter().filter(|n| n.gap > 0) {
        if missing == 0 || out.len() == MAX_SUGGESTIONS {
            break;
        }
        if facts.planned_competencies.contains(&need.competency_id) {
            continue;
        }
        let Some((way, jp, quarter)) = best_way(facts, need) else {
            continue;
        };
        missing = missing.saturating_sub(jp);
        out.push(Suggestion {
            competency_id: need.competency_id,
            code: need.code.clone(),
            name: need.name.clone(),
            gap: need.gap,
            way,
            jp,
            quarter,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(id: i64, gap: u8) -> Need {
        Need {
            competency_id: id,
            code: format!("M.{id:02}"),
            name: format!("Kompetensi {id}"),
            gap,
        }
    }

    fn program(id: i64, competency: i64, mode: ProgramMode, jp: u32, starts: &str) -> ProgramRef {
        ProgramRef {
            id,
            title: format!("Program {id}"),
            path: if mode == ProgramMode::Online {
                DevPath::ELearning
            } else {
                DevPath::PelatihanTeknis
            },
            jp,
            mode,
            organiser: "BKPSDMD Kota Palu".into(),
            starts_on: starts.into(),
            ends_on: starts.into(),
            place: String::new(),
            competency_id: competency,
            competency_code: format!("M.{competency:02}"),
        }
    }

    fn facts<'a>(
        needs: &'a [Need],
        programs: &'a [ProgramRef],
        mentors: &'a [MentorsFor],
        access: AccessClass,
    ) -> Facts<'a> {
        Facts {
            needs,
            programs,
            mentors,
            access,
            earned: 0,
            planned: 0,
            target: 20,
            planned_competencies: &[],
            planned_programs: &[],
            mentoring_session_jp: 2,
            this_quarter: 2,
        }
    }

    fn programs_of(suggestions: &[Suggestion]) -> Vec<i64> {
        suggestions
            .iter()
            .map(|s| match s.way {
                Way::Program { program_id, .. } => program_id,
                Way::Mentoring { .. } => 0,
            })
            .collect()
    }

    #[test]
    fn the_largest_gaps_come_first_until_the_target_is_reached() {
        let needs = [need(5, 2), need(3, 1), need(7, 1)];
        let programs = [
            program(1, 3, ProgramMode::Online, 8, "2026-04-01"),
            program(2, 5, ProgramMode::Online, 12, "2026-02-01"),
            program(3, 7, ProgramMode::Online, 8, "2026-03-01"),
        ];
        let got = suggest(&facts(&needs, &programs, &[], AccessClass::Urban));
        // 12 + 8 reach 20: the third is not needed.
        assert_eq!(programs_of(&got), vec![2, 1]);
        assert_eq!(got[0].code, "M.05");
        assert_eq!(got[0].gap, 2);
        assert_eq!(got.iter().map(|s| s.jp).sum::<u32>(), 20);
    }

    #[test]
    fn nothing_is_suggested_once_the_plan_or_the_jp_reach_the_target() {
        let needs = [need(5, 2)];
        let programs = [program(2, 5, ProgramMode::Online, 12, "2026-02-01")];
        let base = facts(&needs, &programs, &[], AccessClass::Urban);
        assert!(
            suggest(&Facts {
                planned: 20,
                ..base.clone()
            })
            .is_empty()
        );
        assert!(
            suggest(&Facts {
                earned: 24,
                ..base.clone()
            })
            .is_empty()
        );
        assert_eq!(suggest(&Facts { earned: 12, ..base }).len(), 1);
        assert_eq!(jp_to_plan(12, 16, 20), 4);
        assert_eq!(jp_to_plan(30, 0, 20), 0);
    }

    #[test]
    fn remote_staff_get_online_programs_and_online_mentors_first() {
        let needs = [need(5, 2), need(3, 2)];
        let programs = [
            program(1, 5, ProgramMode::Classroom, 16, "2026-02-01"),
            program(2, 5, ProgramMode::Online, 8, "2026-06-01"),
            program(3, 3, ProgramMode::Classroom, 16, "2026-02-01"),
        ];
        let mentors = [MentorsFor {
            competency_id: 3,
            online: true,
        }];
        let remote = suggest(&facts(&needs, &programs, &mentors, AccessClass::Remote));
        assert_eq!(
            programs_of(&remote),
            vec![2, 0],
            "online program, online mentor"
        );
        assert_eq!(remote[1].way, Way::Mentoring { online: true });
        assert_eq!(remote[1].jp, MENTORING_SESSIONS * 2);
        // In the city the earliest program comes first, and a program before a mentor.
        let urban = suggest(&facts(&needs, &programs, &mentors, AccessClass::Urban));
        assert_eq!(programs_of(&urban), vec![1, 3]);
    }

    #[test]
    fn a_remote_person_still_gets_a_classroom_when_nothing_else_teaches_it() {
        let needs = [need(5, 1)];
        let programs = [program(1, 5, ProgramMode::Classroom, 16, "2026-08-10")];
        let got = suggest(&facts(&needs, &programs, &[], AccessClass::Remote));
        assert_eq!(programs_of(&got), vec![1]);
        assert_eq!(got[0].quarter, 3, "the program's start");
        let in_person = [MentorsFor {
            competency_id: 5,
            online: false,
        }];
        let got = suggest(&facts(&needs, &[], &in_person, AccessClass::Remote));
        assert_eq!(got[0].way, Way::Mentoring { online: false });
        assert_eq!(got[0].quarter, 2, "a mentorship starts now");
    }

    #[test]
    fn what_the_plan_holds_already_is_not_suggested_again() {
        let needs = [need(5, 2), need(3, 1), need(9, 0)];
        let programs = [
            program(1, 5, ProgramMode::Online, 8, "2026-02-01"),
            program(2, 5, ProgramMode::Online, 8, "2026-03-01"),
            program(3, 3, ProgramMode::Online, 8, "2026-03-01"),
            program(4, 9, ProgramMode::Online, 8, "2026-03-01"),
        ];
        let planned = Facts {
            planned_competencies: &[3],
            planned_programs: &[1],
            planned: 8,
            ..facts(&needs, &programs, &[], AccessClass::Urban)
        };
        // Competency 3 is planned, program 1 too; a competency without a gap never comes.
        assert_eq!(programs_of(&suggest(&planned)), vec![2]);
    }

    #[test]
    fn a_gap_nothing_teaches_is_passed_over_and_at_most_five_come() {
        let needs: Vec<Need> = (1..=8).map(|i| need(i, 1)).collect();
        let programs: Vec<ProgramRef> = (2..=8)
            .map(|i| program(i, i, ProgramMode::Online, 2, "2026-01-05"))
            .collect();
        let got = suggest(&facts(&needs, &programs, &[], AccessClass::Urban));
        assert_eq!(programs_of(&got), vec![2, 3, 4, 5, 6]);
    }

    #[test]
    fn quarters_follow_the_start_month() {
        assert_eq!(quarter_of("2026-01-31"), 1);
        assert_eq!(quarter_of("2026-04-01"), 2);
        assert_eq!(quarter_of("2026-09-30"), 3);
        assert_eq!(quarter_of("2026-12-01"), 4);
        assert_eq!(quarter_of("kapan"), 1);
    }
}
