//! plan's types shared by the browser and the server.

use super::{PlanAction, PlanStatus};
use crate::{
    catalog::ProgramRef,
    competency::CompetencyChoice,
    jp::{DevPath, JpProgress},
};
use serde::{Deserialize, Serialize};

use crate::validation::FormValue;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanItemView {
    pub id: i64,
    pub competency_id: i64,
    pub program_id: Option<i64>,
    pub competency_code: String,
    pub competency_name: String,
    pub path: DevPath,
    pub title: String,
    pub planned_jp: u32,
    pub target_quarter: u8,
    pub program_title: Option<String>,
    /// The program's course in Bina, when the program is one: its id and mode.
    pub course: Option<(i64, crate::catalog::ProgramMode)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanEventView {
    pub actor_name: String,
    pub action: PlanAction,
    pub revision: i64,
    pub comment: String,
    /// WITA date and time.
    pub at: String,
}

/// A plan revision with its items and history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    /// `None` until the first item is added.
    pub id: Option<i64>,
    pub year: i32,
    pub revision: i64,
    pub status: PlanStatus,
    pub items: Vec<PlanItemView>,
    pub events: Vec<PlanEventView>,
}

impl PlanView {
    pub fn total_jp(&self) -> u32 {
        self.items.iter().map(|i| i.planned_jp).sum()
    }

    /// The latest comment of the supervisor who returned it.
    pub fn return_comment(&self) -> Option<&str> {
        self.events
            .iter()
            .rev()
            .find(|e| e.action == PlanAction::Return)
            .map(|e| e.comment.as_str())
    }
}

/// The plan page of the logged-in employee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyPlanPage {
    pub plan: PlanView,
    pub has_supervisor: bool,
    pub competencies: Vec<CompetencyChoice>,
    pub programs: Vec<ProgramRef>,
    /// Planned JP pre-filled for each path code.
    pub default_jp: Vec<(DevPath, u32)>,
    pub progress: JpProgress,
    /// "Saran untuk saya": items that would close the largest gaps up to the JP target
    /// (only while the plan can be edited).
    pub suggestions: Vec<super::suggest::Suggestion>,
}

/// A submitted plan in the supervisor's queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanToReview {
    pub employee_name: String,
    pub nip: String,
    pub jabatan: String,
    pub plan: PlanView,
}

/// The supervisor's decision on a submitted plan, as the review form posts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewDecision {
    Approve,
    /// Back to the employee, with a comment.
    Return,
}

impl FormValue for ReviewDecision {
    const ALL: &'static [Self] = &[ReviewDecision::Approve, ReviewDecision::Return];

    fn form_value(self) -> &'static str {
        match self {
            ReviewDecision::Approve => "setujui",
            ReviewDecision::Return => "kembalikan",
        }
    }
}
