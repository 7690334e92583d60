//! The rules a plan and its items must meet, shared by the browser (to warn before posting)
//! and the server (which decides). Pure: unit-tested below.

use serde::{Deserialize, Serialize};

use crate::error::feature::FeatureError;
use crate::validation::{Lines, clean_text};

use crate::jp::DevPath;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_COMMENT_CHARS: usize = 1000;
/// More JP than this in one item is a typing slip, not a plan (a whole leadership course is
/// about 300 JP).
pub const MAX_ITEM_JP: u32 = 400;
/// Items in one plan: a year of development, not a wish list.
pub const MAX_ITEMS: usize = 30;

/// Why a plan or an item was refused. Each has an Indonesian message in the i18n files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanError {
    /// A text field holds a character that is not text (`validation::clean_text`).
    UnreadableText,
    TitleEmpty,
    TitleTooLong,
    JpNotNumber,
    JpNotPositive,
    JpTooLarge,
    QuarterInvalid,
    YearOutOfRange,
    PathUnknown,
    /// The competency is not one of the employee's position (or is retired).
    CompetencyUnknown,
    /// The catalog program does not exist or is retired.
    ProgramUnknown,
    NoItems,
    TooManyItems,
    CommentRequired,
    CommentTooLong,
    /// The plan is with the supervisor or approved: it cannot be changed now.
    NotEditable,
    /// The action does not apply to the plan's state (approving a draft, say).
    IllegalTransition,
}

impl FeatureError for PlanError {
    const ALL: &'static [Self] = &[
        PlanError::UnreadableText,
        PlanError::TitleEmpty,
        PlanError::TitleTooLong,
        PlanError::JpNotNumber,
        PlanError::JpNotPositive,
        PlanError::JpTooLarge,
        PlanError::QuarterInvalid,
        PlanError::YearOutOfRange,
        PlanError::PathUnknown,
        PlanError::CompetencyUnknown,
        PlanError::ProgramUnknown,
        PlanError::NoItems,
        PlanError::TooManyItems,
        PlanError::CommentRequired,
        PlanError::CommentTooLong,
        PlanError::NotEditable,
        PlanError::IllegalTransition,
    ];

    fn code(self) -> &'static str {
        match self {
            PlanError::UnreadableText => "teks-tak-terbaca",
            PlanError::TitleEmpty => "judul-kosong",
            PlanError::TitleTooLong => "judul-panjang",
            PlanError::JpNotNumber => "jp-angka",
            PlanError::JpNotPositive => "jp-nol",
            PlanError::JpTooLarge => "jp-besar",
            PlanError::QuarterInvalid => "triwulan",
            PlanError::YearOutOfRange => "tahun",
            PlanError::PathUnknown => "jalur",
            PlanError::CompetencyUnknown => "kompetensi",
            PlanError::ProgramUnknown => "program",
            PlanError::NoItems => "kosong",
            PlanError::TooManyItems => "terlalu-banyak",
            PlanError::CommentRequired => "komentar-kosong",
            PlanError::CommentTooLong => "komentar-panjang",
            PlanError::NotEditable => "terkunci",
            PlanError::IllegalTransition => "status",
        }
    }

    fn status(self) -> u16 {
        match self {
            PlanError::NotEditable | PlanError::IllegalTransition => 409,
            _ => 422,
        }
    }
}

/// A plan item as typed into the form: text, so that a wrong number gets its own message.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanItemInput {
    pub competency_id: i64,
    pub path: String,
    pub title: String,
    pub planned_jp: String,
    pub target_quarter: String,
    pub program_id: Option<i64>,
}

/// A plan item that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidItem {
    pub competency_id: i64,
    pub path: DevPath,
    pub title: String,
    pub planned_jp: u32,
    pub target_quarter: u8,
    pub program_id: Option<i64>,
}

pub fn parse_jp(text: &str) -> Result<u32, PlanError> {
    let jp: i64 = text.trim().parse().map_err(|_| PlanError::JpNotNumber)?;
    if jp <= 0 {
        Err(PlanError::JpNotPositive)
    } else if jp > i64::from(MAX_ITEM_JP) {
        Err(PlanError::JpTooLarge)
    } else {
        Ok(jp as u32)
    }
}

pub fn validate_item(input: &PlanItemInput) -> Result<ValidItem, PlanError> {
    let title = clean_text(&input.title, Lines::One)?;
    if title.is_empty() {
        return Err(PlanError::TitleEmpty);
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(PlanError::TitleTooLong);
    }
    let path = DevPath::from_code(input.path.trim()).ok_or(PlanError::PathUnknown)?;
    let planned_jp = parse_jp(&input.planned_jp)?;
    let target_quarter = match input.target_quarter.trim().parse::<u8>() {
        Ok(q @ 1..=4) => q,
        _ => return Err(PlanError::QuarterInvalid),
    };
    Ok(ValidItem {
        competency_id: input.competency_id,
        path,
        title,
        planned_jp,
        target_quarter,
        program_id: input.program_id,
    })
}

