//! Yearly development plans: the employee drafts (with "Saran untuk saya", suggested items
//! that reach the JP target), the direct supervisor approves or returns with a comment, and
//! every step is kept as history.

mod api;
mod model;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod rules;
pub mod state;
pub mod suggest;
mod suggest_ui;
pub mod ui;

pub use api::*;
pub use model::*;
pub use rules::{PlanError, PlanItemInput};
pub use state::{PlanAction, PlanStatus, transition};
