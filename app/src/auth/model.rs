//! auth's types shared by the browser and the server.

use super::Roles;
use crate::org::{AccessClass, JenisJabatan};
use serde::{Deserialize, Serialize};

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
