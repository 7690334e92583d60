//! Organisation and people: OPD, unit kerja, work locations and employees.

mod api;
mod model;
pub mod nip;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod ui;

pub use api::*;
pub use model::*;
