//! The JP ledger's rules: what a recorded activity must state, how evidence is recognised,
//! and the verification states. Pure: unit-tested below.

use serde::{Deserialize, Serialize};

use crate::error::feature::FeatureError;
use crate::validation::{Lines, clean_text};

use super::rules::{AmountUnit, DevPath, JpError, JpRules, jp_for};
use crate::calendar::{IsoDate, SECS_PER_DAY};

/// Evidence files larger than this are refused.
pub const MAX_EVIDENCE_BYTES: usize = 2 * 1024 * 1024;
pub const MAX_TEXT_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntryStatus {
    Recorded,
    Verified,
    Rejected,
}

impl EntryStatus {
    pub const ALL: [EntryStatus; 3] = [
        EntryStatus::Recorded,
        EntryStatus::Verified,
        EntryStatus::Rejected,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            EntryStatus::Recorded => "recorded",
            EntryStatus::Verified => "verified",
            EntryStatus::Rejected => "rejected",
        }
    }

    pub fn from_db(s: &str) -> Option<EntryStatus> {
        EntryStatus::ALL
            .into_iter()
            .find(|status| status.as_db() == s)
    }
}

/// The verifier's decision on a recorded entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Verify,
    Reject { reason: String },
}

/// The state after a verdict; only a recorded entry can be decided, once.
pub fn decide(from: EntryStatus, verdict: &Verdict) -> Result<EntryStatus, LedgerError> {
    if from != EntryStatus::Recorded {
        return Err(LedgerError::AlreadyDecided);
    }
    match verdict {
        Verdict::Verify => Ok(EntryStatus::Verified),
        Verdict::Reject { reason } if reason.trim().is_empty() => Err(LedgerError::ReasonRequired),
        Verdict::Reject { reason } if reason.chars().count() > 1000 => {
            Err(LedgerError::ReasonTooLong)
        }
        Verdict::Reject { .. } => Ok(EntryStatus::Rejected),
    }
}

/// Why a ledger entry or its evidence was refused. Each has an i18n message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LedgerError {
    /// A text field holds a character that is not text (`validation::clean_text`).
    UnreadableText,
    TitleEmpty,
    OrganiserEmpty,
    TextTooLong,
    PathUnknown,
    DateInvalid,
    EndsBeforeStart,
    InFuture,
    /// The activity ended in a year whose ledger is closed (before last year).
    YearClosed,
    AmountNotNumber,
    AmountNotPositive,
    /// More days (or hours, sessions, activities) than fit between the entry's dates.
    AmountBeyondDates,
    UnitNotAllowed,
    TooShort,
    EvidenceMissing,
    EvidenceTooLarge,
    EvidenceType,
    ReasonRequired,
    ReasonTooLong,
    AlreadyDecided,
}

impl FeatureError for LedgerError {
    const ALL: &'static [Self] = &[
        LedgerError::UnreadableText,
        LedgerError::TitleEmpty,
        LedgerError::OrganiserEmpty,
        LedgerError::TextTooLong,
        LedgerError::PathUnknown,
        LedgerError::DateInvalid,
        LedgerError::EndsBeforeStart,
        LedgerError::InFuture,
        LedgerError::YearClosed,
        LedgerError::AmountNotNumber,
        LedgerError::AmountNotPositive,
        LedgerError::AmountBeyondDates,
        LedgerError::UnitNotAllowed,
        LedgerError::TooShort,
        LedgerError::EvidenceMissing,
        LedgerError::EvidenceTooLarge,
        LedgerError::EvidenceType,
        LedgerError::ReasonRequired,
        LedgerError::ReasonTooLong,
        LedgerError::AlreadyDecided,
    ];

    fn code(self) -> &'static str {
        match self {
            LedgerError::UnreadableText => "teks-tak-terbaca",
            LedgerError::TitleEmpty => "judul-kosong",
            LedgerError::OrganiserEmpty => "penyelenggara-kosong",
            LedgerError::TextTooLong => "teks-panjang",
            LedgerError::PathUnknown => "jalur",
            LedgerError::DateInvalid => "tanggal",
            LedgerError::EndsBeforeStart => "tanggal-terbalik",
            LedgerError::InFuture => "tanggal-depan",
            LedgerError::YearClosed => "tahun-tutup",
            LedgerError::AmountNotNumber => "jumlah-angka",
            LedgerError::AmountNotPositive => "jumlah-nol",
            LedgerError::AmountBeyondDates => "jumlah-lebih",
            LedgerError::UnitNotAllowed => "satuan",
            LedgerError::TooShort => "terlalu-singkat",
            LedgerError::EvidenceMissing => "bukti-kosong",
            LedgerError::EvidenceTooLarge => "bukti-besar",
            LedgerError::EvidenceType => "bukti-jenis",
            LedgerError::ReasonRequired => "alasan-kosong",
            LedgerError::ReasonTooLong => "alasan-panjang",
            LedgerError::AlreadyDecided => "sudah-diputus",
        }
    }

    fn status(self) -> u16 {
        match self {
            LedgerError::AlreadyDecided => 409,
            LedgerError::EvidenceTooLarge => 413,
            _ => 422,
        }
    }
}

