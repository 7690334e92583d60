//! The rules every mentoring form obeys, shared by the browser and the server: the forms'
//! text is parsed here into valid values, or into the one error that says what is wrong.

use serde::{Deserialize, Serialize};

use crate::error::feature::FeatureError;
use crate::validation::{Lines, clean_text};

use super::{DeclineReason, MentorMode, SessionMode};
use crate::calendar::IsoDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MentoringError {
    /// A text field holds a character that is not text (`validation::clean_text`).
    UnreadableText,
    CapacityInvalid,
    ModeUnknown,
    BioTooLong,
    ExpertiseEmpty,
    ExpertiseTooMany,
    /// An offered competency is not assessed at level 3 or more.
    ExpertiseLevelTooLow,
    /// Capacity below the mentees already being mentored.
    CapacityBelowActive,
    /// The admin removed this mentor: only the admin can restore them.
    RemovedByAdmin,
    GoalEmpty,
    GoalTooLong,
    MessageTooLong,
    /// The competency is not one of the mentee's position.
    CompetencyUnknown,
    /// A request for this competency is already waiting for an answer.
    PendingExists,
    /// The mentor does not meet the eligibility rule for this competency, or is not a mentor.
    MentorNotEligible,
    /// The mentor is not taking requests now.
    NotAccepting,
    /// No place left with this mentor.
    MentorFull,
    SelfRequest,
    ReasonUnknown,
    /// "Other" needs a few words of explanation.
    NoteRequired,
    NoteTooLong,
    /// The request was already answered, withdrawn or expired.
    AlreadyAnswered,
    SessionDateInvalid,
    SessionInFuture,
    /// Before the mentorship started.
    SessionBeforeStart,
    MinutesInvalid,
    NotesTooLong,
    AlreadyConfirmed,
    /// The mentorship has ended.
    NotActive,
    RatingInvalid,
    CommentTooLong,
    FeedbackGiven,
    /// Bulk matching: every pair was removed.
    NothingToPublish,
    /// Progress is a whole percentage from 0 to 100.
    ProgressInvalid,
    /// The fit check comes after the first confirmed session, once per side.
    FitNotDue,
    TooManyGoals,
}

impl FeatureError for MentoringError {
    const ALL: &'static [Self] = &[
        MentoringError::UnreadableText,
        MentoringError::CapacityInvalid,
        MentoringError::ModeUnknown,
        MentoringError::BioTooLong,
        MentoringError::ExpertiseEmpty,
        MentoringError::ExpertiseTooMany,
        MentoringError::ExpertiseLevelTooLow,
        MentoringError::CapacityBelowActive,
        MentoringError::RemovedByAdmin,
        MentoringError::GoalEmpty,
        MentoringError::GoalTooLong,
        MentoringError::MessageTooLong,
        MentoringError::CompetencyUnknown,
        MentoringError::PendingExists,
        MentoringError::MentorNotEligible,
        MentoringError::NotAccepting,
        MentoringError::MentorFull,
        MentoringError::SelfRequest,
        MentoringError::ReasonUnknown,
        MentoringError::NoteRequired,
        MentoringError::NoteTooLong,
        MentoringError::AlreadyAnswered,
        MentoringError::SessionDateInvalid,
        MentoringError::SessionInFuture,
        MentoringError::SessionBeforeStart,
        MentoringError::MinutesInvalid,
        MentoringError::NotesTooLong,
        MentoringError::AlreadyConfirmed,
        MentoringError::NotActive,
        MentoringError::RatingInvalid,
        MentoringError::CommentTooLong,
        MentoringError::FeedbackGiven,
        MentoringError::NothingToPublish,
        MentoringError::ProgressInvalid,
        MentoringError::FitNotDue,
        MentoringError::TooManyGoals,
    ];

    fn code(self) -> &'static str {
        match self {
            MentoringError::UnreadableText => "teks-tak-terbaca",
            MentoringError::RemovedByAdmin => "mentor-dicabut",
            MentoringError::CapacityInvalid => "kapasitas",
            MentoringError::ModeUnknown => "mode",
            MentoringError::BioTooLong => "bio-panjang",
            MentoringError::ExpertiseEmpty => "keahlian-kosong",
            MentoringError::ExpertiseTooMany => "keahlian-banyak",
            MentoringError::ExpertiseLevelTooLow => "keahlian-level",
            MentoringError::CapacityBelowActive => "kapasitas-aktif",
            MentoringError::GoalEmpty => "tujuan-kosong",
            MentoringError::GoalTooLong => "tujuan-panjang",
            MentoringError::MessageTooLong => "pesan-panjang",
            MentoringError::CompetencyUnknown => "kompetensi",
            MentoringError::PendingExists => "menunggu",
            MentoringError::MentorNotEligible => "tidak-memenuhi",
            MentoringError::NotAccepting => "tutup",
            MentoringError::MentorFull => "penuh",
            MentoringError::SelfRequest => "diri-sendiri",
            MentoringError::ReasonUnknown => "alasan",
            MentoringError::NoteRequired => "catatan-kosong",
            MentoringError::NoteTooLong => "catatan-panjang",
            MentoringError::AlreadyAnswered => "sudah-dijawab",
            MentoringError::SessionDateInvalid => "tanggal",
            MentoringError::SessionInFuture => "tanggal-depan",
            MentoringError::SessionBeforeStart => "tanggal-awal",
            MentoringError::MinutesInvalid => "durasi",
            MentoringError::NotesTooLong => "notulen-panjang",
            MentoringError::AlreadyConfirmed => "sudah-konfirmasi",
            MentoringError::NotActive => "selesai",
            MentoringError::RatingInvalid => "nilai",
            MentoringError::CommentTooLong => "komentar-panjang",
            MentoringError::FeedbackGiven => "umpan-balik",
            MentoringError::NothingToPublish => "tanpa-pasangan",
            MentoringError::ProgressInvalid => "kemajuan",
            MentoringError::FitNotDue => "cocok",
            MentoringError::TooManyGoals => "tujuan-banyak",
        }
    }

    fn status(self) -> u16 {
        match self {
            MentoringError::AlreadyAnswered
            | MentoringError::AlreadyConfirmed
            | MentoringError::PendingExists
            | MentoringError::MentorFull
            | MentoringError::NotActive
            | MentoringError::FeedbackGiven => 409,
            MentoringError::RemovedByAdmin => 403,
            _ => 422,
        }
    }
}

