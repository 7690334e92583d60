//! A course as its facilitators and the admin run it: the admin opens a catalog program as
//! a course (who it is for, its seats) and names its facilitators; facilitators and the
//! admin see its modules and every participant's progress.

mod api;
#[cfg(feature = "ssr")]
mod queries;
pub mod ui;

pub use api::*;
