//! The mentoring dashboard (pengelola OPD: their OPD; admin: the city): requests by state,
//! answer times, mentor loads, reach into remote areas, with drill-down lists and CSV.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod summary;
pub mod ui;

pub use api::*;
pub use model::*;
