//! A course's files: images (checked by decoding, shrunk, served in two widths) and PDF
//! attachments, uploaded by its facilitators and shown in its modules' text as
//! `![alt](berkas:12)` or `[name](berkas:13)`.

mod api;
#[cfg(feature = "ssr")]
mod image;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod rules;
pub mod ui;

pub use api::*;
