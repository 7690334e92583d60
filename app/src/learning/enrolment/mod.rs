//! Enrolment: the learner's page "Belajar", a course's page, enrolling and withdrawing, the
//! pengelola OPD's decisions on applications, and the admin's course settings and
//! facilitators.

mod api;
#[cfg(feature = "ssr")]
mod queries;
pub mod ui;

pub use api::*;
