//! Online learning: catalog programs opened as courses, enrolment (self-enrolment online;
//! apply, confirm and a waitlist in the classroom), facilitators (pengampu), modules with
//! revisions, and each learner's progress.
//!
//! - `enrolment/`: the learner's page "Belajar", a course's page, enrolling and
//!   withdrawing, and the pengelola OPD's decisions on applications.
//! - `course/`: the facilitators' and the admin's page of a course: its settings,
//!   facilitators, modules and participants.
//! - `module/`: reading a module, marking it done, the facilitator's editor of revisions,
//!   and the modules' order.
//! - `material/`: a course's images and PDF attachments, which its modules' text shows.
//! - `quiz/`: the question bank (GIFT in and out), pre-, post- and module tests, attempts,
//!   the learner's gain and per-question statistics.
//! - `scorm/`: SCORM 1.2 packages a module shows, their files, and what their runtime
//!   reports.
//! - `progress.rs`: a learner's progress in a module, however the module was done.
//! - `certificate/`: the certificate a completion issues, its PDF, the public verification
//!   page and the admin's revocation.

pub mod certificate;
pub mod completion;
pub mod course;
pub mod enrolment;
pub mod material;
mod model;
pub mod module;
#[cfg(feature = "ssr")]
pub mod progress;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod quiz;
pub mod rules;
pub mod scorm;
pub mod ui;

pub use model::*;
