//! learning's types shared by the browser and the server.

use leptos_i18n::I18nContext;
use serde::{Deserialize, Serialize};

use crate::{catalog::ProgramMode, i18n::*, org::OpdChoice, validation::FormValue};

/// Where a person stands with a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EnrolmentStatus {
    /// Applied for a classroom or blended course; waits for the pengelola OPD.
    Applied,
    /// Confirmed, but every seat is taken: waits in order for one to free.
    Waiting,
    Active,
    Withdrawn,
    Refused,
    Completed,
}

impl EnrolmentStatus {
    pub const ALL: [EnrolmentStatus; 6] = [
        EnrolmentStatus::Applied,
        EnrolmentStatus::Waiting,
        EnrolmentStatus::Active,
        EnrolmentStatus::Withdrawn,
        EnrolmentStatus::Refused,
        EnrolmentStatus::Completed,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            EnrolmentStatus::Applied => "applied",
            EnrolmentStatus::Waiting => "waiting",
            EnrolmentStatus::Active => "active",
            EnrolmentStatus::Withdrawn => "withdrawn",
            EnrolmentStatus::Refused => "refused",
            EnrolmentStatus::Completed => "completed",
        }
    }

    pub fn from_db(s: &str) -> Option<EnrolmentStatus> {
        EnrolmentStatus::ALL.into_iter().find(|e| e.as_db() == s)
    }

    /// Whether the person may read the course's modules.
    pub fn reads(self) -> bool {
        matches!(self, EnrolmentStatus::Active | EnrolmentStatus::Completed)
    }

    /// Whether the enrolment still holds or waits for a place (withdrawing ends it).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            EnrolmentStatus::Applied | EnrolmentStatus::Waiting | EnrolmentStatus::Active
        )
    }

    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            EnrolmentStatus::Applied => t_string!(i18n, learning.status_applied),
            EnrolmentStatus::Waiting => t_string!(i18n, learning.status_waiting),
            EnrolmentStatus::Active => t_string!(i18n, learning.status_active),
            EnrolmentStatus::Withdrawn => t_string!(i18n, learning.status_withdrawn),
            EnrolmentStatus::Refused => t_string!(i18n, learning.status_refused),
            EnrolmentStatus::Completed => t_string!(i18n, learning.status_completed),
        }
    }
}

/// A course in a list: the learner's own, or one open to them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseCard {
    pub program_id: i64,
    pub title: String,
    pub mode: ProgramMode,
    pub jp: u32,
    pub organiser: String,
    pub status: Option<EnrolmentStatus>,
    /// Required modules done, of all required published modules.
    pub done: u32,
    pub required: u32,
}

/// The page "Belajar".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyLearning {
    pub mine: Vec<CourseCard>,
    /// Open courses meant for this person that they are not in.
    pub open: Vec<CourseCard>,
    /// Courses this person facilitates.
    pub facilitating: Vec<CourseCard>,
}

/// One module in a course's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleLine {
    pub id: i64,
    pub position: u32,
    pub title: String,
    pub minutes: u32,
    pub required: bool,
    /// The number of the latest published revision; `None` while it has only a draft.
    pub published: Option<u32>,
    /// A draft waits to be published (facilitators see it).
    pub has_draft: bool,
    pub opened: bool,
    pub done: bool,
}

/// What a course is: its catalog program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseInfo {
    pub program_id: i64,
    pub title: String,
    pub mode: ProgramMode,
    pub jp: u32,
    pub organiser: String,
    pub starts_on: String,
    pub ends_on: String,
    pub place: String,
    pub competency_code: String,
}

/// A course's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseView {
    pub info: CourseInfo,
    pub status: Option<EnrolmentStatus>,
    /// Place on the waitlist, from 1.
    pub waitlist_position: Option<u32>,
    pub seats: Option<u32>,
    pub seats_taken: u32,
    /// Meant for this person and open, and they hold no open enrolment.
    pub may_enrol: bool,
    pub may_read: bool,
    pub may_manage: bool,
    /// Published modules (and, for facilitators, modules with only a draft).
    pub modules: Vec<ModuleLine>,
    /// The module to go on with.
    pub resume: Option<i64>,
    pub done: u32,
    pub required: u32,
    /// Estimated minutes of the published modules not done yet.
    pub minutes_left: u32,
}

/// A module as a learner reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleRead {
    pub program_id: i64,
    pub program_title: String,
    pub id: i64,
    pub position: u32,
    pub count: u32,
    pub title: String,
    pub minutes: u32,
    pub revision: u32,
    /// Rendered and sanitised on the server when the revision was saved.
    pub html: String,
    /// The SCORM package it shows (`scorm/`), which reports the module done itself.
    pub package_id: Option<i64>,
    pub done: bool,
    /// An enrolled learner (facilitators and the admin read without progress).
    pub learner: bool,
    pub prev: Option<i64>,
    pub next: Option<i64>,
}