/// Plans are made for last year (late entries), this year or next year.
pub fn check_year(year: i32, current_year: i32) -> Result<(), PlanError> {
    if (current_year - 1..=current_year + 1).contains(&year) {
        Ok(())
    } else {
        Err(PlanError::YearOutOfRange)
    }
}

pub fn check_can_add_item(items_now: usize) -> Result<(), PlanError> {
    if items_now >= MAX_ITEMS {
        Err(PlanError::TooManyItems)
    } else {
        Ok(())
    }
}

pub fn check_submittable(items: usize) -> Result<(), PlanError> {
    if items == 0 {
        Err(PlanError::NoItems)
    } else {
        Ok(())
    }
}

/// The supervisor's comment when returning a plan: required, cleaned, bounded.
pub fn return_comment(comment: &str) -> Result<String, PlanError> {
    let comment = approval_comment(comment)?;
    if comment.is_empty() {
        Err(PlanError::CommentRequired)
    } else {
        Ok(comment)
    }
}

/// The supervisor's comment when approving: optional, cleaned, bounded.
pub fn approval_comment(comment: &str) -> Result<String, PlanError> {
    let comment = clean_text(comment, Lines::Many)?;
    if comment.chars().count() > MAX_COMMENT_CHARS {
        Err(PlanError::CommentTooLong)
    } else {
        Ok(comment)
    }
}

/// A plan under the yearly target is allowed (the rest may come from mentoring or later
/// programs) but the employee is warned.
pub fn under_target(total_jp: u32, target: u32) -> bool {
    total_jp < target
}

impl From<crate::validation::TextError> for PlanError {
    fn from(_: crate::validation::TextError) -> Self {
        PlanError::UnreadableText
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spoils one field of a good input.
    type Spoil = fn(&mut PlanItemInput);

    fn input() -> PlanItemInput {
        PlanItemInput {
            competency_id: 3,
            path: "pelatihan_teknis".into(),
            title: "  Pelatihan Penatausahaan Keuangan Daerah ".into(),
            planned_jp: "24".into(),
            target_quarter: "2".into(),
            program_id: None,
        }
    }

    #[test]
    fn a_good_item_is_trimmed_and_typed() {
        let item = validate_item(&input()).unwrap();
        assert_eq!(item.title, "Pelatihan Penatausahaan Keuangan Daerah");
        assert_eq!(item.path, DevPath::PelatihanTeknis);
        assert_eq!(item.planned_jp, 24);
        assert_eq!(item.target_quarter, 2);
    }

    #[test]
    fn each_bad_field_has_its_own_error() {
        let cases: [(Spoil, PlanError); 9] = [
            (|i| i.title = "   ".into(), PlanError::TitleEmpty),
            (|i| i.title = "x".repeat(201), PlanError::TitleTooLong),
            (|i| i.path = "kuliah".into(), PlanError::PathUnknown),
            (|i| i.planned_jp = "dua".into(), PlanError::JpNotNumber),
            (|i| i.planned_jp = "0".into(), PlanError::JpNotPositive),
            (|i| i.planned_jp = "-4".into(), PlanError::JpNotPositive),
            (|i| i.planned_jp = "401".into(), PlanError::JpTooLarge),
            (|i| i.target_quarter = "5".into(), PlanError::QuarterInvalid),
            (|i| i.target_quarter = "".into(), PlanError::QuarterInvalid),
        ];
        for (spoil, expected) in cases {
            let mut bad = input();
            spoil(&mut bad);
            assert_eq!(validate_item(&bad), Err(expected));
        }
        let mut at_limit = input();
        at_limit.planned_jp = "400".into();
        at_limit.title = "é".repeat(200);
        assert!(validate_item(&at_limit).is_ok());
    }

    #[test]
    fn years_plans_and_comments() {
        assert!(check_year(2026, 2026).is_ok());
        assert!(check_year(2025, 2026).is_ok());
        assert!(check_year(2027, 2026).is_ok());
        assert_eq!(check_year(2024, 2026), Err(PlanError::YearOutOfRange));
        assert_eq!(check_year(2028, 2026), Err(PlanError::YearOutOfRange));
        assert_eq!(check_submittable(0), Err(PlanError::NoItems));
        assert!(check_submittable(1).is_ok());
        assert!(check_can_add_item(MAX_ITEMS - 1).is_ok());
        assert_eq!(check_can_add_item(MAX_ITEMS), Err(PlanError::TooManyItems));
        assert_eq!(return_comment("  "), Err(PlanError::CommentRequired));
        assert_eq!(return_comment(" Tambah JP "), Ok("Tambah JP".into()));
        assert_eq!(
            return_comment(&"a".repeat(1001)),
            Err(PlanError::CommentTooLong)
        );
        assert!(under_target(19, 20));
        assert!(!under_target(20, 20));
    }

    #[test]
    fn error_codes_round_trip() {
        for &e in PlanError::ALL {
            assert_eq!(PlanError::from_code(e.code()), Some(e));
        }
        assert_eq!(PlanError::from_code("x"), None);
    }
}
