//! What knows every feature: the frame of every page with its navigation by role. The route
//! table is `app.rs`; the error-to-message lookup is `error/` (one line per feature).

mod layout;

pub use layout::{LanguageSwitch, Layout};