/// A course's settings, as its form shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseSettings {
    pub audience_opd_id: Option<i64>,
    /// A jenis jabatan as stored (`ahli_pertama`), or empty for everyone.
    pub audience_jenis: String,
    pub seats: Option<u32>,
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRef {
    pub employee_id: i64,
    pub nip: String,
    pub name: String,
}

/// One participant on the facilitator's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub enrolment_id: i64,
    pub name: String,
    pub nip: String,
    pub opd_name: String,
    pub status: EnrolmentStatus,
    pub done: u32,
    pub minutes_spent: u32,
    /// Days attended, as recorded (classroom and blended courses).
    pub attended: Option<u32>,
}

/// The facilitator's (and the admin's) page of a course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManageView {
    pub program_id: i64,
    pub title: String,
    pub mode: ProgramMode,
    /// `None` until the admin opens the program as a course.
    pub settings: Option<CourseSettings>,
    pub is_admin: bool,
    pub facilitators: Vec<PersonRef>,
    pub modules: Vec<ModuleLine>,
    pub participants: Vec<Participant>,
    pub required: u32,
    /// Days the course runs (what attendance is counted of).
    pub course_days: u32,
    pub opds: Vec<OpdChoice>,
}

/// One revision in a module's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevisionView {
    pub number: u32,
    pub change_note: String,
    pub author: String,
    /// WITA date and time it was saved (a draft) or published.
    pub at: String,
    pub published: bool,
}

/// The editor of one module (`module_id` 0: a new module).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleEditor {
    pub program_id: i64,
    pub program_title: String,
    pub module_id: i64,
    pub title: String,
    pub minutes: u32,
    pub required: bool,
    /// The text being edited: the draft's, else the latest published revision's.
    pub body_md: String,
    /// The draft rendered as learners would read it.
    pub preview_html: Option<String>,
    /// The SCORM package the text being edited shows.
    pub package_id: Option<i64>,
    pub revisions: Vec<RevisionView>,
}

/// What a course file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Image,
    Pdf,
}

impl FileKind {
    pub fn as_db(self) -> &'static str {
        match self {
            FileKind::Image => "image",
            FileKind::Pdf => "pdf",
        }
    }

    pub fn from_db(text: &str) -> Option<FileKind> {
        [FileKind::Image, FileKind::Pdf]
            .into_iter()
            .find(|k| k.as_db() == text)
    }

    /// The type it is served with: images are stored as JPEG whatever was uploaded.
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Image => "image/jpeg",
            FileKind::Pdf => "application/pdf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Image => "jpg",
            FileKind::Pdf => "pdf",
        }
    }
}

/// What showing a course file in a module needs to know of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileRef {
    pub kind: FileKind,
    pub bytes: u64,
    /// An image's width and height as kept (0 for a PDF).
    pub width: u32,
    pub height: u32,
    /// Whether a copy for phones exists (`material::rules::SMALL_WIDTH`).
    pub small: bool,
}

/// The course's files a module's text may show (`berkas:ID`), as rendering needs them.
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub program_id: i64,
    pub by_id: std::collections::HashMap<i64, FileRef>,
}

/// An image or attachment of a course, as its editor lists it (newest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseFile {
    pub id: i64,
    pub kind: FileKind,
    pub label: String,
    /// Its size as a person reads it ("1,2 MB").
    pub size: String,
    /// An image's width and height as kept (0 for a PDF).
    pub width: u32,
    pub height: u32,
    pub url: String,
    /// The Markdown that shows it (`![label](berkas:12)`).
    pub snippet: String,
}

/// An application the pengelola OPD decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub enrolment_id: i64,
    pub name: String,
    pub nip: String,
    pub jabatan: String,
    pub program_id: i64,
    pub program_title: String,
    pub mode: ProgramMode,
    pub applied_on: String,
    pub seats: Option<u32>,
    pub seats_taken: u32,
}

/// Names a facilitator (`tetapkan`) or takes the role back (`cabut`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacilitatorAction {
    Name,
    Remove,
}

impl FormValue for FacilitatorAction {
    const ALL: &'static [Self] = &[FacilitatorAction::Name, FacilitatorAction::Remove];

    fn form_value(self) -> &'static str {
        match self {
            FacilitatorAction::Name => "tetapkan",
            FacilitatorAction::Remove => "cabut",
        }
    }
}
