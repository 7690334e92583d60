//! The rules of learning, shared by the browser and the server: who may enrol and how, who
//! gets a seat, what a module form may hold, and how progress is counted. No I/O.

use serde::{Deserialize, Serialize};

use super::EnrolmentStatus;
use crate::{
    catalog::ProgramMode,
    error::feature::FeatureError,
    org::JenisJabatan,
    validation::{FormValue, TextError},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LearningError {
    /// A text field holds a character that is not text (`validation::clean_text`).
    UnreadableText,
    /// The course is closed, or meant for other people.
    NotForYou,
    /// The person already holds an enrolment that is open (or completed the course).
    AlreadyEnrolled,
    /// There is no open enrolment to withdraw.
    NotEnrolled,
    /// The application was already decided or withdrawn.
    AlreadyDecided,
    DecisionUnknown,
    TitleEmpty,
    TitleTooLong,
    MinutesInvalid,
    BodyEmpty,
    BodyTooLong,
    ChangeNoteEmpty,
    ChangeNoteTooLong,
    /// Publishing needs a draft.
    NoDraft,
    SeatsInvalid,
    /// Seats below the learners already holding one.
    SeatsBelowTaken,
    AudienceUnknown,
    /// No employee has this NIP.
    NipUnknown,
    ActionUnknown,
    TooManyModules,
    /// The upload form held no file.
    FileMissing,
    FileTooLarge,
    /// Not a JPEG, PNG or WebP image, nor a PDF.
    FileKindUnknown,
    /// It looked like an image but does not decode as one (or is too large a picture).
    ImageUnreadable,
    LabelEmpty,
    LabelTooLong,
    TooManyFiles,
    /// The text shows a `berkas:` that is not a file of this course (or an image that is a
    /// PDF).
    FileUnknown,
    /// The first module cannot move up, nor the last down.
    CannotMove,
    /// Days attended that are no whole number from 0 to the course's days.
    AttendanceInvalid,
    /// Attendance is recorded for a classroom or blended course's participant with a seat.
    NotAttending,
}

impl FeatureError for LearningError {
    const ALL: &'static [Self] = &[
        LearningError::UnreadableText,
        LearningError::NotForYou,
        LearningError::AlreadyEnrolled,
        LearningError::NotEnrolled,
        LearningError::AlreadyDecided,
        LearningError::DecisionUnknown,
        LearningError::TitleEmpty,
        LearningError::TitleTooLong,
        LearningError::MinutesInvalid,
        LearningError::BodyEmpty,
        LearningError::BodyTooLong,
        LearningError::ChangeNoteEmpty,
        LearningError::ChangeNoteTooLong,
        LearningError::NoDraft,
        LearningError::SeatsInvalid,
        LearningError::SeatsBelowTaken,
        LearningError::AudienceUnknown,
        LearningError::NipUnknown,
        LearningError::ActionUnknown,
        LearningError::TooManyModules,
        LearningError::FileMissing,
        LearningError::FileTooLarge,
        LearningError::FileKindUnknown,
        LearningError::ImageUnreadable,
        LearningError::LabelEmpty,
        LearningError::LabelTooLong,
        LearningError::TooManyFiles,
        LearningError::FileUnknown,
        LearningError::CannotMove,
        LearningError::AttendanceInvalid,
        LearningError::NotAttending,
    ];

    fn code(self) -> &'static str {
        match self {
            LearningError::UnreadableText => "teks-tak-terbaca",
            LearningError::NotForYou => "bukan-untuk-anda",
            LearningError::AlreadyEnrolled => "sudah-terdaftar",
            LearningError::NotEnrolled => "belum-terdaftar",
            LearningError::AlreadyDecided => "sudah-diputus",
            LearningError::DecisionUnknown => "keputusan",
            LearningError::TitleEmpty => "judul-kosong",
            LearningError::TitleTooLong => "judul-panjang",
            LearningError::MinutesInvalid => "menit",
            LearningError::BodyEmpty => "isi-kosong",
            LearningError::BodyTooLong => "isi-panjang",
            LearningError::ChangeNoteEmpty => "catatan-kosong",
            LearningError::ChangeNoteTooLong => "catatan-panjang",
            LearningError::NoDraft => "tanpa-draf",
            LearningError::SeatsInvalid => "kursi",
            LearningError::SeatsBelowTaken => "kursi-terisi",
            LearningError::AudienceUnknown => "sasaran",
            LearningError::NipUnknown => "nip",
            LearningError::ActionUnknown => "tindakan",
            LearningError::TooManyModules => "modul-banyak",
            LearningError::FileMissing => "berkas-kosong",
            LearningError::FileTooLarge => "berkas-besar",
            LearningError::FileKindUnknown => "jenis-berkas",
            LearningError::ImageUnreadable => "gambar-rusak",
            LearningError::LabelEmpty => "label-kosong",
            LearningError::LabelTooLong => "label-panjang",
            LearningError::TooManyFiles => "berkas-banyak",
            LearningError::FileUnknown => "berkas-tak-dikenal",
            LearningError::CannotMove => "tak-bisa-pindah",
            LearningError::AttendanceInvalid => "kehadiran",
            LearningError::NotAttending => "bukan-peserta-kelas",
        }
    }

    fn status(self) -> u16 {
        match self {
            LearningError::AlreadyEnrolled
            | LearningError::NotEnrolled
            | LearningError::AlreadyDecided
            | LearningError::NoDraft
            | LearningError::SeatsBelowTaken
            | LearningError::CannotMove
            | LearningError::NotAttending => 409,
            LearningError::FileTooLarge => 413,
            LearningError::NotForYou => 403,
            _ => 422,
        }
    }
}

