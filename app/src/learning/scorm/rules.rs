//! The rules of SCORM 1.2 packages, shared by the browser and the server: the limits of an
//! upload, which paths inside a zip are taken (never `..` nor an absolute path), where a
//! package's files are served, and what a package's report means for the module (its
//! `cmi.core.lesson_status`, `cmi.core.score.raw` and `cmi.core.session_time`). No I/O.

use serde::{Deserialize, Serialize};

use crate::error::feature::FeatureError;

/// Largest zip taken: a short interactive lesson, on an upload from an office link.
pub const MAX_PACKAGE_BYTES: usize = 30 * 1024 * 1024;
/// Largest sum of the files once unpacked: a zip that claims or holds more is refused
/// before it fills the memory (a "zip bomb").
pub const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;
/// Files one package holds at most.
pub const MAX_FILES: usize = 2_000;
/// Packages one course holds at most (every revision keeps the one it showed).
pub const MAX_PACKAGES: usize = 50;
/// `cmi.core.lesson_location` is a CMIString255 and `cmi.suspend_data` a CMIString4096 in
/// SCORM 1.2: a report with more is not from a SCORM 1.2 runtime.
pub const MAX_LOCATION: usize = 255;
pub const MAX_SUSPEND_DATA: usize = 4_096;
/// A session longer than this is counted as this long (a tab left open over a weekend).
pub const MAX_SESSION_SECONDS: u32 = 4 * 60 * 60;
/// The name of a package's manifest, at the root of the zip.
pub const MANIFEST: &str = "imsmanifest.xml";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScormError {
    FileMissing,
    NotZip,
    TooLarge,
    UnpackedTooLarge,
    TooManyFiles,
    /// An entry's path leaves the package (`..`) or starts at a root (`/`, `C:`).
    UnsafePath,
    NoManifest,
    ManifestInvalid,
    /// The manifest is SCORM 2004's (or a later edition's).
    Scorm2004,
    /// The manifest names no launch page, or one the zip does not hold.
    NoLaunch,
    TooManyPackages,
    /// The package chosen for a module is not one of its course's.
    UnknownPackage,
    /// "Mark as done" on a module whose package reports its own completion.
    ReportedByPackage,
}

impl FeatureError for ScormError {
    const ALL: &'static [Self] = &[
        ScormError::FileMissing,
        ScormError::NotZip,
        ScormError::TooLarge,
        ScormError::UnpackedTooLarge,
        ScormError::TooManyFiles,
        ScormError::UnsafePath,
        ScormError::NoManifest,
        ScormError::ManifestInvalid,
        ScormError::Scorm2004,
        ScormError::NoLaunch,
        ScormError::TooManyPackages,
        ScormError::UnknownPackage,
        ScormError::ReportedByPackage,
    ];

    fn code(self) -> &'static str {
        match self {
            ScormError::FileMissing => "berkas-kosong",
            ScormError::NotZip => "bukan-zip",
            ScormError::TooLarge => "terlalu-besar",
            ScormError::UnpackedTooLarge => "isi-terlalu-besar",
            ScormError::TooManyFiles => "terlalu-banyak-berkas",
            ScormError::UnsafePath => "jalur-tidak-aman",
            ScormError::NoManifest => "tanpa-manifes",
            ScormError::ManifestInvalid => "manifes-rusak",
            ScormError::Scorm2004 => "scorm-2004",
            ScormError::NoLaunch => "tanpa-halaman-awal",
            ScormError::TooManyPackages => "terlalu-banyak-paket",
            ScormError::UnknownPackage => "paket-tidak-dikenal",
            ScormError::ReportedByPackage => "dilaporkan-paket",
        }
    }

    fn status(self) -> u16 {
        match self {
            ScormError::TooLarge | ScormError::UnpackedTooLarge => 413,
            ScormError::ReportedByPackage => 409,
            _ => 422,
        }
    }
}

/// A zip entry's name as a path inside the package: `None` for a folder entry; an error
/// for a name that would leave the package or start at a root. `./` and doubled slashes
/// are dropped, so that each file has one path.
pub fn entry_path(name: &str) -> Result<Option<String>, ScormError> {
    if name.ends_with('/') {
        return Ok(None);
    }
    // A backslash is a separator on Windows, where many packages are zipped: a name with
    // one is refused rather than guessed at.
    if name.starts_with('/') || name.contains('\\') || name.contains('\0') {
        return Err(ScormError::UnsafePath);
    }
    let mut parts = Vec::new();
    for part in name.split('/') {
        match part {
            "" | "." => continue,
            ".." => return Err(ScormError::UnsafePath),
            p => parts.push(p),
        }
    }
    // `C:foo` is a drive on Windows.
    if parts.first().is_some_and(|p| p.contains(':')) {
        return Err(ScormError::UnsafePath);
    }
    if parts.is_empty() {
        return Ok(None);
    }
    Ok(Some(parts.join("/")))
}

