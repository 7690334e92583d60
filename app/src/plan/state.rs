//! The life of a development plan. Pure: every legal and illegal transition is tested below.
//!
//! ```text
//! draft ──submit──▶ submitted ──approve──▶ approved ──revise──▶ superseded
//!   ▲                  │                                   (a new draft revision opens)
//!   └── returned ◀─return(comment)
//!          └──submit──▶ submitted
//! ```

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlanStatus {
    Draft,
    Submitted,
    Returned,
    Approved,
    /// An approved revision that a newer revision replaced; kept for the history.
    Superseded,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 5] = [
        PlanStatus::Draft,
        PlanStatus::Submitted,
        PlanStatus::Returned,
        PlanStatus::Approved,
        PlanStatus::Superseded,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::Submitted => "submitted",
            PlanStatus::Returned => "returned",
            PlanStatus::Approved => "approved",
            PlanStatus::Superseded => "superseded",
        }
    }

    pub fn from_db(s: &str) -> Option<PlanStatus> {
        PlanStatus::ALL
            .into_iter()
            .find(|status| status.as_db() == s)
    }

    /// The owner may add, change and remove items only while the plan is with them.
    pub fn is_editable(self) -> bool {
        matches!(self, PlanStatus::Draft | PlanStatus::Returned)
    }
}

/// What someone does to a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlanAction {
    /// The owner sends the plan to the supervisor.
    Submit,
    /// The supervisor approves.
    Approve,
    /// The supervisor sends it back with a comment.
    Return,
    /// The owner opens a new revision of an approved plan.
    Revise,
}

impl PlanAction {
    pub fn as_db(self) -> &'static str {
        match self {
            PlanAction::Submit => "submit",
            PlanAction::Approve => "approve",
            PlanAction::Return => "return",
            PlanAction::Revise => "revise",
        }
    }

    pub fn from_db(s: &str) -> Option<PlanAction> {
        [
            PlanAction::Submit,
            PlanAction::Approve,
            PlanAction::Return,
            PlanAction::Revise,
        ]
        .into_iter()
        .find(|action| action.as_db() == s)
    }

    /// Whether the plan's owner (rather than the supervisor) does this.
    pub fn by_owner(self) -> bool {
        matches!(self, PlanAction::Submit | PlanAction::Revise)
    }
}

/// The status after `action`, or `None` when the action is illegal in `from`. For
/// `Revise`, the result is the status of the old revision; the new one starts as a draft.
pub fn transition(from: PlanStatus, action: PlanAction) -> Option<PlanStatus> {
    use PlanAction::*;
    use PlanStatus::*;
    match (from, action) {
        (Draft | Returned, Submit) => Some(Submitted),
        (Submitted, Approve) => Some(Approved),
        (Submitted, Return) => Some(Returned),
        (Approved, Revise) => Some(Superseded),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTIONS: [PlanAction; 4] = [
        PlanAction::Submit,
        PlanAction::Approve,
        PlanAction::Return,
        PlanAction::Revise,
    ];

    #[test]
    fn every_transition_legal_or_not() {
        use PlanAction::*;
        use PlanStatus::*;
        let legal = [
            (Draft, Submit, Submitted),
            (Returned, Submit, Submitted),
            (Submitted, Approve, Approved),
            (Submitted, Return, Returned),
            (Approved, Revise, Superseded),
        ];
        for from in PlanStatus::ALL {
            for action in ACTIONS {
                let expected = legal
                    .iter()
                    .find(|(f, a, _)| *f == from && *a == action)
                    .map(|(_, _, to)| *to);
                assert_eq!(transition(from, action), expected, "{from:?} {action:?}");
            }
        }
    }

    #[test]
    fn only_plans_with_the_owner_are_editable() {
        let editable: Vec<_> = PlanStatus::ALL
            .into_iter()
            .filter(|s| s.is_editable())
            .collect();
        assert_eq!(editable, [PlanStatus::Draft, PlanStatus::Returned]);
    }

    #[test]
    fn names_round_trip() {
        for status in PlanStatus::ALL {
            assert_eq!(PlanStatus::from_db(status.as_db()), Some(status));
        }
        for action in ACTIONS {
            assert_eq!(PlanAction::from_db(action.as_db()), Some(action));
        }
        assert_eq!(PlanStatus::from_db("deleted"), None);
    }

    #[test]
    fn the_owner_submits_and_revises_the_supervisor_decides() {
        assert!(PlanAction::Submit.by_owner());
        assert!(PlanAction::Revise.by_owner());
        assert!(!PlanAction::Approve.by_owner());
        assert!(!PlanAction::Return.by_owner());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever the owner and the supervisor try, in any order: a plan is only ever
            /// approved or returned after a submission, revised only once approved, a superseded
            /// plan never moves again, and only a draft or a returned plan is editable.
            #[test]
            fn any_sequence_of_actions_keeps_the_rules(
                actions in prop::collection::vec(prop::sample::select(ACTIONS.to_vec()), 0..40)
            ) {
                let mut status = PlanStatus::Draft;
                let (mut submitted, mut decided) = (0, 0);
                for action in actions {
                    // An illegal action changes nothing.
                    if let Some(next) = transition(status, action) {
                        prop_assert_ne!(status, PlanStatus::Superseded);
                        match action {
                            PlanAction::Submit => submitted += 1,
                            PlanAction::Approve | PlanAction::Return => {
                                prop_assert_eq!(status, PlanStatus::Submitted);
                                decided += 1;
                            }
                            PlanAction::Revise => prop_assert_eq!(status, PlanStatus::Approved),
                        }
                        status = next;
                    }
                    prop_assert!(decided <= submitted && submitted <= decided + 1);
                    prop_assert_eq!(status.is_editable(), matches!(status, PlanStatus::Draft | PlanStatus::Returned));
                }
            }
        }
    }
}