pub const MAX_CAPACITY: u8 = 10;
pub const MAX_EXPERTISE: usize = 5;
/// The lowest assessed level at which someone may offer a competency.
pub const MIN_EXPERTISE_LEVEL: u8 = 3;
const MAX_BIO: usize = 500;
const MAX_GOAL: usize = 300;
const MAX_MESSAGE: usize = 1000;
const MAX_NOTE: usize = 500;
const MAX_NOTES: usize = 2000;
const MAX_COMMENT: usize = 1000;
pub const SESSION_MINUTES: std::ops::RangeInclusive<u32> = 15..=480;

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

/// The mentor profile form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileInput {
    pub capacity: String,
    pub mode: String,
    pub bio: String,
    /// A checkbox: present (any value) when ticked, absent otherwise.
    #[serde(default)]
    pub accepting: Option<String>,
    /// Ticked competencies (`profile[expertise][i]`); none ticked sends nothing.
    #[serde(default)]
    pub expertise: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProfile {
    pub capacity: u8,
    pub mode: MentorMode,
    pub bio: String,
    pub accepting: bool,
    pub expertise: Vec<i64>,
}

pub fn validate_profile(input: &ProfileInput) -> Result<ValidProfile, MentoringError> {
    let capacity: u8 = input
        .capacity
        .trim()
        .parse()
        .map_err(|_| MentoringError::CapacityInvalid)?;
    if !(1..=MAX_CAPACITY).contains(&capacity) {
        return Err(MentoringError::CapacityInvalid);
    }
    let mode = MentorMode::from_db(input.mode.trim()).ok_or(MentoringError::ModeUnknown)?;
    let bio = clean_text(&input.bio, Lines::Many)?;
    if too_long(&bio, MAX_BIO) {
        return Err(MentoringError::BioTooLong);
    }
    let mut expertise = input.expertise.clone();
    expertise.sort_unstable();
    expertise.dedup();
    if expertise.is_empty() {
        return Err(MentoringError::ExpertiseEmpty);
    }
    if expertise.len() > MAX_EXPERTISE {
        return Err(MentoringError::ExpertiseTooMany);
    }
    Ok(ValidProfile {
        capacity,
        mode,
        bio,
        accepting: input.accepting.is_some(),
        expertise,
    })
}

/// The goal and message of a request.
pub fn validate_request(goal: &str, message: &str) -> Result<(String, String), MentoringError> {
    let goal = clean_text(goal, Lines::One)?;
    if goal.is_empty() {
        return Err(MentoringError::GoalEmpty);
    }
    if too_long(&goal, MAX_GOAL) {
        return Err(MentoringError::GoalTooLong);
    }
    let message = clean_text(message, Lines::Many)?;
    if too_long(&message, MAX_MESSAGE) {
        return Err(MentoringError::MessageTooLong);
    }
    Ok((goal, message))
}

/// A decline's reason from the list and its note ("other" needs the note).
pub fn validate_decline(
    reason: &str,
    note: &str,
) -> Result<(DeclineReason, String), MentoringError> {
    let reason = DeclineReason::from_db(reason.trim()).ok_or(MentoringError::ReasonUnknown)?;
    let note = clean_text(note, Lines::Many)?;
    if too_long(&note, MAX_NOTE) {
        return Err(MentoringError::NoteTooLong);
    }
    if reason == DeclineReason::Other && note.is_empty() {
        return Err(MentoringError::NoteRequired);
    }
    Ok((reason, note))
}

