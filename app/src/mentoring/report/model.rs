//! The mentoring dashboard's types shared by the browser and the server.

use serde::{Deserialize, Serialize};

use crate::mentoring::RequestStatus;
use crate::{
    competency::CompetencyChoice,
    org::{AccessClass, OpdChoice},
};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MentoringFilter {
    pub tahun: Option<i32>,
    pub opd: Option<i64>,
    pub kompetensi: Option<i64>,
    /// The figure whose list is open (see [`Drill`]).
    pub lihat: Option<String>,
}

impl MentoringFilter {
    /// The query string of the filter without the open list, for links and downloads.
    pub fn query(&self) -> String {
        let mut parts = vec![];
        if let Some(y) = self.tahun {
            parts.push(format!("tahun={y}"));
        }
        if let Some(o) = self.opd {
            parts.push(format!("opd={o}"));
        }
        if let Some(c) = self.kompetensi {
            parts.push(format!("kompetensi={c}"));
        }
        parts.join("&")
    }
}

/// One request of the scope and period, with what came of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestFact {
    pub mentee_name: String,
    pub mentee_nip: String,
    pub mentee_opd: String,
    pub access: AccessClass,
    pub mentor_name: String,
    pub competency_code: String,
    pub status: RequestStatus,
    pub created_at: i64,
    pub answered_at: Option<i64>,
    /// The mentorship it started is still running.
    pub active_pair: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentorLoad {
    pub name: String,
    pub opd: String,
    pub capacity: u32,
    pub active: u32,
    pub accepting: bool,
}

/// The list behind a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Drill {
    All,
    Status(RequestStatus),
    ActivePairs,
    /// Pending requests for one competency (its code).
    Waiting(String),
    /// Accepted requests of mentees of one access class.
    Matched(AccessClass),
}

impl Drill {
    pub fn parse(text: &str) -> Drill {
        if let Some(s) = text
            .strip_prefix("status-")
            .and_then(RequestStatus::from_db)
        {
            return Drill::Status(s);
        }
        if let Some(code) = text.strip_prefix("menunggu-") {
            return Drill::Waiting(code.to_owned());
        }
        if let Some(a) = text.strip_prefix("cocok-") {
            return Drill::Matched(AccessClass::from_db(a));
        }
        match text {
            "aktif" => Drill::ActivePairs,
            _ => Drill::All,
        }
    }

    pub fn code(&self) -> String {
        match self {
            Drill::All => "semua".into(),
            Drill::Status(s) => format!("status-{}", s.as_db()),
            Drill::ActivePairs => "aktif".into(),
            Drill::Waiting(code) => format!("menunggu-{code}"),
            Drill::Matched(a) => format!("cocok-{}", a.as_db()),
        }
    }

    pub fn matches(&self, f: &RequestFact) -> bool {
        match self {
            Drill::All => true,
            Drill::Status(s) => f.status == *s,
            Drill::ActivePairs => f.active_pair,
            Drill::Waiting(code) => {
                f.status == RequestStatus::Pending && &f.competency_code == code
            }
            Drill::Matched(a) => f.status == RequestStatus::Accepted && f.access == *a,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessRow {
    pub access: AccessClass,
    pub requests: u32,
    pub matched: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentoringSummary {
    pub requests: u32,
    pub by_status: Vec<(RequestStatus, u32)>,
    /// Accepted out of the requests a mentor answered or let expire, in percent.
    pub acceptance_percent: Option<u32>,
    /// Median hours from a request to the mentor's answer (accepted or declined).
    pub median_answer_hours: Option<u32>,
    pub active_pairs: u32,
    /// Pending requests by competency code, most first.
    pub waiting: Vec<(String, u32)>,
    pub by_access: Vec<AccessRow>,
    pub mentors: u32,
    pub mentors_full: u32,
    pub places: u32,
    pub places_used: u32,
}

/// A request in a drill-down list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrillRow {
    pub mentee_name: String,
    pub mentee_nip: String,
    pub mentee_opd: String,
    pub access: AccessClass,
    pub mentor_name: String,
    pub competency_code: String,
    pub status: RequestStatus,
    /// WITA date and time.
    pub sent_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentoringDashboard {
    pub filter: MentoringFilter,
    pub year: i32,
    pub scope_name: Option<String>,
    pub opd_choices: Vec<OpdChoice>,
    pub competency_choices: Vec<CompetencyChoice>,
    pub summary: MentoringSummary,
    /// The busiest mentors first.
    pub mentors: Vec<MentorLoad>,
    pub drill: Option<(Drill, Vec<DrillRow>)>,
}
