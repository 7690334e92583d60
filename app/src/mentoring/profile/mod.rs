//! The mentor profile: a person opts in with the competencies they may offer, a capacity,
//! how they meet, and a short bio.

mod api;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod ui;

pub use api::*;