/// The path a launch address names inside the package, without its query or fragment.
pub fn launch_file(launch: &str) -> &str {
    launch.split(['?', '#']).next().unwrap_or_default()
}

/// Where a package's files are served: the same origin as Bina (a SCORM 1.2 package finds
/// its runtime in the window around it), under a path of its own.
pub fn package_url(program_id: i64, package_id: i64, path: &str) -> String {
    format!("/belajar/{program_id}/scorm/{package_id}/{path}")
}

/// The package a module's form chose: empty for none, else a package's id (whether it is
/// one of the course's is the server's to check).
pub fn package_choice(value: &str) -> Result<Option<i64>, ScormError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .map(Some)
        .ok_or(ScormError::UnknownPackage)
}

/// `cmi.core.lesson_status` of SCORM 1.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LessonStatus {
    NotAttempted,
    Browsed,
    Incomplete,
    Failed,
    Completed,
    Passed,
}

impl LessonStatus {
    const ALL: [LessonStatus; 6] = [
        LessonStatus::NotAttempted,
        LessonStatus::Browsed,
        LessonStatus::Incomplete,
        LessonStatus::Failed,
        LessonStatus::Completed,
        LessonStatus::Passed,
    ];

    /// The vocabulary's word, as the runtime reports it and as it is stored.
    pub fn as_cmi(self) -> &'static str {
        match self {
            LessonStatus::NotAttempted => "not attempted",
            LessonStatus::Browsed => "browsed",
            LessonStatus::Incomplete => "incomplete",
            LessonStatus::Failed => "failed",
            LessonStatus::Completed => "completed",
            LessonStatus::Passed => "passed",
        }
    }

    pub fn from_cmi(text: &str) -> Option<LessonStatus> {
        let text = text.trim();
        // A runtime that was never told anything reports an empty status.
        if text.is_empty() {
            return Some(LessonStatus::NotAttempted);
        }
        LessonStatus::ALL
            .into_iter()
            .find(|s| s.as_cmi().eq_ignore_ascii_case(text))
    }

    /// Whether the module is done: the package says so (`passed`, or `completed` when it
    /// has no pass mark). `failed` is not done: the learner tries again.
    pub fn done(self) -> bool {
        matches!(self, LessonStatus::Passed | LessonStatus::Completed)
    }
}

/// SCORM 1.2's CMITimespan, `HHHH:MM:SS.SS` (hours of two to four digits, seconds with up
/// to two decimals), in whole seconds, at most [`MAX_SESSION_SECONDS`]. `None` when it is
/// not one.
pub fn timespan_seconds(text: &str) -> Option<u32> {
    let mut parts = text.trim().split(':');
    let (hours, minutes, seconds) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let digits = |s: &str, range: std::ops::RangeInclusive<usize>| {
        range.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let (whole, fraction) = seconds.split_once('.').unwrap_or((seconds, ""));
    if !digits(hours, 2..=4)
        || !digits(minutes, 2..=2)
        || !digits(whole, 2..=2)
        || !(fraction.is_empty() || digits(fraction, 1..=2))
    {
        return None;
    }
    let (h, m, s): (u32, u32, u32) = (
        hours.parse().ok()?,
        minutes.parse().ok()?,
        whole.parse().ok()?,
    );
    if m > 59 || s > 59 {
        return None;
    }
    Some((h * 3600 + m * 60 + s).min(MAX_SESSION_SECONDS))
}

/// `cmi.core.score.raw`: empty (no score), or a number from 0 to 100, kept rounded to a
/// whole number (`Some(None)` for no score). `None` when it is neither.
pub fn score(text: &str) -> Option<Option<u32>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    let value: f64 = text.parse().ok()?;
    (0.0..=100.0)
        .contains(&value)
        .then(|| Some(value.round() as u32))
}

/// What one report of the runtime says, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub status: LessonStatus,
    pub score: Option<u32>,
    /// The session's time so far.
    pub session_seconds: u32,
    pub location: String,
    pub suspend_data: String,
}

/// The report as the runtime sent it (strings, as the SCORM data model has them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawReport {
    pub status: String,
    pub score: String,
    pub session_time: String,
    pub location: String,
    pub suspend_data: String,
}

