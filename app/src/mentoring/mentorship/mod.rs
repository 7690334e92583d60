//! One mentorship between a mentor and a mentee: sessions both sides confirm (then JP enter
//! the mentee's ledger), goals with progress, the good-fit check, and the closing feedback.

mod api;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod rules;
pub mod ui;

pub use api::*;
