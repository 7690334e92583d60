//! Mentoring: mentors opt in with their expertise and capacity, mentees get explained
//! recommendations and send requests, mentors accept or decline, and the sessions of a
//! mentorship that both sides confirm become JP in the mentee's ledger.
//!
//! Pure: `matching.rs` (optimal bulk matching), `rules.rs` (input rules, errors), `score.rs`
//! (who may mentor whom, and how well), `request/state.rs` (a request's states). Each
//! sub-feature folder holds its server functions (`api.rs`), server side (`queries.rs`) and
//! pages (`ui.rs`).

pub mod bulk;
pub mod matching;
pub mod mentorship;
mod model;
#[cfg(feature = "ssr")]
mod offers;
pub mod profile;
pub mod report;
pub mod request;
pub mod rules;
pub mod score;
mod ui;

pub use model::*;
pub use request::state::{DeclineReason, RequestAction, RequestStatus, transition};
pub use rules::MentoringError;
pub use score::{OpdPreference, Reason, Scored};
