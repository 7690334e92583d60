//! What the admin may write into the dictionary, the standards and the catalog. Pure, shared
//! by browser and server, unit-tested below.

use serde::{Deserialize, Serialize};

use crate::error::feature::FeatureError;
use crate::validation::{Lines, clean_text};

use crate::{calendar::IsoDate, catalog::ProgramMode, competency::CompetencyKind, jp::DevPath};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdminError {
    /// A text field holds a character that is not text (`validation::clean_text`).
    UnreadableText,
    /// Codes look like `M.01`, `SK.01`, `T.KEU.04`: capitals, digits and dots.
    CodeInvalid,
    CodeTaken,
    KindInvalid,
    NameInvalid,
    DescriptionTooLong,
    /// Exactly five behaviour indicators, one per level, one per line.
    IndicatorsInvalid,
    /// A competency that standards, assessments, plans or programs use is retired instead.
    InUse,
    LevelInvalid,
    JabatanUnknown,
    ProgramInvalid,
    DatesInvalid,
}

impl FeatureError for AdminError {
    const ALL: &'static [Self] = &[
        AdminError::UnreadableText,
        AdminError::CodeInvalid,
        AdminError::CodeTaken,
        AdminError::KindInvalid,
        AdminError::NameInvalid,
        AdminError::DescriptionTooLong,
        AdminError::IndicatorsInvalid,
        AdminError::InUse,
        AdminError::LevelInvalid,
        AdminError::JabatanUnknown,
        AdminError::ProgramInvalid,
        AdminError::DatesInvalid,
    ];

    fn code(self) -> &'static str {
        match self {
            AdminError::UnreadableText => "teks-tak-terbaca",
            AdminError::CodeInvalid => "kode",
            AdminError::CodeTaken => "kode-dipakai",
            AdminError::KindInvalid => "jenis",
            AdminError::NameInvalid => "nama",
            AdminError::DescriptionTooLong => "deskripsi",
            AdminError::IndicatorsInvalid => "indikator",
            AdminError::InUse => "dipakai",
            AdminError::LevelInvalid => "tingkat",
            AdminError::JabatanUnknown => "jabatan",
            AdminError::ProgramInvalid => "program",
            AdminError::DatesInvalid => "tanggal",
        }
    }

    fn status(self) -> u16 {
        match self {
            AdminError::InUse | AdminError::CodeTaken => 409,
            _ => 422,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCompetency {
    pub code: String,
    pub kind: CompetencyKind,
    pub name: String,
    pub description: String,
    pub indicators: String,
}

pub fn validate_competency(
    code: &str,
    kind: &str,
    name: &str,
    description: &str,
    indicators: &str,
) -> Result<ValidCompetency, AdminError> {
    let code = code.trim().to_uppercase();
    let code_ok = (2..=16).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
        && code.starts_with(|c: char| c.is_ascii_uppercase())
        && !code.ends_with('.');
    if !code_ok {
        return Err(AdminError::CodeInvalid);
    }
    let kind = match kind {
        "manajerial" | "sosial_kultural" | "teknis" => CompetencyKind::from_db(kind),
        _ => return Err(AdminError::KindInvalid),
    };
    let name = clean_text(name, Lines::One)?;
    if name.is_empty() || name.chars().count() > 120 {
        return Err(AdminError::NameInvalid);
    }
    let description = clean_text(description, Lines::Many)?;
    if description.chars().count() > 500 {
        return Err(AdminError::DescriptionTooLong);
    }
    let indicators = clean_text(indicators, Lines::Many)?;
    let lines: Vec<&str> = indicators
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() != 5 || lines.iter().any(|l| l.chars().count() > 300) {
        return Err(AdminError::IndicatorsInvalid);
    }
    Ok(ValidCompetency {
        code,
        kind,
        name,
        description,
        indicators: lines.join("\n"),
    })
}

/// A required level from the standards form: 1–5, or empty to drop the competency from the
/// position.
pub fn parse_level(text: &str) -> Result<Option<u8>, AdminError> {
    match text.trim() {
        "" => Ok(None),
        t => match t.parse::<u8>() {
            Ok(level @ 1..=5) => Ok(Some(level)),
            _ => Err(AdminError::LevelInvalid),
        },
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProgram {
    pub title: String,
    pub path: DevPath,
    pub jp: u32,
    pub mode: ProgramMode,
    pub organiser: String,
    pub place: String,
    pub starts_on: IsoDate,
    pub ends_on: IsoDate,
}

#[allow(clippy::too_many_arguments)]
pub fn validate_program(
    title: &str,
    path: &str,
    jp: &str,
    mode: &str,
    organiser: &str,
    place: &str,
    starts_on: &str,
    ends_on: &str,
) -> Result<ValidProgram, AdminError> {
    let text = |v: &str| -> Result<Option<String>, AdminError> {
        let v = clean_text(v, Lines::One)?;
        Ok((!v.is_empty() && v.chars().count() <= 200).then_some(v))
    };
    let (Some(title), Some(organiser), Some(place)) =
        (text(title)?, text(organiser)?, text(place)?)
    else {
        return Err(AdminError::ProgramInvalid);
    };
    let path = DevPath::from_code(path.trim()).ok_or(AdminError::ProgramInvalid)?;
    let jp = match jp.trim().parse::<u32>() {
        Ok(jp @ 1..=400) => jp,
        _ => return Err(AdminError::ProgramInvalid),
    };
    let mode = match mode {
        "classroom" | "online" | "blended" => ProgramMode::from_db(mode),
        _ => return Err(AdminError::ProgramInvalid),
    };
    let (Some(starts_on), Some(ends_on)) = (IsoDate::parse(starts_on), IsoDate::parse(ends_on))
    else {
        return Err(AdminError::DatesInvalid);
    };
    if ends_on < starts_on {
        return Err(AdminError::DatesInvalid);
    }
    Ok(ValidProgram {
        title,
        path,
        jp,
        mode,
        organiser,
        place,
        starts_on,
        ends_on,
    })
}

impl From<crate::validation::TextError> for AdminError {
    fn from(_: crate::validation::TextError) -> Self {
        AdminError::UnreadableText
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIVE: &str = "satu\ndua\ntiga\nempat\nlima";

    #[test]
    fn competencies_need_a_code_a_kind_a_name_and_five_levels() {
        let ok = validate_competency(" t.keu.04 ", "teknis", " Pengadaan ", "", FIVE).unwrap();
        assert_eq!(ok.code, "T.KEU.04");
        assert_eq!(ok.kind, CompetencyKind::Teknis);
        assert_eq!(ok.name, "Pengadaan");
        for bad in ["", "1.01", "M-01", "M.", "ABCDEFGHIJKLMNOPQ"] {
            assert_eq!(
                validate_competency(bad, "teknis", "x", "", FIVE),
                Err(AdminError::CodeInvalid),
                "{bad}"
            );
        }
        assert_eq!(
            validate_competency("M.09", "lain", "x", "", FIVE),
            Err(AdminError::KindInvalid)
        );
        assert_eq!(
            validate_competency("M.09", "manajerial", " ", "", FIVE),
            Err(AdminError::NameInvalid)
        );
        assert_eq!(
            validate_competency("M.09", "manajerial", "x", &"d".repeat(501), FIVE),
            Err(AdminError::DescriptionTooLong)
        );
        assert_eq!(
            validate_competency("M.09", "manajerial", "x", "", "satu\ndua"),
            Err(AdminError::IndicatorsInvalid)
        );
    }

    #[test]
    fn levels_are_one_to_five_or_empty() {
        assert_eq!(parse_level(""), Ok(None));
        assert_eq!(parse_level("3"), Ok(Some(3)));
        assert_eq!(parse_level("0"), Err(AdminError::LevelInvalid));
        assert_eq!(parse_level("6"), Err(AdminError::LevelInvalid));
        assert_eq!(parse_level("tiga"), Err(AdminError::LevelInvalid));
    }

    #[test]
    fn programs_need_every_field_and_ordered_dates() {
        let ok = validate_program(
            "Pelatihan PBJ",
            "pelatihan_teknis",
            "32",
            "blended",
            "LKPP",
            "Palu",
            "2026-03-02",
            "2026-03-05",
        )
        .unwrap();
        assert_eq!(ok.jp, 32);
        assert_eq!(
            validate_program(
                "",
                "pelatihan_teknis",
                "32",
                "online",
                "LKPP",
                "Palu",
                "2026-03-02",
                "2026-03-05"
            ),
            Err(AdminError::ProgramInvalid)
        );
        assert_eq!(
            validate_program(
                "x",
                "pelatihan_teknis",
                "0",
                "online",
                "LKPP",
                "Palu",
                "2026-03-02",
                "2026-03-05"
            ),
            Err(AdminError::ProgramInvalid)
        );
        assert_eq!(
            validate_program(
                "x",
                "pelatihan_teknis",
                "8",
                "online",
                "LKPP",
                "Palu",
                "2026-03-05",
                "2026-03-02"
            ),
            Err(AdminError::DatesInvalid)
        );
    }

    #[test]
    fn error_codes_round_trip() {
        for &e in AdminError::ALL {
            assert_eq!(AdminError::from_code(e.code()), Some(e));
        }
    }
}
