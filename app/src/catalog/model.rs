//! catalog's types shared by the browser and the server.

use crate::{i18n::*, jp::DevPath};
use leptos_i18n::I18nContext;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProgramMode {
    Classroom,
    Online,
    Blended,
}

impl ProgramMode {
    pub fn as_db(self) -> &'static str {
        match self {
            ProgramMode::Classroom => "classroom",
            ProgramMode::Online => "online",
            ProgramMode::Blended => "blended",
        }
    }

    pub fn from_db(s: &str) -> ProgramMode {
        match s {
            "online" => ProgramMode::Online,
            "blended" => ProgramMode::Blended,
            _ => ProgramMode::Classroom,
        }
    }

    /// What a person reads for this mode, in the current language.
    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            ProgramMode::Classroom => t_string!(i18n, catalog.mode_classroom),
            ProgramMode::Online => t_string!(i18n, catalog.mode_online),
            ProgramMode::Blended => t_string!(i18n, catalog.mode_blended),
        }
    }
}

/// A program as lists and plans show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgramRef {
    pub id: i64,
    pub title: String,
    pub path: DevPath,
    pub jp: u32,
    pub mode: ProgramMode,
    pub organiser: String,
    pub starts_on: String,
    pub ends_on: String,
    pub place: String,
    /// The competency it addresses (the first, when several).
    pub competency_id: i64,
    pub competency_code: String,
}
