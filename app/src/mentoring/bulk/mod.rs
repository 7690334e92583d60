//! Bulk matching (admin): for a cohort of mentees with a gap in one competency (the city, one
//! OPD, or the participants of a programme), the optimal assignment to mentors
//! ([`super::matching`]); the admin removes or swaps pairs, then publishes, which sends each
//! chosen mentor a request in one transaction.

mod api;
mod model;
#[cfg(feature = "ssr")]
mod queries;
pub mod ui;

pub use api::*;
pub use model::*;
