//! Login, sessions, roles and authorization.

pub mod lifetime;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod queries;
mod server_fns;
pub mod throttle;
pub mod ui;

use serde::{Deserialize, Serialize};

use crate::org::{AccessClass, JenisJabatan};
pub use policy::{Permission, Role, Roles, Scope, authorize, can};
pub use server_fns::*;
pub use ui::{SessionContext, use_session};

/// The person behind the session, as the pages and server functions see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub account_id: i64,
    pub employee_id: i64,
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub jenis_jabatan: JenisJabatan,
    pub golongan: String,
    pub opd_id: i64,
    pub opd_name: String,
    pub unit_name: String,
    pub location_name: String,
    pub access_class: AccessClass,
    pub roles: Roles,
}
