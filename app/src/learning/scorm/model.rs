//! The types of SCORM packages shared by the browser and the server.

use serde::{Deserialize, Serialize};

/// A package of a course, as its editors list it (newest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageView {
    pub id: i64,
    pub title: String,
    pub files: u32,
    /// Its size unpacked, as a person reads it ("1,2 MB").
    pub size: String,
    /// WITA date and time of the upload.
    pub uploaded_at: String,
}

/// What the module page needs to run a package: where it starts, where it reports, and
/// what it last reported for this learner (on this revision), read back so that it resumes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScormLaunch {
    pub launch_url: String,
    /// An enrolled learner: the package's reports count. Facilitators and the admin try it
    /// without anything recorded.
    pub learner: bool,
    pub student_id: String,
    pub student_name: String,
    /// `cmi.core.lesson_status` as last reported ("not attempted" before any report).
    pub status: String,
    pub score: Option<u32>,
    pub location: String,
    pub suspend_data: String,
}

/// The answer a SCORM runtime expects from a commit (scorm-again reads these two fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitResult {
    pub result: bool,
    #[serde(rename = "errorCode")]
    pub error_code: u32,
}
