//! A course's questions and tests: a question bank of five kinds (imported and exported as
//! Moodle's GIFT, each question optionally tied to a module), a pre-test, a post-test and
//! module quizzes with a pass mark and an attempt limit, attempts drawn and shuffled once,
//! marked on submitting, the learner's gain, and per-question statistics.

mod api;
#[cfg(feature = "ssr")]
mod attempt_queries;
mod attempt_ui;
#[cfg(feature = "ssr")]
pub mod bank_queries;
mod bank_ui;
pub mod gift;
pub mod model;
pub mod rules;
pub mod ui;

pub use api::*;