/// Checks a report: `None` when it is not what a SCORM 1.2 runtime sends. An empty or
/// unreadable session time counts as no time, as a package that never sets it reports.
pub fn check_report(raw: &RawReport) -> Option<Report> {
    if raw.location.chars().count() > MAX_LOCATION
        || raw.suspend_data.chars().count() > MAX_SUSPEND_DATA
    {
        return None;
    }
    Some(Report {
        status: LessonStatus::from_cmi(&raw.status)?,
        score: score(&raw.score)?,
        session_seconds: timespan_seconds(&raw.session_time).unwrap_or(0),
        location: raw.location.clone(),
        suspend_data: raw.suspend_data.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_the_package_are_taken_and_normalised() {
        assert_eq!(entry_path("index.html"), Ok(Some("index.html".into())));
        assert_eq!(entry_path("./a//b/c.js"), Ok(Some("a/b/c.js".into())));
        assert_eq!(entry_path("media/"), Ok(None));
        assert_eq!(entry_path("./"), Ok(None));
    }

    #[test]
    fn paths_that_leave_the_package_or_start_at_a_root_are_refused() {
        for name in [
            "../evil.html",
            "a/../../evil",
            "a/..",
            "/etc/passwd",
            "C:/Windows/x",
            "C:x",
            "a\\..\\b",
            "a\0b",
        ] {
            assert_eq!(entry_path(name), Err(ScormError::UnsafePath), "{name}");
        }
    }

    #[test]
    fn the_launch_file_drops_query_and_fragment() {
        assert_eq!(
            launch_file("sco/index.html?lang=id#start"),
            "sco/index.html"
        );
        assert_eq!(launch_file("index.html"), "index.html");
    }

    #[test]
    fn a_package_choice_is_empty_or_an_id() {
        assert_eq!(package_choice(""), Ok(None));
        assert_eq!(package_choice(" 12 "), Ok(Some(12)));
        assert_eq!(package_choice("0"), Err(ScormError::UnknownPackage));
        assert_eq!(package_choice("paket"), Err(ScormError::UnknownPackage));
    }

    #[test]
    fn lesson_status_reads_the_vocabulary_and_only_it() {
        assert_eq!(LessonStatus::from_cmi("passed"), Some(LessonStatus::Passed));
        assert_eq!(
            LessonStatus::from_cmi("Not Attempted"),
            Some(LessonStatus::NotAttempted)
        );
        assert_eq!(LessonStatus::from_cmi(""), Some(LessonStatus::NotAttempted));
        assert_eq!(LessonStatus::from_cmi("unknown"), None);
        assert!(LessonStatus::Passed.done());
        assert!(LessonStatus::Completed.done());
        assert!(!LessonStatus::Failed.done());
        assert!(!LessonStatus::Incomplete.done());
    }

    #[test]
    fn timespans_are_read_as_scorm_1_2_writes_them() {
        assert_eq!(timespan_seconds("00:00:00"), Some(0));
        assert_eq!(timespan_seconds("0000:12:30.5"), Some(750));
        assert_eq!(timespan_seconds("01:02:03.25"), Some(3723));
        assert_eq!(timespan_seconds("99:00:00"), Some(MAX_SESSION_SECONDS));
        for bad in [
            "",
            "1:00:00",
            "00:60:00",
            "00:00:61",
            "00:00",
            "PT1M",
            "00:00:00.123",
            "aa:bb:cc",
        ] {
            assert_eq!(timespan_seconds(bad), None, "{bad}");
        }
    }

    #[test]
    fn scores_are_empty_or_from_0_to_100() {
        assert_eq!(score(""), Some(None));
        assert_eq!(score("80"), Some(Some(80)));
        assert_eq!(score("66.6"), Some(Some(67)));
        assert_eq!(score("101"), None);
        assert_eq!(score("-1"), None);
        assert_eq!(score("NaN"), None);
        assert_eq!(score("tinggi"), None);
    }

    #[test]
    fn a_report_is_checked_whole() {
        let raw = RawReport {
            status: "passed".into(),
            score: "90".into(),
            session_time: "00:05:00".into(),
            location: "halaman-3".into(),
            suspend_data: "a=1".into(),
        };
        let report = check_report(&raw).expect("a SCORM 1.2 report");
        assert_eq!(report.status, LessonStatus::Passed);
        assert_eq!(report.score, Some(90));
        assert_eq!(report.session_seconds, 300);
        // No session time: no time counted, the rest still taken.
        let untimed = RawReport {
            session_time: String::new(),
            ..raw.clone()
        };
        assert_eq!(check_report(&untimed).map(|r| r.session_seconds), Some(0));
        for bad in [
            RawReport {
                status: "selesai".into(),
                ..raw.clone()
            },
            RawReport {
                score: "200".into(),
                ..raw.clone()
            },
            RawReport {
                location: "x".repeat(MAX_LOCATION + 1),
                ..raw.clone()
            },
            RawReport {
                suspend_data: "x".repeat(MAX_SUSPEND_DATA + 1),
                ..raw.clone()
            },
        ] {
            assert_eq!(check_report(&bad), None, "{bad:?}");
        }
    }
}
