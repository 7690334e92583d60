//! The rows the demo's competency side inserts.

use bina_app::{
    competency::CompetencyKind,
    jp::{AmountUnit, DevPath},
    plan::PlanStatus,
};

pub struct CompetencyRow {
    pub id: i64,
    pub code: &'static str,
    pub kind: CompetencyKind,
    pub name: &'static str,
    pub description: &'static str,
    pub indicators: String,
}

pub struct StandardRow {
    pub jabatan: String,
    pub competency_id: i64,
    pub required_level: i64,
}

pub struct AssessmentRow {
    pub employee_id: i64,
    pub competency_id: i64,
    pub level: i64,
    pub source: &'static str,
    pub assessed_on: String,
    /// Who assessed: the supervisor, or the person themself; `None` for the assessment
    /// centre (an outside assessor).
    pub assessor_id: Option<i64>,
}

pub struct ProgramRow {
    pub id: i64,
    pub title: String,
    pub path: DevPath,
    pub jp: i64,
    pub organiser: &'static str,
    pub mode: &'static str,
    pub starts_on: String,
    pub ends_on: String,
    pub place: &'static str,
    pub competency_id: i64,
}

pub struct PlanRow {
    pub id: i64,
    pub employee_id: i64,
    pub status: PlanStatus,
    pub updated_at: i64,
}

pub struct ItemRow {
    pub plan_id: i64,
    pub competency_id: i64,
    pub path: DevPath,
    pub title: String,
    pub planned_jp: i64,
    pub quarter: i64,
    pub program_id: Option<i64>,
}

pub struct EventRow {
    pub plan_id: i64,
    pub actor: i64,
    pub action: &'static str,
    pub from: PlanStatus,
    pub to: PlanStatus,
    pub comment: &'static str,
    pub at: i64,
}

pub struct EntryRow {
    pub employee_id: i64,
    pub path: DevPath,
    pub title: String,
    pub organiser: &'static str,
    pub starts_on: String,
    pub ends_on: String,
    pub amount: i64,
    pub unit: AmountUnit,
    pub jp: i64,
    pub status: &'static str,
    pub reason: &'static str,
}

pub struct Development {
    pub competencies: Vec<CompetencyRow>,
    pub standards: Vec<StandardRow>,
    pub assessments: Vec<AssessmentRow>,
    pub programs: Vec<ProgramRow>,
    pub plans: Vec<PlanRow>,
    pub items: Vec<ItemRow>,
    pub events: Vec<EventRow>,
    pub entries: Vec<EntryRow>,
}
