//! Login, sessions, roles and authorization.

mod api;
#[cfg(feature = "ssr")]
pub mod attempts;
pub mod lifetime;
mod model;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod throttle;
pub mod ui;

pub use api::*;
pub use model::*;
pub use policy::{Permission, Role, Roles, Scope, authorize, can};
pub use ui::{SessionContext, use_session};