impl From<JpError> for LedgerError {
    fn from(e: JpError) -> Self {
        match e {
            JpError::AmountNotPositive => LedgerError::AmountNotPositive,
            JpError::UnitNotAllowed => LedgerError::UnitNotAllowed,
            JpError::TooShort => LedgerError::TooShort,
        }
    }
}

/// A completed activity as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntryInput {
    pub path: String,
    pub title: String,
    pub organiser: String,
    pub starts_on: String,
    pub ends_on: String,
    pub amount: String,
    pub unit: String,
    /// Checkbox: present when the activity was international.
    pub international: bool,
}

/// An entry that passed every rule, with its JP computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEntry {
    pub path: DevPath,
    pub title: String,
    pub organiser: String,
    pub starts_on: IsoDate,
    pub ends_on: IsoDate,
    pub amount: u32,
    pub unit: AmountUnit,
    pub jp: u32,
    /// The ledger year: the year the activity ended.
    pub year: i32,
}

fn text(value: &str, empty: LedgerError) -> Result<String, LedgerError> {
    let value = clean_text(value, Lines::One)?;
    if value.is_empty() {
        Err(empty)
    } else if value.chars().count() > MAX_TEXT_CHARS {
        Err(LedgerError::TextTooLong)
    } else {
        Ok(value)
    }
}

/// A verifier's reason for rejecting an entry, cleaned (the verdict's rule bounds it).
pub fn reject_reason(reason: &str) -> Result<String, LedgerError> {
    Ok(clean_text(reason, Lines::Many)?)
}

/// Checks an entry against the rules and computes its JP. `today` is the local (WITA) date.
pub fn validate_entry(
    input: &EntryInput,
    rules: &JpRules,
    today: IsoDate,
) -> Result<ValidEntry, LedgerError> {
    let path = DevPath::from_code(input.path.trim()).ok_or(LedgerError::PathUnknown)?;
    let title = text(&input.title, LedgerError::TitleEmpty)?;
    let organiser = text(&input.organiser, LedgerError::OrganiserEmpty)?;
    let starts_on = IsoDate::parse(&input.starts_on).ok_or(LedgerError::DateInvalid)?;
    let ends_on = IsoDate::parse(&input.ends_on).ok_or(LedgerError::DateInvalid)?;
    if ends_on < starts_on {
        return Err(LedgerError::EndsBeforeStart);
    }
    if ends_on > today {
        return Err(LedgerError::InFuture);
    }
    if ends_on.year < today.year - 1 {
        return Err(LedgerError::YearClosed);
    }
    let amount: i64 = input
        .amount
        .trim()
        .parse()
        .map_err(|_| LedgerError::AmountNotNumber)?;
    if amount <= 0 {
        return Err(LedgerError::AmountNotPositive);
    }
    let unit = AmountUnit::from_db(input.unit.trim()).ok_or(LedgerError::UnitNotAllowed)?;
    // An entry claims no more than its dates hold: a day per calendar day, and at most 24
    // hours, sessions or activities a day. Without this, "10,000 days" between two dates
    // would wait in the verifier's queue as 80,000 JP.
    let days = (ends_on.start_unix_wita() - starts_on.start_unix_wita()) / SECS_PER_DAY + 1;
    let most = if unit == AmountUnit::Days {
        days
    } else {
        days.saturating_mul(24)
    };
    if amount > most {
        return Err(LedgerError::AmountBeyondDates);
    }
    let amount = u32::try_from(amount).map_err(|_| LedgerError::AmountBeyondDates)?;
    let jp = jp_for(rules, path, unit, amount, input.international)?;
    Ok(ValidEntry {
        path,
        title,
        organiser,
        starts_on,
        ends_on,
        amount,
        unit,
        jp,
        year: ends_on.year,
    })
}

