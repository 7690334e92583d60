//! Bina's integration tests: each module drives the real `bina` binary over HTTP on SQLite
//! and PostgreSQL. They are one test binary, not one per file, so that the whole app is
//! linked once for all of them.

#[macro_use]
mod common;

mod admin;
mod auth;
mod authorization;
mod authorization_matrix;
mod bad_input;
mod certificates;
mod course_completion;
mod course_files;
mod dashboard;
mod durability;
mod learning;
mod ledger;
mod login_hardening;
mod mentoring;
mod pages;
mod plans;
mod quiz;
mod random_input;
mod scale_out;
mod scorm;
