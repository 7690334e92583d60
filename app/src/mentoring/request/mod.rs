//! Mentoring requests: the mentee asks a recommended mentor for one competency, the mentor
//! accepts within capacity or declines with a reason, and unanswered requests expire.

mod api;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod state;
pub mod ui;

pub use api::*;
