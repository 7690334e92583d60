//! In-app notifications: a plan submitted (to the supervisor), approved or returned (to the
//! employee), a JP entry verified or rejected, and each step of a mentoring request and
//! mentorship.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod ui;

pub use api::*;
pub use model::*;
