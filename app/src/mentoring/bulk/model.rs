//! Bulk matching's types shared by the browser and the server: the cohort filter, the
//! proposal and the pairs the admin keeps.

use serde::{Deserialize, Serialize};

use crate::validation::FormValue;

use crate::{competency::CompetencyChoice, org::OpdChoice};

/// The largest cohort one proposal shows (largest gaps first): a programme's participants,
/// not the whole city at once.
pub const MAX_COHORT: usize = 500;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CohortFilter {
    pub kompetensi: Option<i64>,
    pub opd: Option<i64>,
    /// Only the participants of this programme: people whose approved plan of this year has
    /// it as an item for the competency.
    pub program: Option<i64>,
}

/// A programme that addresses the chosen competency, for the cohort filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgramChoice {
    pub id: i64,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentorChoice {
    pub mentor_id: i64,
    pub name: String,
    pub score: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposedPair {
    pub mentee_id: i64,
    pub mentee_name: String,
    pub mentee_opd: String,
    pub mentor: MentorChoice,
    /// Other eligible mentors of this mentee, best first.
    pub alternatives: Vec<MentorChoice>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnmatchedReason {
    /// No mentor qualifies for this mentee (level or expertise) with a place left.
    NoEligibleMentor,
    /// Mentors qualify, but their places went to pairs that score more.
    PlacesTaken,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnmatchedMentee {
    pub id: i64,
    pub name: String,
    pub opd: String,
    pub reason: UnmatchedReason,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub competency_id: i64,
    pub competency_code: String,
    pub mentees: usize,
    pub mentors: usize,
    pub places: u32,
    pub total_score: u64,
    pub pairs: Vec<ProposedPair>,
    pub unmatched: Vec<UnmatchedMentee>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulkMatchPage {
    pub competencies: Vec<CompetencyChoice>,
    pub opds: Vec<OpdChoice>,
    /// Programmes of the chosen competency (empty until one is chosen).
    pub programs: Vec<ProgramChoice>,
    pub filter: CohortFilter,
    pub proposal: Option<Proposal>,
}

/// One row of the published form: a mentee, the mentor chosen for them, and whether the pair
/// is kept (an unticked box removes it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PairChoice {
    pub mentee: i64,
    pub mentor: i64,
    #[serde(default)]
    pub pakai: Option<String>,
}

/// What the admin does to a person's mentor role, as the form posts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentorDesignation {
    /// A profile offering their strongest competencies.
    Designate,
    /// No new requests; running mentorships go on.
    Remove,
}

impl FormValue for MentorDesignation {
    const ALL: &'static [Self] = &[MentorDesignation::Designate, MentorDesignation::Remove];

    fn form_value(self) -> &'static str {
        match self {
            MentorDesignation::Designate => "tetapkan",
            MentorDesignation::Remove => "cabut",
        }
    }
}
