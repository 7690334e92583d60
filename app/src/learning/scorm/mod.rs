//! SCORM 1.2 packages: a facilitator (or the admin) uploads a zip to a course, Bina checks
//! it whole (paths, sizes, the manifest, SCORM 2004 refused) and keeps its files, a module's
//! revision shows one, and its runtime in the browser (the npm package `scorm-again`, loaded
//! by `player.js` only on such a module's page) reports the lesson's status, score and
//! session time, which become the module's progress and, through `learning::progress`, its
//! completion.

mod api;
#[cfg(feature = "ssr")]
pub mod manifest;
mod model;
#[cfg(feature = "ssr")]
pub mod package;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod rules;
pub mod ui;

pub use api::*;
pub use model::*;