/// The session log form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionInput {
    pub held_on: String,
    pub minutes: String,
    pub mode: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSession {
    pub held_on: IsoDate,
    pub minutes: u32,
    pub mode: SessionMode,
    pub notes: String,
}

/// A session happened between the start of the mentorship and today.
pub fn validate_session(
    input: &SessionInput,
    started_on: IsoDate,
    today: IsoDate,
) -> Result<ValidSession, MentoringError> {
    let held_on = IsoDate::parse(input.held_on.trim()).ok_or(MentoringError::SessionDateInvalid)?;
    if held_on > today {
        return Err(MentoringError::SessionInFuture);
    }
    if held_on < started_on {
        return Err(MentoringError::SessionBeforeStart);
    }
    let minutes: u32 = input
        .minutes
        .trim()
        .parse()
        .map_err(|_| MentoringError::MinutesInvalid)?;
    if !SESSION_MINUTES.contains(&minutes) {
        return Err(MentoringError::MinutesInvalid);
    }
    let mode = SessionMode::from_db(input.mode.trim()).ok_or(MentoringError::ModeUnknown)?;
    let notes = clean_text(&input.notes, Lines::Many)?;
    if too_long(&notes, MAX_NOTES) {
        return Err(MentoringError::NotesTooLong);
    }
    Ok(ValidSession {
        held_on,
        minutes,
        mode,
        notes,
    })
}

/// Goals one mentorship may hold.
pub const MAX_GOALS: usize = 10;

/// A goal of the mentorship (the same length rule as a request's goal).
pub fn validate_goal(text: &str) -> Result<String, MentoringError> {
    validate_request(text, "").map(|(goal, _)| goal)
}

/// Progress toward a goal, in whole percent.
pub fn validate_progress(text: &str) -> Result<u8, MentoringError> {
    let progress: u8 = text
        .trim()
        .trim_end_matches('%')
        .parse()
        .map_err(|_| MentoringError::ProgressInvalid)?;
    if progress > 100 {
        return Err(MentoringError::ProgressInvalid);
    }
    Ok(progress)
}

/// A side answers "a good fit?" once, while the mentorship runs and after its first
/// confirmed session.
pub fn fit_check_due(active: bool, confirmed_sessions: u32, answered: bool) -> bool {
    active && confirmed_sessions > 0 && !answered
}

/// The closing feedback: a rating from 1 to 5 and a comment.
pub fn validate_feedback(rating: &str, comment: &str) -> Result<(u8, String), MentoringError> {
    let rating: u8 = rating
        .trim()
        .parse()
        .map_err(|_| MentoringError::RatingInvalid)?;
    if !(1..=5).contains(&rating) {
        return Err(MentoringError::RatingInvalid);
    }
    let comment = clean_text(comment, Lines::Many)?;
    if too_long(&comment, MAX_COMMENT) {
        return Err(MentoringError::CommentTooLong);
    }
    Ok((rating, comment))
}