/// The kinds of evidence Bina keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvidenceType {
    Pdf,
    Jpeg,
    Png,
}

impl EvidenceType {
    pub fn mime(self) -> &'static str {
        match self {
            EvidenceType::Pdf => "application/pdf",
            EvidenceType::Jpeg => "image/jpeg",
            EvidenceType::Png => "image/png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            EvidenceType::Pdf => "pdf",
            EvidenceType::Jpeg => "jpg",
            EvidenceType::Png => "png",
        }
    }

    pub fn from_mime(mime: &str) -> Option<EvidenceType> {
        [EvidenceType::Pdf, EvidenceType::Jpeg, EvidenceType::Png]
            .into_iter()
            .find(|t| t.mime() == mime)
    }
}

/// Recognises evidence by its content (never by its name or the browser's word): a PDF,
/// JPEG or PNG of at most [`MAX_EVIDENCE_BYTES`].
pub fn sniff_evidence(bytes: &[u8]) -> Result<EvidenceType, LedgerError> {
    if bytes.is_empty() {
        return Err(LedgerError::EvidenceMissing);
    }
    if bytes.len() > MAX_EVIDENCE_BYTES {
        return Err(LedgerError::EvidenceTooLarge);
    }
    if bytes.starts_with(b"%PDF-") {
        Ok(EvidenceType::Pdf)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(EvidenceType::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(EvidenceType::Png)
    } else {
        Err(LedgerError::EvidenceType)
    }
}

/// Verified and pending JP of a year, from `(status, jp)` pairs.
pub fn totals(entries: impl IntoIterator<Item = (EntryStatus, u32)>) -> (u32, u32) {
    entries
        .into_iter()
        .fold((0, 0), |(verified, pending), (status, jp)| match status {
            EntryStatus::Verified => (verified + jp, pending),
            EntryStatus::Recorded => (verified, pending + jp),
            EntryStatus::Rejected => (verified, pending),
        })
}

impl From<crate::validation::TextError> for LedgerError {
    fn from(_: crate::validation::TextError) -> Self {
        LedgerError::UnreadableText
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spoils one field of a good input.
    type Spoil = fn(&mut EntryInput);

    fn today() -> IsoDate {
        IsoDate::parse("2026-11-27").unwrap()
    }

    fn input() -> EntryInput {
        EntryInput {
            path: "bimbingan_teknis".into(),
            title: "Bimtek Penyusunan RKA".into(),
            organiser: "BPKAD Kota Palu".into(),
            starts_on: "2026-10-05".into(),
            ends_on: "2026-10-06".into(),
            amount: "2".into(),
            unit: "days".into(),
            international: false,
        }
    }

    #[test]
    fn a_good_entry_gets_its_jp_and_year() {
        let entry = validate_entry(&input(), &JpRules::default(), today()).unwrap();
        assert_eq!(entry.jp, 16);
        assert_eq!(entry.year, 2026);
        assert_eq!(entry.starts_on.to_string(), "2026-10-05");
        let sixty = validate_entry(&input(), &JpRules::with_minutes(60), today()).unwrap();
        assert_eq!(sixty.jp, 12);
    }

    #[test]
    fn each_bad_field_has_its_own_error() {
        let cases: [(Spoil, LedgerError); 14] = [
            (|i| i.path = "kuliah".into(), LedgerError::PathUnknown),
            (|i| i.title = " ".into(), LedgerError::TitleEmpty),
            (|i| i.organiser = "".into(), LedgerError::OrganiserEmpty),
            (|i| i.title = "x".repeat(201), LedgerError::TextTooLong),
            (
                |i| i.starts_on = "2026-02-30".into(),
                LedgerError::DateInvalid,
            ),
            (|i| i.ends_on = "kemarin".into(), LedgerError::DateInvalid),
            (
                |i| i.ends_on = "2026-10-01".into(),
                LedgerError::EndsBeforeStart,
            ),
            (|i| i.ends_on = "2026-11-28".into(), LedgerError::InFuture),
            (
                |i| {
                    i.starts_on = "2024-12-01".into();
                    i.ends_on = "2024-12-02".into();
                },
                LedgerError::YearClosed,
            ),
            (|i| i.amount = "dua".into(), LedgerError::AmountNotNumber),
            (|i| i.amount = "0".into(), LedgerError::AmountNotPositive),
            (|i| i.amount = "3".into(), LedgerError::AmountBeyondDates),
            (
                |i| {
                    i.amount = "49".into();
                    i.unit = "hours".into();
                },
                LedgerError::AmountBeyondDates,
            ),
            (|i| i.unit = "sessions".into(), LedgerError::UnitNotAllowed),
        ];
        for (spoil, expected) in cases {
            let mut bad = input();
            spoil(&mut bad);
            assert_eq!(
                validate_entry(&bad, &JpRules::default(), today()),
                Err(expected)
            );
        }
        let mut last_year = input();
        last_year.starts_on = "2025-01-02".into();
        last_year.ends_on = "2025-01-03".into();
        assert!(validate_entry(&last_year, &JpRules::default(), today()).is_ok());
    }

    #[test]
    fn evidence_is_recognised_by_content_and_size() {
        assert_eq!(sniff_evidence(b"%PDF-1.7\n..."), Ok(EvidenceType::Pdf));
        assert_eq!(
            sniff_evidence(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Ok(EvidenceType::Jpeg)
        );
        assert_eq!(
            sniff_evidence(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Ok(EvidenceType::Png)
        );
        // A script renamed to .pdf is still a script.
        assert_eq!(
            sniff_evidence(b"<html><script>alert(1)</script>"),
            Err(LedgerError::EvidenceType)
        );
        assert_eq!(sniff_evidence(b""), Err(LedgerError::EvidenceMissing));
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_EVIDENCE_BYTES + 1, b' ');
        assert_eq!(sniff_evidence(&big), Err(LedgerError::EvidenceTooLarge));
        big.truncate(MAX_EVIDENCE_BYTES);
        assert_eq!(sniff_evidence(&big), Ok(EvidenceType::Pdf));
        for t in [EvidenceType::Pdf, EvidenceType::Jpeg, EvidenceType::Png] {
            assert_eq!(EvidenceType::from_mime(t.mime()), Some(t));
        }
    }

    #[test]
    fn only_recorded_entries_are_decided_and_rejection_needs_a_reason() {
        assert_eq!(
            decide(EntryStatus::Recorded, &Verdict::Verify),
            Ok(EntryStatus::Verified)
        );
        assert_eq!(
            decide(
                EntryStatus::Recorded,
                &Verdict::Reject {
                    reason: "Sertifikat tidak terbaca".into()
                }
            ),
            Ok(EntryStatus::Rejected)
        );
        assert_eq!(
            decide(
                EntryStatus::Recorded,
                &Verdict::Reject { reason: " ".into() }
            ),
            Err(LedgerError::ReasonRequired)
        );
        for from in [EntryStatus::Verified, EntryStatus::Rejected] {
            assert_eq!(
                decide(from, &Verdict::Verify),
                Err(LedgerError::AlreadyDecided)
            );
        }
    }

    #[test]
    fn only_verified_jp_count_and_pending_is_apart() {
        let (verified, pending) = totals([
            (EntryStatus::Verified, 8),
            (EntryStatus::Recorded, 4),
            (EntryStatus::Rejected, 16),
            (EntryStatus::Verified, 6),
        ]);
        assert_eq!((verified, pending), (14, 4));
    }

    #[test]
    fn names_and_codes_round_trip() {
        for s in EntryStatus::ALL {
            assert_eq!(EntryStatus::from_db(s.as_db()), Some(s));
        }
        for &e in LedgerError::ALL {
            assert_eq!(LedgerError::from_code(e.code()), Some(e));
        }
    }
}
