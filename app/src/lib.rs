//! Bina: competency development of the civil servants of Kota Palu.
//!
//! One folder per feature on a shared ground (`calendar`, `validation`, `settings`, `db`,
//! `ui`, `error`), and the page frame in `shell`; ARCHITECTURE.md at the top of the
//! repository walks the layout. In a feature, pure rules are free of I/O, `api.rs` holds the
//! server functions and `queries.rs` (server only) their SQL.
#![recursion_limit = "256"]

// The metadata-driven loader keeps the heavy ICU data exporter of the build-script route
// out of the build; its deprecation is only in favour of that route.
#[allow(deprecated)]
mod i18n_loader {
    leptos_i18n::load_locales!();
}
pub use i18n_loader::i18n;

pub mod admin;
mod app;
pub mod auth;
pub mod calendar;
pub mod catalog;
pub mod competency;
#[cfg(feature = "ssr")]
pub mod csv_export;
pub mod dashboard;
#[cfg(feature = "ssr")]
pub mod db;
pub mod error;
pub mod home;
pub mod jp;
pub mod learning;
pub mod mentoring;
pub mod notify;
pub mod org;
pub mod plan;
pub mod settings;
pub mod shell;
pub mod ui;
#[cfg(feature = "ssr")]
pub mod upload;
pub mod validation;

pub use app::{App, HYDRATED_ATTRIBUTE, shell};