impl From<TextError> for LearningError {
    fn from(_: TextError) -> Self {
        LearningError::UnreadableText
    }
}

/// Seats a course may have at most.
pub const MAX_SEATS: u32 = 1000;

/// Whether a text is longer than `max` characters (not bytes).
pub(in crate::learning) fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

/// Who a course is meant for; `None` in a field: no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Audience {
    pub opd_id: Option<i64>,
    pub jenis: Option<JenisJabatan>,
}

impl Audience {
    pub fn includes(self, opd_id: i64, jenis: JenisJabatan) -> bool {
        self.opd_id.is_none_or(|o| o == opd_id) && self.jenis.is_none_or(|j| j == jenis)
    }
}

/// What enrolling does: an online course enrols at once; a classroom or blended course
/// (seats in a room) is an application the pengelola OPD confirms.
pub fn on_enrol(mode: ProgramMode) -> EnrolmentStatus {
    match mode {
        ProgramMode::Online => EnrolmentStatus::Active,
        ProgramMode::Classroom | ProgramMode::Blended => EnrolmentStatus::Applied,
    }
}

/// Whether someone may enrol: the course is open and meant for them, and they hold no
/// enrolment that is open or completed (after withdrawing or a refusal they may try again).
pub fn may_enrol(
    open: bool,
    audience: Audience,
    opd_id: i64,
    jenis: JenisJabatan,
    current: Option<EnrolmentStatus>,
) -> Result<(), LearningError> {
    if !open || !audience.includes(opd_id, jenis) {
        return Err(LearningError::NotForYou);
    }
    match current {
        Some(s) if s.is_open() || s == EnrolmentStatus::Completed => {
            Err(LearningError::AlreadyEnrolled)
        }
        _ => Ok(()),
    }
}

/// Where a confirmed application goes: a seat while one is free, else the waitlist.
pub fn on_confirm(seats: Option<u32>, taken: u32) -> EnrolmentStatus {
    match seats {
        Some(seats) if taken >= seats => EnrolmentStatus::Waiting,
        _ => EnrolmentStatus::Active,
    }
}

/// Who moves up from the waitlist (given in its order) when seats free or are added: as
/// many as there are free seats, first come first.
pub fn promoted(seats: Option<u32>, taken: u32, waiting: &[i64]) -> &[i64] {
    let free = match seats {
        None => waiting.len(),
        Some(seats) => seats.saturating_sub(taken) as usize,
    };
    &waiting[..free.min(waiting.len())]
}

/// The pengelola's answer to an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Confirm,
    Refuse,
}

impl FormValue for Decision {
    const ALL: &'static [Self] = &[Decision::Confirm, Decision::Refuse];

    fn form_value(self) -> &'static str {
        match self {
            Decision::Confirm => "terima",
            Decision::Refuse => "tolak",
        }
    }
}

