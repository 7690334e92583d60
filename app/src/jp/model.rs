//! jp's types shared by the browser and the server.

use super::{AmountUnit, DevPath, EntryStatus};
use serde::{Deserialize, Serialize};

use crate::validation::FormValue;

/// A year's JP toward the target: only verified JP count; pending ones are shown apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct JpProgress {
    pub year: i32,
    pub target: u32,
    pub verified: u32,
    pub pending: u32,
}

impl JpProgress {
    /// Verified JP as a share of the target, 0–100.
    pub fn percent(&self) -> u32 {
        if self.target == 0 {
            return 100;
        }
        (self.verified * 100 / self.target).min(100)
    }

    pub fn reached(&self) -> bool {
        self.verified >= self.target
    }
}

/// One activity in a ledger, as the owner and the verifier see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryView {
    pub id: i64,
    pub path: DevPath,
    pub title: String,
    pub organiser: String,
    pub starts_on: String,
    pub ends_on: String,
    pub amount: u32,
    pub unit: AmountUnit,
    pub jp: u32,
    pub status: EntryStatus,
    pub reason: String,
    pub has_evidence: bool,
}

/// The ledger page of the logged-in employee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyLedger {
    pub progress: JpProgress,
    pub entries: Vec<EntryView>,
    /// Today in WITA, the latest date an activity may end.
    pub today: String,
}

/// A recorded entry waiting for the verifier, with whose it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryToVerify {
    pub entry: EntryView,
    pub employee_name: String,
    pub nip: String,
    pub opd_name: String,
}

#[cfg(test)]
mod tests {
    use super::JpProgress;

    #[test]
    fn progress_counts_verified_only_and_caps_at_full() {
        let p = |verified, pending| JpProgress {
            year: 2026,
            target: 20,
            verified,
            pending,
        };
        assert_eq!(p(5, 10).percent(), 25);
        assert!(!p(19, 10).reached());
        assert!(p(20, 0).reached());
        assert_eq!(p(45, 0).percent(), 100);
    }
}

/// The verifier's decision on a recorded entry, as the verification form posts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyDecision {
    Verify,
    /// Rejected, with a reason.
    Reject,
}

impl FormValue for VerifyDecision {
    const ALL: &'static [Self] = &[VerifyDecision::Verify, VerifyDecision::Reject];

    fn form_value(self) -> &'static str {
        match self {
            VerifyDecision::Verify => "sah",
            VerifyDecision::Reject => "tolak",
        }
    }
}
