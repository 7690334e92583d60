//! admin's types shared by the browser and the server.

use crate::competency::CompetencyKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetencyEntry {
    pub id: i64,
    pub code: String,
    pub kind: CompetencyKind,
    pub name: String,
    pub description: String,
    pub indicators: String,
    pub retired: bool,
    /// Used by a standard, an assessment, a plan item or a program: retire, never delete.
    pub in_use: bool,
}

/// The standard of one position: every active competency with its required level, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StandardPage {
    pub positions: Vec<String>,
    pub jabatan: Option<String>,
    pub levels: Vec<(CompetencyEntry, Option<u8>)>,
}

/// A new catalog program as the admin's form sends it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgramForm {
    pub title: String,
    pub path: String,
    pub competency_id: i64,
    pub jp: String,
    pub mode: String,
    pub organiser: String,
    pub place: String,
    pub starts_on: String,
    pub ends_on: String,
}
