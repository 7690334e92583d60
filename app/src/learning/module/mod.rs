//! Modules: reading one (server-rendered, no JavaScript needed), marking it done, and the
//! facilitator's editor, where a draft is previewed and published as a revision with a
//! change note.

mod api;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
mod queries;
pub mod rules;
pub mod ui;

pub use api::*;
