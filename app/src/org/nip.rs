//! NIP (Nomor Induk Pegawai), the 18-digit civil-servant number, parsed at the edge.
//!
//! Layout: digits 1–8 birth date `YYYYMMDD`; 9–14 year and month of CPNS appointment `YYYYMM`;
//! 15 sex (1 male, 2 female); 16–18 sequence. Past [`Nip::parse`] an invalid NIP cannot exist.

use serde::{Deserialize, Serialize};

use crate::error::feature::FeatureError;
use std::fmt;

use super::Sex;
use crate::calendar::is_real_date;

/// Which part of a NIP is wrong. Each variant has its own message in the i18n files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NipError {
    Empty,
    /// Not 18 characters long (after removing spaces).
    Length,
    /// Contains something other than digits.
    NotDigits,
    /// Digits 1–8 are not a real date, or not a plausible birth year.
    BirthDate,
    /// Digits 9–14 are not a real year and month, or not after the 18th birthday.
    AppointmentDate,
    /// Digit 15 is neither 1 nor 2.
    SexDigit,
    /// Digits 16–18 are 000.
    Sequence,
}

impl FeatureError for NipError {
    const ALL: &'static [Self] = &[
        NipError::Empty,
        NipError::Length,
        NipError::NotDigits,
        NipError::BirthDate,
        NipError::AppointmentDate,
        NipError::SexDigit,
        NipError::Sequence,
    ];

    fn code(self) -> &'static str {
        match self {
            NipError::Empty => "kosong",
            NipError::Length => "panjang",
            NipError::NotDigits => "angka",
            NipError::BirthDate => "lahir",
            NipError::AppointmentDate => "tmt",
            NipError::SexDigit => "kelamin",
            NipError::Sequence => "urut",
        }
    }
}

/// Oldest birth year and appointment year accepted. Civil servants retire at 58–65, so a
/// birth year before 1940 cannot belong to a serving employee.
const MIN_BIRTH_YEAR: u32 = 1940;
const MIN_APPOINTMENT_YEAR: u32 = 1958;
/// Latest year accepted anywhere in a NIP; a setting would be overkill for a sanity bound.
const MAX_YEAR: u32 = 2100;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Nip(String);

impl Nip {
    /// Parses a NIP typed by a person: spaces and dots (as printed on ID cards) are ignored.
    pub fn parse(input: &str) -> Result<Nip, NipError> {
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect();
        if digits.is_empty() {
            return Err(NipError::Empty);
        }
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(NipError::NotDigits);
        }
        if digits.len() != 18 {
            return Err(NipError::Length);
        }
        let num = |range: std::ops::Range<usize>| -> u32 { digits[range].parse().unwrap_or(0) };

