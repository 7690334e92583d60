//! Admin BKPSDMD: the competency dictionary, position standards and the catalog.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod rules;
pub mod ui;

pub use api::*;
pub use model::*;
pub use rules::AdminError;
