//! Mentoring's types shared by the browser and the server.

use serde::{Deserialize, Serialize};

use crate::validation::FormValue;

use super::{DeclineReason, RequestStatus, Scored};
use crate::competency::CompetencyGap;

/// How a mentor meets mentees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MentorMode {
    Online,
    InPerson,
    Both,
}

impl MentorMode {
    pub const ALL: [MentorMode; 3] = [MentorMode::Online, MentorMode::InPerson, MentorMode::Both];

    pub fn as_db(self) -> &'static str {
        match self {
            MentorMode::Online => "online",
            MentorMode::InPerson => "in_person",
            MentorMode::Both => "both",
        }
    }

    pub fn from_db(s: &str) -> Option<MentorMode> {
        MentorMode::ALL.into_iter().find(|m| m.as_db() == s)
    }
}

/// A competency the mentor offers, with their latest assessed level in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expertise {
    pub competency_id: i64,
    pub code: String,
    pub name: String,
    pub level: Option<u8>,
    pub chosen: bool,
}

/// The mentor profile page: the profile (when there is one) and the competencies the
/// person may offer (assessed at level 3 or more).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentorProfileView {
    pub is_mentor: bool,
    pub capacity: u8,
    pub active_mentees: u8,
    pub mode: MentorMode,
    pub bio: String,
    pub accepting: bool,
    pub expertise: Vec<Expertise>,
}

/// Who a mentor is, as a mentee choosing one reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentorCard {
    pub mentor_id: i64,
    pub name: String,
    pub jabatan: String,
    pub opd_name: String,
    pub location_name: String,
    pub bio: String,
}

/// One mentor recommended to a mentee, with the reasons behind the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    #[serde(flatten)]
    pub mentor: MentorCard,
    pub competency_code: String,
    pub scored: Scored,
}

/// A request as its mentee or its mentor sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestView {
    pub id: i64,
    pub mentee_name: String,
    pub mentee_jabatan: String,
    pub mentee_opd: String,
    pub mentee_location: String,
    pub mentor_name: String,
    pub competency_code: String,
    pub competency_name: String,
    pub goal: String,
    pub message: String,
    pub status: RequestStatus,
    pub decline_reason: Option<DeclineReason>,
    pub decline_note: String,
    /// WITA date and time.
    pub sent_at: String,
    pub expires_at: String,
    /// The mentee's gaps, for the mentor deciding (empty for the mentee's own view).
    pub mentee_gaps: Vec<CompetencyGap>,
}

/// A mentorship in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentorshipSummary {
    pub id: i64,
    /// The other side: the mentor for a mentee, the mentee for a mentor.
    pub partner_name: String,
    pub competency_code: String,
    pub competency_name: String,
    pub active: bool,
    pub confirmed_sessions: u32,
}

/// The mentee's Mentoring page: gaps to choose from, recommendations for the chosen one,
/// their requests and mentorships.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindMentorPage {
    pub gaps: Vec<CompetencyGap>,
    /// The competency the recommendations are for (the largest gap when none was chosen).
    pub competency_id: Option<i64>,
    pub recommendations: Vec<Recommendation>,
    /// A request for this competency is already pending.
    pub pending_here: bool,
    pub requests: Vec<RequestView>,
    pub mentorships: Vec<MentorshipSummary>,
    pub request_days: i64,
}

/// The mentor's page: incoming requests and current mentees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentorDesk {
    pub capacity: u8,
    pub active_mentees: u8,
    pub pending: Vec<RequestView>,
    pub mentorships: Vec<MentorshipSummary>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionMode {
    Online,
    InPerson,
}

impl SessionMode {
    pub fn as_db(self) -> &'static str {
        match self {
            SessionMode::Online => "online",
            SessionMode::InPerson => "in_person",
        }
    }

    pub fn from_db(s: &str) -> Option<SessionMode> {
        [SessionMode::Online, SessionMode::InPerson]
            .into_iter()
            .find(|m| m.as_db() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: i64,
    pub held_on: String,
    pub minutes: u32,
    pub mode: SessionMode,
    pub notes: String,
    pub mentor_confirmed: bool,
    pub mentee_confirmed: bool,
    /// JP the mentee earned from it, once both confirmed.
    pub jp: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalView {
    pub id: i64,
    pub text: String,
    pub progress: u8,
}

/// A mentorship as one of its two people sees it. Nobody else may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentorshipView {
    pub id: i64,
    pub mentor_name: String,
    pub mentee_name: String,
    pub competency_code: String,
    pub competency_name: String,
    pub goal: String,
    pub active: bool,
    pub started_on: String,
    /// The viewer is the mentor (otherwise the mentee).
    pub viewer_is_mentor: bool,
    pub sessions: Vec<SessionView>,
    /// The viewer has already given their feedback.
    pub feedback_given: bool,
    pub goals: Vec<GoalView>,
    /// The viewer is asked "a good fit?" now.
    pub fit_check_due: bool,
    /// It ended because one side said it was not a good fit.
    pub ended_not_a_fit: bool,
    pub competency_id: i64,
    pub today: String,
}

/// The answer to "a good fit?", as its form posts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FitAnswer {
    Yes,
    /// Ends the pairing politely.
    No,
}

impl FormValue for FitAnswer {
    const ALL: &'static [Self] = &[FitAnswer::Yes, FitAnswer::No];

    fn form_value(self) -> &'static str {
        match self {
            FitAnswer::Yes => "ya",
            FitAnswer::No => "tidak",
        }
    }
}
