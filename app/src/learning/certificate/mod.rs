//! Certificates of completed courses: one per completion, issued with its JP entry; a PDF
//! (A4 landscape, with a QR code of its verification address) for its holder; the public
//! verification page `/sertifikat/{kode}`; the admin's list and revocation.

mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod pdf;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod rules;
pub mod ui;

pub use api::*;