        let (birth_year, birth_month, birth_day) = (num(0..4), num(4..6), num(6..8));
        if !(MIN_BIRTH_YEAR..=MAX_YEAR).contains(&birth_year)
            || !is_real_date(birth_year, birth_month, birth_day)
        {
            return Err(NipError::BirthDate);
        }
        let (tmt_year, tmt_month) = (num(8..12), num(12..14));
        let adult_at = (birth_year + 18) * 100 + birth_month;
        if !(MIN_APPOINTMENT_YEAR..=MAX_YEAR).contains(&tmt_year)
            || !(1..=12).contains(&tmt_month)
            || tmt_year * 100 + tmt_month < adult_at
        {
            return Err(NipError::AppointmentDate);
        }
        if !matches!(&digits[14..15], "1" | "2") {
            return Err(NipError::SexDigit);
        }
        if &digits[15..18] == "000" {
            return Err(NipError::Sequence);
        }
        Ok(Nip(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn sex(&self) -> Sex {
        if &self.0[14..15] == "1" {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// Birth date as (year, month, day).
    pub fn birth_date(&self) -> (u32, u32, u32) {
        let n = |r: std::ops::Range<usize>| self.0[r].parse().unwrap_or(0);
        (n(0..4), n(4..6), n(6..8))
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_example_from_the_regulation() {
        let nip = Nip::parse("198609262015051001").unwrap();
        assert_eq!(nip.as_str(), "198609262015051001");
        assert_eq!(nip.sex(), Sex::Male);
        assert_eq!(nip.birth_date(), (1986, 9, 26));
    }

    #[test]
    fn ignores_spaces_and_dots_as_printed_on_cards() {
        let nip = Nip::parse(" 19860926 201505 2 001 ").unwrap();
        assert_eq!(nip.as_str(), "198609262015052001");
        assert_eq!(nip.sex(), Sex::Female);
        assert!(Nip::parse("19860926.201505.1.001").is_ok());
    }

    #[test]
    fn leap_day_birth_is_real_only_in_leap_years() {
        assert!(Nip::parse("200002292022031001").is_ok());
        assert_eq!(
            Nip::parse("199002292015051001"),
            Err(NipError::BirthDate),
            "1990 is not a leap year"
        );
        assert_eq!(
            Nip::parse("190002292015051001"),
            Err(NipError::BirthDate),
            "1900 is before the oldest serving birth year"
        );
    }

    #[test]
    fn each_kind_of_invalid_nip_names_the_wrong_part() {
        let cases = [
            ("", NipError::Empty),
            ("   ", NipError::Empty),
            ("19860926201505100", NipError::Length),
            ("1986092620150510011", NipError::Length),
            ("19860926201505100A", NipError::NotDigits),
            ("198613262015051001", NipError::BirthDate),
            ("198609312015051001", NipError::BirthDate),
            ("198609002015051001", NipError::BirthDate),
            ("193009262015051001", NipError::BirthDate),
            ("198609262015131001", NipError::AppointmentDate),
            ("198609262015001001", NipError::AppointmentDate),
            ("198609261990051001", NipError::AppointmentDate),
            ("198609262015053001", NipError::SexDigit),
            ("198609262015050001", NipError::SexDigit),
            ("198609262015051000", NipError::Sequence),
        ];
        for (input, expected) in cases {
            assert_eq!(Nip::parse(input), Err(expected), "input {input:?}");
        }
    }

    #[test]
    fn appointment_must_be_after_eighteenth_birthday() {
        assert_eq!(
            Nip::parse("200001152017121001"),
            Err(NipError::AppointmentDate)
        );
        assert!(Nip::parse("200001152018011001").is_ok());
    }

    #[test]
    fn error_codes_round_trip() {
        for e in [
            NipError::Empty,
            NipError::Length,
            NipError::NotDigits,
            NipError::BirthDate,
            NipError::AppointmentDate,
            NipError::SexDigit,
            NipError::Sequence,
        ] {
            assert_eq!(NipError::from_code(e.code()), Some(e));
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A NIP of real dates: born 1940–2000, appointed 19 to 40 years later.
        fn valid_nip() -> impl Strategy<Value = String> {
            (
                1940u32..=2000,
                1u32..=12,
                1u32..=28,
                19u32..=40,
                1u32..=12,
                1u32..=2,
                1u32..=999,
            )
                .prop_map(|(by, bm, bd, later, tm, sex, seq)| {
                    format!("{by:04}{bm:02}{bd:02}{:04}{tm:02}{sex}{seq:03}", by + later)
                })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2_000))]

            /// Any text is a NIP or names its fault; never a panic, and what passes is 18
            /// digits that parse to themselves.
            #[test]
            fn any_text_parses_or_names_its_fault(input in "(\\PC|[0-9 .]){0,30}") {
                if let Ok(nip) = Nip::parse(&input) {
                    prop_assert_eq!(nip.as_str().len(), 18);
                    prop_assert!(nip.as_str().bytes().all(|b| b.is_ascii_digit()));
                    prop_assert_eq!(Nip::parse(nip.as_str()), Ok(nip.clone()));
                }
            }

            /// A real NIP parses however it is typed (grouped by spaces or dots as on a card),
            /// and reads back its birth date and sex.
            #[test]
            fn a_real_nip_parses_however_it_is_typed(
                nip in valid_nip(),
                sep in prop::sample::select(vec!["", " ", ".", "  "]),
            ) {
                let typed = [&nip[0..8], &nip[8..14], &nip[14..15], &nip[15..]].join(sep);
                let parsed = Nip::parse(&typed).unwrap();
                prop_assert_eq!(parsed.as_str(), nip.as_str());
                let n = |r: std::ops::Range<usize>| nip[r].parse::<u32>().unwrap();
                prop_assert_eq!(parsed.birth_date(), (n(0..4), n(4..6), n(6..8)));
                let male = &nip[14..15] == "1";
                prop_assert_eq!(parsed.sex() == Sex::Male, male);
            }

            /// One wrong sex digit or a zero sequence in a real NIP is named as such.
            #[test]
            fn a_wrong_sex_digit_or_sequence_is_named(nip in valid_nip(), digit in 0u8..=9) {
                let digit = char::from(b'0' + digit);
                let mut sexed = nip.clone();
                sexed.replace_range(14..15, &digit.to_string());
                let expected = if matches!(digit, '1' | '2') { Ok(()) } else { Err(NipError::SexDigit) };
                prop_assert_eq!(Nip::parse(&sexed).map(|_| ()), expected);
                let unsequenced = format!("{}000", &nip[..15]);
                prop_assert_eq!(Nip::parse(&unsequenced), Err(NipError::Sequence));
            }
        }
    }
}
