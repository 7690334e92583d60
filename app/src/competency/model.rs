//! competency's types shared by the browser and the server.

use super::gap::{CompetencyGap, sort_by_gap, suggested_paths};
use crate::{catalog::ProgramRef, jp::DevPath};
use serde::{Deserialize, Serialize};

/// A competency to choose in a form (a plan item, a mentoring filter), with the chooser's gap
/// in it where that is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetencyChoice {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub gap: u8,
}

/// The three kinds of PermenPANRB 38/2017.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CompetencyKind {
    Manajerial,
    SosialKultural,
    Teknis,
}

impl CompetencyKind {
    pub fn as_db(self) -> &'static str {
        match self {
            CompetencyKind::Manajerial => "manajerial",
            CompetencyKind::SosialKultural => "sosial_kultural",
            CompetencyKind::Teknis => "teknis",
        }
    }

    pub fn from_db(s: &str) -> CompetencyKind {
        match s {
            "teknis" => CompetencyKind::Teknis,
            "sosial_kultural" => CompetencyKind::SosialKultural,
            _ => CompetencyKind::Manajerial,
        }
    }

    /// Order in lists: the job's own (technical) competencies first.
    pub fn order(self) -> u8 {
        match self {
            CompetencyKind::Teknis => 0,
            CompetencyKind::Manajerial => 1,
            CompetencyKind::SosialKultural => 2,
        }
    }
}

/// One gap with what could close it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapDetail {
    pub gap: CompetencyGap,
    pub suggested: Vec<DevPath>,
    pub programs: Vec<ProgramRef>,
}

/// "Kompetensi Saya": the position and its competencies, largest gap first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyCompetencies {
    pub jabatan: String,
    pub details: Vec<GapDetail>,
}

/// Builds the page's gaps: sorted, each with suggested paths and up to three open programs
/// that address it.
pub fn gap_details(mut gaps: Vec<CompetencyGap>, programs: &[ProgramRef]) -> Vec<GapDetail> {
    sort_by_gap(&mut gaps);
    gaps.into_iter()
        .map(|gap| {
            let size = gap.gap();
            let suggested = suggested_paths(gap.kind, size);
            let programs = if size == 0 {
                vec![]
            } else {
                programs
                    .iter()
                    .filter(|p| p.competency_id == gap.competency_id)
                    .take(3)
                    .cloned()
                    .collect()
            };
            GapDetail {
                gap,
                suggested,
                programs,
            }
        })
        .collect()
}