impl From<crate::validation::TextError> for MentoringError {
    fn from(_: crate::validation::TextError) -> Self {
        MentoringError::UnreadableText
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> ProfileInput {
        ProfileInput {
            capacity: "3".into(),
            mode: "both".into(),
            bio: "  Perencana anggaran 20 tahun.  ".into(),
            accepting: Some("on".into()),
            expertise: vec![4, 2, 4],
        }
    }

    #[test]
    fn a_good_profile_is_trimmed_and_deduplicated() {
        let p = validate_profile(&profile()).unwrap();
        assert_eq!(p.capacity, 3);
        assert_eq!(p.mode, MentorMode::Both);
        assert_eq!(p.bio, "Perencana anggaran 20 tahun.");
        assert_eq!(p.expertise, vec![2, 4]);
    }

    #[test]
    fn each_bad_profile_field_has_its_error() {
        let bad = |f: fn(&mut ProfileInput)| {
            let mut p = profile();
            f(&mut p);
            validate_profile(&p).unwrap_err()
        };
        assert_eq!(
            bad(|p| p.capacity = "0".into()),
            MentoringError::CapacityInvalid
        );
        assert_eq!(
            bad(|p| p.capacity = "11".into()),
            MentoringError::CapacityInvalid
        );
        assert_eq!(
            bad(|p| p.capacity = "tiga".into()),
            MentoringError::CapacityInvalid
        );
        assert_eq!(
            bad(|p| p.mode = "telepati".into()),
            MentoringError::ModeUnknown
        );
        assert_eq!(bad(|p| p.bio = "x".repeat(501)), MentoringError::BioTooLong);
        assert_eq!(bad(|p| p.expertise.clear()), MentoringError::ExpertiseEmpty);
        assert_eq!(
            bad(|p| p.expertise = (1..=6).collect()),
            MentoringError::ExpertiseTooMany
        );
    }

    #[test]
    fn requests_need_a_goal() {
        assert_eq!(validate_request("  ", ""), Err(MentoringError::GoalEmpty));
        assert_eq!(
            validate_request(&"x".repeat(301), ""),
            Err(MentoringError::GoalTooLong)
        );
        assert_eq!(
            validate_request("RKA", &"x".repeat(1001)),
            Err(MentoringError::MessageTooLong)
        );
        assert_eq!(
            validate_request(" Menyusun RKA ", " Halo "),
            Ok(("Menyusun RKA".into(), "Halo".into()))
        );
    }

    #[test]
    fn a_decline_names_a_reason_and_other_explains_itself() {
        assert_eq!(
            validate_decline("no_time", ""),
            Ok((DeclineReason::NoTime, String::new()))
        );
        assert_eq!(
            validate_decline("bosan", ""),
            Err(MentoringError::ReasonUnknown)
        );
        assert_eq!(
            validate_decline("other", " "),
            Err(MentoringError::NoteRequired)
        );
        assert_eq!(
            validate_decline("other", &"x".repeat(501)),
            Err(MentoringError::NoteTooLong)
        );
    }

    #[test]
    fn sessions_fall_between_the_start_and_today() {
        let start = IsoDate::parse("2026-03-01").unwrap();
        let today = IsoDate::parse("2026-03-20").unwrap();
        let input = |date: &str, minutes: &str, mode: &str| SessionInput {
            held_on: date.into(),
            minutes: minutes.into(),
            mode: mode.into(),
            notes: "Membahas RKA".into(),
        };
        let ok = validate_session(&input("2026-03-10", "90", "online"), start, today).unwrap();
        assert_eq!(ok.minutes, 90);
        assert_eq!(ok.mode, SessionMode::Online);
        let err = |i: SessionInput| validate_session(&i, start, today).unwrap_err();
        assert_eq!(
            err(input("10/03/2026", "90", "online")),
            MentoringError::SessionDateInvalid
        );
        assert_eq!(
            err(input("2026-03-21", "90", "online")),
            MentoringError::SessionInFuture
        );
        assert_eq!(
            err(input("2026-02-28", "90", "online")),
            MentoringError::SessionBeforeStart
        );
        assert_eq!(
            err(input("2026-03-10", "10", "online")),
            MentoringError::MinutesInvalid
        );
        assert_eq!(
            err(input("2026-03-10", "481", "online")),
            MentoringError::MinutesInvalid
        );
        assert_eq!(
            err(input("2026-03-10", "90", "both")),
            MentoringError::ModeUnknown
        );
    }

    #[test]
    fn feedback_is_rated_one_to_five() {
        assert_eq!(
            validate_feedback("5", " Sangat membantu "),
            Ok((5, "Sangat membantu".into()))
        );
        assert_eq!(
            validate_feedback("0", ""),
            Err(MentoringError::RatingInvalid)
        );
        assert_eq!(
            validate_feedback("6", ""),
            Err(MentoringError::RatingInvalid)
        );
        assert_eq!(
            validate_feedback("", ""),
            Err(MentoringError::RatingInvalid)
        );
        assert_eq!(
            validate_feedback("4", &"x".repeat(1001)),
            Err(MentoringError::CommentTooLong)
        );
    }

    #[test]
    fn goals_and_progress() {
        assert_eq!(validate_goal(" Menyusun RKA "), Ok("Menyusun RKA".into()));
        assert_eq!(validate_goal(""), Err(MentoringError::GoalEmpty));
        assert_eq!(validate_progress("0"), Ok(0));
        assert_eq!(validate_progress("75%"), Ok(75));
        assert_eq!(validate_progress("100"), Ok(100));
        assert_eq!(
            validate_progress("101"),
            Err(MentoringError::ProgressInvalid)
        );
        assert_eq!(
            validate_progress("-1"),
            Err(MentoringError::ProgressInvalid)
        );
        assert_eq!(
            validate_progress("setengah"),
            Err(MentoringError::ProgressInvalid)
        );
    }

    #[test]
    fn the_fit_check_comes_once_after_the_first_confirmed_session() {
        assert!(!fit_check_due(true, 0, false), "not before a session");
        assert!(fit_check_due(true, 1, false));
        assert!(!fit_check_due(true, 3, true), "once per side");
        assert!(!fit_check_due(false, 3, false), "not after the end");
    }

    #[test]
    fn error_codes_round_trip() {
        for &e in MentoringError::ALL {
            assert_eq!(MentoringError::from_code(e.code()), Some(e));
        }
    }
}
