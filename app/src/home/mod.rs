//! Beranda: the role-aware home page.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod ui;

pub use api::*;
pub use model::*;
