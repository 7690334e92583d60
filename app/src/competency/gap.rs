//! Competency gaps: the required level of a position against the assessed level, and the
//! development paths that suit a gap. Pure: no I/O, unit-tested below.

use serde::{Deserialize, Serialize};

use super::CompetencyKind;
use crate::jp::DevPath;

/// One competency of a person's position: what is required and what was last assessed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetencyGap {
    pub competency_id: i64,
    pub code: String,
    pub name: String,
    pub kind: CompetencyKind,
    pub required: u8,
    /// The latest assessed level; `None` when never assessed.
    pub current: Option<u8>,
}

impl CompetencyGap {
    /// Levels still to climb. An unassessed competency counts as level 0: the whole
    /// requirement is open until someone assesses it.
    pub fn gap(&self) -> u8 {
        self.required.saturating_sub(self.current.unwrap_or(0))
    }
}

/// Largest gap first; ties by kind (technical, managerial, socio-cultural) and code, so the
/// order is stable for the chart, the table and the tests.
pub fn sort_by_gap(gaps: &mut [CompetencyGap]) {
    gaps.sort_by(|a, b| {
        b.gap()
            .cmp(&a.gap())
            .then(a.kind.order().cmp(&b.kind.order()))
            .then(a.code.cmp(&b.code))
    });
}

/// The development paths that suit a gap, best first. Large gaps need formal training plus
/// learning from others; small gaps are closed on the job and with others (the 10:20:70
/// guidance of DOMAIN.md). No gap suggests nothing.
pub fn suggested_paths(kind: CompetencyKind, gap: u8) -> Vec<DevPath> {
    let training = match kind {
        CompetencyKind::Teknis => DevPath::PelatihanTeknis,
        CompetencyKind::Manajerial => DevPath::PelatihanManajerial,
        CompetencyKind::SosialKultural => DevPath::PelatihanSosialKultural,
    };
    match gap {
        0 => vec![],
        1 => vec![
            DevPath::Coaching,
            DevPath::Mentoring,
            DevPath::ELearning,
            DevPath::BimbinganDiTempatKerja,
        ],
        _ => vec![training, DevPath::Mentoring, DevPath::ELearning],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap(code: &str, kind: CompetencyKind, required: u8, current: Option<u8>) -> CompetencyGap {
        CompetencyGap {
            competency_id: 0,
            code: code.into(),
            name: code.into(),
            kind,
            required,
            current,
        }
    }

    #[test]
    fn gap_is_required_minus_current_never_negative() {
        assert_eq!(gap("M.01", CompetencyKind::Manajerial, 3, Some(1)).gap(), 2);
        assert_eq!(gap("M.01", CompetencyKind::Manajerial, 3, Some(3)).gap(), 0);
        assert_eq!(gap("M.01", CompetencyKind::Manajerial, 2, Some(5)).gap(), 0);
        assert_eq!(gap("M.01", CompetencyKind::Manajerial, 3, None).gap(), 3);
    }

    #[test]
    fn largest_gap_first_then_kind_then_code() {
        let mut gaps = vec![
            gap("M.02", CompetencyKind::Manajerial, 3, Some(2)),
            gap("SK.01", CompetencyKind::SosialKultural, 3, Some(1)),
            gap("T.KEU.01", CompetencyKind::Teknis, 3, Some(2)),
            gap("M.01", CompetencyKind::Manajerial, 3, Some(2)),
            gap("M.05", CompetencyKind::Manajerial, 2, Some(3)),
            gap("T.KEU.02", CompetencyKind::Teknis, 4, None),
        ];
        sort_by_gap(&mut gaps);
        let codes: Vec<&str> = gaps.iter().map(|g| g.code.as_str()).collect();
        assert_eq!(
            codes,
            ["T.KEU.02", "SK.01", "T.KEU.01", "M.01", "M.02", "M.05"]
        );
    }

    #[test]
    fn suggestions_grow_with_the_gap_and_follow_the_kind() {
        assert!(suggested_paths(CompetencyKind::Teknis, 0).is_empty());
        assert_eq!(
            suggested_paths(CompetencyKind::Teknis, 2)[0],
            DevPath::PelatihanTeknis
        );
        assert_eq!(
            suggested_paths(CompetencyKind::Manajerial, 3)[0],
            DevPath::PelatihanManajerial
        );
        assert_eq!(
            suggested_paths(CompetencyKind::SosialKultural, 2)[0],
            DevPath::PelatihanSosialKultural
        );
        assert!(!suggested_paths(CompetencyKind::Teknis, 1).contains(&DevPath::PelatihanTeknis));
        assert!(suggested_paths(CompetencyKind::Teknis, 1).contains(&DevPath::Coaching));
    }
}
