//! Login, sessions, roles and authorization.

pub mod lifetime;
mod model;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod queries;
mod server_fns;
pub mod throttle;
pub mod ui;

pub use model::*;
pub use policy::{Permission, Role, Roles, Scope, authorize, can};
pub use server_fns::*;
pub use ui::{SessionContext, use_session};
