//! org's types shared by the browser and the server.

use crate::i18n::*;
use leptos_i18n::I18nContext;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    Male,
    Female,
}

/// How hard it is to reach training from a work location. Remote staff are who Bina is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccessClass {
    Urban,
    PeriUrban,
    Remote,
}

impl AccessClass {
    pub const ALL: [AccessClass; 3] = [
        AccessClass::Urban,
        AccessClass::PeriUrban,
        AccessClass::Remote,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            AccessClass::Urban => "urban",
            AccessClass::PeriUrban => "peri_urban",
            AccessClass::Remote => "remote",
        }
    }

    pub fn from_db(s: &str) -> AccessClass {
        match s {
            "remote" => AccessClass::Remote,
            "peri_urban" => AccessClass::PeriUrban,
            _ => AccessClass::Urban,
        }
    }

    /// What a person reads for this class, in the current language.
    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            AccessClass::Urban => t_string!(i18n, access.urban),
            AccessClass::PeriUrban => t_string!(i18n, access.peri_urban),
            AccessClass::Remote => t_string!(i18n, access.remote),
        }
    }
}

/// PNS (permanent) or PPPK (contract) ASN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Employment {
    Pns,
    Pppk,
}

impl Employment {
    pub fn as_db(self) -> &'static str {
        match self {
            Employment::Pns => "pns",
            Employment::Pppk => "pppk",
        }
    }

    pub fn from_db(s: &str) -> Employment {
        if s == "pppk" {
            Employment::Pppk
        } else {
            Employment::Pns
        }
    }
}

/// Position type and grade (UU 5/2014): JPT, jabatan administrasi, jabatan fungsional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JenisJabatan {
    JptMadya,
    JptPratama,
    Administrator,
    Pengawas,
    Pelaksana,
    AhliMadya,
    AhliMuda,
    AhliPertama,
    Penyelia,
    Mahir,
    Terampil,
}

impl JenisJabatan {
    pub const ALL: [JenisJabatan; 11] = [
        JenisJabatan::JptMadya,
        JenisJabatan::JptPratama,
        JenisJabatan::Administrator,
        JenisJabatan::Pengawas,
        JenisJabatan::Pelaksana,
        JenisJabatan::AhliMadya,
        JenisJabatan::AhliMuda,
        JenisJabatan::AhliPertama,
        JenisJabatan::Penyelia,
        JenisJabatan::Mahir,
        JenisJabatan::Terampil,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            JenisJabatan::JptMadya => "jpt_madya",
            JenisJabatan::JptPratama => "jpt_pratama",
            JenisJabatan::Administrator => "administrator",
            JenisJabatan::Pengawas => "pengawas",
            JenisJabatan::Pelaksana => "pelaksana",
            JenisJabatan::AhliMadya => "ahli_madya",
            JenisJabatan::AhliMuda => "ahli_muda",
            JenisJabatan::AhliPertama => "ahli_pertama",
            JenisJabatan::Penyelia => "penyelia",
            JenisJabatan::Mahir => "mahir",
            JenisJabatan::Terampil => "terampil",
        }
    }

    pub fn from_db(s: &str) -> JenisJabatan {
        Self::ALL
            .into_iter()
            .find(|j| j.as_db() == s)
            .unwrap_or(JenisJabatan::Pelaksana)
    }

    /// The name users read; these are legal terms, the same in both languages.
    pub fn label(self) -> &'static str {
        match self {
            JenisJabatan::JptMadya => "JPT Madya",
            JenisJabatan::JptPratama => "JPT Pratama",
            JenisJabatan::Administrator => "Administrator",
            JenisJabatan::Pengawas => "Pengawas",
            JenisJabatan::Pelaksana => "Pelaksana",
            JenisJabatan::AhliMadya => "Fungsional Ahli Madya",
            JenisJabatan::AhliMuda => "Fungsional Ahli Muda",
            JenisJabatan::AhliPertama => "Fungsional Ahli Pertama",
            JenisJabatan::Penyelia => "Fungsional Penyelia",
            JenisJabatan::Mahir => "Fungsional Mahir",
            JenisJabatan::Terampil => "Fungsional Terampil",
        }
    }
}

/// One row of an employee list (team, OPD staff).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmployeeRow {
    pub id: i64,
    pub nip: String,
    pub name: String,
    pub jabatan: String,
    pub jenis_jabatan: JenisJabatan,
    pub golongan: String,
    pub unit: String,
    pub location: String,
    pub access_class: AccessClass,
}

/// A page of employees with the total for the pager.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmployeePage {
    pub opd_id: i64,
    pub opd_name: String,
    pub rows: Vec<EmployeeRow>,
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
    /// OPDs the viewer may pick from (admins: all; a pengelola OPD: their own).
    pub opd_choices: Vec<OpdChoice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpdChoice {
    pub id: i64,
    pub name: String,
}

/// Rows per page of the staff list: small enough for a slow phone link.
pub const STAFF_PAGE_SIZE: u32 = 25;