pub fn decide(
    from: EnrolmentStatus,
    decision: Decision,
    seats: Option<u32>,
    taken: u32,
) -> Result<EnrolmentStatus, LearningError> {
    if from != EnrolmentStatus::Applied {
        return Err(LearningError::AlreadyDecided);
    }
    Ok(match decision {
        Decision::Confirm => on_confirm(seats, taken),
        Decision::Refuse => EnrolmentStatus::Refused,
    })
}

/// The course settings form (the admin's).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SettingsInput {
    /// Empty: no limit.
    pub seats: String,
    /// An OPD id, or empty for every OPD.
    pub opd: String,
    /// A jenis jabatan as stored (`ahli_pertama`), or empty for every one.
    pub jenis: String,
    #[serde(default)]
    pub open: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidSettings {
    pub seats: Option<u32>,
    pub audience: Audience,
    pub open: bool,
}

/// Checks the settings form; `taken` is the seats already held, which the seats may not go
/// below (nobody loses a seat because the number was lowered).
pub fn validate_settings(
    input: &SettingsInput,
    taken: u32,
) -> Result<ValidSettings, LearningError> {
    let seats = match input.seats.trim() {
        "" => None,
        s => Some(
            s.parse::<u32>()
                .ok()
                .filter(|n| (1..=MAX_SEATS).contains(n))
                .ok_or(LearningError::SeatsInvalid)?,
        ),
    };
    if seats.is_some_and(|s| s < taken) {
        return Err(LearningError::SeatsBelowTaken);
    }
    let opd_id = match input.opd.trim() {
        "" => None,
        s => Some(
            s.parse::<i64>()
                .map_err(|_| LearningError::AudienceUnknown)?,
        ),
    };
    let jenis = match input.jenis.trim() {
        "" => None,
        s => Some(
            JenisJabatan::ALL
                .into_iter()
                .find(|j| j.as_db() == s)
                .ok_or(LearningError::AudienceUnknown)?,
        ),
    };
    Ok(ValidSettings {
        seats,
        audience: Audience { opd_id, jenis },
        open: input.open.is_some(),
    })
}

/// One module as progress counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModuleState {
    pub id: i64,
    pub required: bool,
    pub opened: bool,
    pub done: bool,
}

/// Required modules done, and required modules in all.
pub fn progress(modules: &[ModuleState]) -> (u32, u32) {
    let required = modules.iter().filter(|m| m.required);
    let total = required.clone().count() as u32;
    (required.filter(|m| m.done).count() as u32, total)
}

