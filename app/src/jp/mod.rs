//! JP (lesson hours): the development paths, the conversion rules, and the ledger of
//! completed activities with evidence that the OPD's HR officer verifies.

mod api;
pub mod ledger;
mod model;
#[cfg(test)]
mod properties;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod rules;
pub mod ui;

pub use api::*;
pub use ledger::{EntryStatus, LedgerError};
pub use model::*;
pub use rules::{
    AmountUnit, DevPath, JpRules, PathFamily, allowed_units, default_planned_jp, jp_for,
};
