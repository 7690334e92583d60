//! The catalog of development programs (minimal for now: what plans and gap suggestions
//! link to).

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod ui;

pub use api::*;
pub use model::*;
