//! Competencies: the dictionary, the standards of positions, assessments, and the gaps an
//! employee sees on "Kompetensi Saya".

mod api;
pub mod gap;
mod model;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod ui;

pub use api::*;
pub use gap::{CompetencyGap, sort_by_gap, suggested_paths};
pub use model::*;