/// The module to go on with: the first opened and not done, else the first not done;
/// `None` when every module is done.
pub fn resume(modules: &[ModuleState]) -> Option<i64> {
    modules
        .iter()
        .find(|m| m.opened && !m.done)
        .or_else(|| modules.iter().find(|m| !m.done))
        .map(|m| m.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERYONE: Audience = Audience {
        opd_id: None,
        jenis: None,
    };

    #[test]
    fn online_enrols_at_once_and_the_classroom_applies() {
        assert_eq!(on_enrol(ProgramMode::Online), EnrolmentStatus::Active);
        assert_eq!(on_enrol(ProgramMode::Classroom), EnrolmentStatus::Applied);
        assert_eq!(on_enrol(ProgramMode::Blended), EnrolmentStatus::Applied);
    }

    #[test]
    fn a_course_is_for_its_audience_only() {
        let teachers_of_opd_3 = Audience {
            opd_id: Some(3),
            jenis: Some(JenisJabatan::AhliPertama),
        };
        assert!(teachers_of_opd_3.includes(3, JenisJabatan::AhliPertama));
        assert!(!teachers_of_opd_3.includes(4, JenisJabatan::AhliPertama));
        assert!(!teachers_of_opd_3.includes(3, JenisJabatan::Pelaksana));
        assert!(EVERYONE.includes(9, JenisJabatan::Pelaksana));
        let pelaksana = JenisJabatan::Pelaksana;
        assert_eq!(
            may_enrol(false, EVERYONE, 1, pelaksana, None),
            Err(LearningError::NotForYou)
        );
        assert_eq!(
            may_enrol(true, teachers_of_opd_3, 1, pelaksana, None),
            Err(LearningError::NotForYou)
        );
    }

    #[test]
    fn one_open_enrolment_per_course_and_a_new_try_after_withdrawing() {
        let p = JenisJabatan::Pelaksana;
        for held in [
            EnrolmentStatus::Applied,
            EnrolmentStatus::Waiting,
            EnrolmentStatus::Active,
            EnrolmentStatus::Completed,
        ] {
            assert_eq!(
                may_enrol(true, EVERYONE, 1, p, Some(held)),
                Err(LearningError::AlreadyEnrolled),
                "{held:?}"
            );
        }
        assert_eq!(
            may_enrol(true, EVERYONE, 1, p, Some(EnrolmentStatus::Withdrawn)),
            Ok(())
        );
        assert_eq!(
            may_enrol(true, EVERYONE, 1, p, Some(EnrolmentStatus::Refused)),
            Ok(())
        );
        assert_eq!(may_enrol(true, EVERYONE, 1, p, None), Ok(()));
    }

    #[test]
    fn a_confirmed_application_takes_a_free_seat_or_waits() {
        assert_eq!(on_confirm(Some(2), 1), EnrolmentStatus::Active);
        assert_eq!(on_confirm(Some(2), 2), EnrolmentStatus::Waiting);
        assert_eq!(on_confirm(None, 500), EnrolmentStatus::Active);
        assert_eq!(
            decide(EnrolmentStatus::Applied, Decision::Confirm, Some(1), 1),
            Ok(EnrolmentStatus::Waiting)
        );
        assert_eq!(
            decide(EnrolmentStatus::Applied, Decision::Refuse, Some(1), 0),
            Ok(EnrolmentStatus::Refused)
        );
        for decided in [
            EnrolmentStatus::Active,
            EnrolmentStatus::Waiting,
            EnrolmentStatus::Withdrawn,
        ] {
            assert_eq!(
                decide(decided, Decision::Confirm, None, 0),
                Err(LearningError::AlreadyDecided)
            );
        }
    }

    #[test]
    fn the_waitlist_moves_up_in_order_as_seats_free() {
        let waiting = [7, 3, 9];
        assert_eq!(promoted(Some(3), 3, &waiting), &[] as &[i64]);
        assert_eq!(promoted(Some(3), 2, &waiting), &[7]);
        assert_eq!(promoted(Some(5), 2, &waiting), &[7, 3, 9]);
        assert_eq!(promoted(None, 40, &waiting), &[7, 3, 9]);
        // Seats lowered below those taken: nobody moves up, nobody is pushed out.
        assert_eq!(promoted(Some(1), 3, &waiting), &[] as &[i64]);
    }

    #[test]
    fn settings_keep_every_seat_already_taken() {
        let input = |seats: &str, opd: &str, jenis: &str| SettingsInput {
            seats: seats.into(),
            opd: opd.into(),
            jenis: jenis.into(),
            open: Some("ya".into()),
        };
        let ok = validate_settings(&input("20", "3", "pelaksana"), 5).unwrap();
        assert_eq!(ok.seats, Some(20));
        assert_eq!(ok.audience.opd_id, Some(3));
        assert_eq!(ok.audience.jenis, Some(JenisJabatan::Pelaksana));
        assert!(ok.open);
        assert_eq!(
            validate_settings(&input("", "", ""), 9).unwrap().audience,
            EVERYONE
        );
        assert_eq!(
            validate_settings(&input("4", "", ""), 5),
            Err(LearningError::SeatsBelowTaken)
        );
        assert_eq!(
            validate_settings(&input("0", "", ""), 0),
            Err(LearningError::SeatsInvalid)
        );
        assert_eq!(
            validate_settings(&input("dua", "", ""), 0),
            Err(LearningError::SeatsInvalid)
        );
        assert_eq!(
            validate_settings(&input("", "x", ""), 0),
            Err(LearningError::AudienceUnknown)
        );
        assert_eq!(
            validate_settings(&input("", "", "raja"), 0),
            Err(LearningError::AudienceUnknown)
        );
    }

    #[test]
    fn progress_counts_required_modules_and_resume_goes_on_where_one_stopped() {
        let m = |id, required, opened, done| ModuleState {
            id,
            required,
            opened,
            done,
        };
        let modules = [
            m(1, true, true, true),
            m(2, false, false, false),
            m(3, true, true, false),
            m(4, true, false, false),
        ];
        assert_eq!(progress(&modules), (1, 3));
        assert_eq!(resume(&modules), Some(3));
        let fresh = [m(1, true, false, false), m(2, true, false, false)];
        assert_eq!(resume(&fresh), Some(1));
        let done = [m(1, true, true, true)];
        assert_eq!((progress(&done), resume(&done)), ((1, 1), None));
    }
}
