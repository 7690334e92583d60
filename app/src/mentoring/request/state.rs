//! The life of a mentoring request. Pure: every legal and illegal transition is tested below.
//!
//! ```text
//! pending ──accept (mentor)──▶ accepted   (a mentorship starts)
//!    ├────decline (mentor, reason)──▶ declined
//!    ├────withdraw (mentee)──▶ withdrawn
//!    └────expire (the clock, after N days)──▶ expired
//! ```
//! Every state but pending is final.

use serde::{Deserialize, Serialize};

use crate::mentoring::MentoringError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestStatus {
    Pending,
    Accepted,
    Declined,
    Withdrawn,
    Expired,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 5] = [
        RequestStatus::Pending,
        RequestStatus::Accepted,
        RequestStatus::Declined,
        RequestStatus::Withdrawn,
        RequestStatus::Expired,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Accepted => "accepted",
            RequestStatus::Declined => "declined",
            RequestStatus::Withdrawn => "withdrawn",
            RequestStatus::Expired => "expired",
        }
    }

    pub fn from_db(s: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|r| r.as_db() == s)
    }
}

/// What happens to a request, and who may do it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestAction {
    /// The addressed mentor accepts.
    Accept,
    /// The addressed mentor declines, with a reason.
    Decline,
    /// The mentee takes the request back.
    Withdraw,
    /// Nobody answered in time.
    Expire,
}

/// The status a request moves to, or why it cannot.
pub fn transition(
    from: RequestStatus,
    action: RequestAction,
) -> Result<RequestStatus, MentoringError> {
    use RequestAction::*;
    use RequestStatus::*;
    match (from, action) {
        (Pending, Accept) => Ok(Accepted),
        (Pending, Decline) => Ok(Declined),
        (Pending, Withdraw) => Ok(Withdrawn),
        (Pending, Expire) => Ok(Expired),
        _ => Err(MentoringError::AlreadyAnswered),
    }
}

/// Seconds in a day.
pub const DAY: i64 = crate::calendar::SECS_PER_DAY;

/// What the clock owes a pending request at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Less than a day is left and the mentor has not been reminded yet.
    Remind,
    /// Its time is up.
    Expire,
}

/// The reminder goes out once, a day before the request expires.
pub fn due(now: i64, expires_at: i64, reminded: bool) -> Option<Due> {
    if now >= expires_at {
        Some(Due::Expire)
    } else if !reminded && now >= expires_at - DAY {
        Some(Due::Remind)
    } else {
        None
    }
}

/// Why a mentor declines: chosen from a list, with free text beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeclineReason {
    /// No room for another mentee now.
    NoTime,
    /// The request is outside what the mentor knows best.
    OutsideExpertise,
    /// Someone else would be a better fit.
    BetterFit,
    Other,
}

impl DeclineReason {
    pub const ALL: [DeclineReason; 4] = [
        DeclineReason::NoTime,
        DeclineReason::OutsideExpertise,
        DeclineReason::BetterFit,
        DeclineReason::Other,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            DeclineReason::NoTime => "no_time",
            DeclineReason::OutsideExpertise => "outside_expertise",
            DeclineReason::BetterFit => "better_fit",
            DeclineReason::Other => "other",
        }
    }

    pub fn from_db(s: &str) -> Option<DeclineReason> {
        DeclineReason::ALL.into_iter().find(|r| r.as_db() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_transition_from_every_state() {
        use RequestAction::*;
        use RequestStatus::*;
        let actions = [Accept, Decline, Withdraw, Expire];
        for from in RequestStatus::ALL {
            for action in actions {
                let expected = match (from, action) {
                    (Pending, Accept) => Ok(Accepted),
                    (Pending, Decline) => Ok(Declined),
                    (Pending, Withdraw) => Ok(Withdrawn),
                    (Pending, Expire) => Ok(Expired),
                    _ => Err(MentoringError::AlreadyAnswered),
                };
                assert_eq!(transition(from, action), expected, "{from:?} {action:?}");
            }
        }
    }

    #[test]
    fn only_pending_requests_move() {
        for from in RequestStatus::ALL
            .into_iter()
            .filter(|s| *s != RequestStatus::Pending)
        {
            assert!(transition(from, RequestAction::Accept).is_err());
        }
    }

    #[test]
    fn reminder_a_day_before_then_expiry() {
        let expires = 10 * DAY;
        assert_eq!(due(expires - DAY - 1, expires, false), None);
        assert_eq!(due(expires - DAY, expires, false), Some(Due::Remind));
        assert_eq!(due(expires - 1, expires, true), None);
        assert_eq!(due(expires, expires, true), Some(Due::Expire));
        assert_eq!(due(expires + 5, expires, false), Some(Due::Expire));
    }

    #[test]
    fn statuses_and_reasons_round_trip_through_the_database() {
        for s in RequestStatus::ALL {
            assert_eq!(RequestStatus::from_db(s.as_db()), Some(s));
        }
        for r in DeclineReason::ALL {
            assert_eq!(DeclineReason::from_db(r.as_db()), Some(r));
        }
        assert_eq!(RequestStatus::from_db("lost"), None);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        const ACTIONS: [RequestAction; 4] = [
            RequestAction::Accept,
            RequestAction::Decline,
            RequestAction::Withdraw,
            RequestAction::Expire,
        ];

        proptest! {
            /// A request is answered once: of any actions that arrive (a mentor accepting
            /// while the mentee withdraws and the clock expires it), the first moves it and
            /// every later one is refused.
            #[test]
            fn the_first_answer_wins(
                actions in prop::collection::vec(prop::sample::select(ACTIONS.to_vec()), 1..10)
            ) {
                let mut status = RequestStatus::Pending;
                for (i, action) in actions.iter().enumerate() {
                    match transition(status, *action) {
                        Ok(next) => {
                            prop_assert_eq!(i, 0);
                            prop_assert_ne!(next, RequestStatus::Pending);
                            status = next;
                        }
                        Err(e) => {
                            prop_assert!(i > 0);
                            prop_assert_eq!(e, MentoringError::AlreadyAnswered);
                        }
                    }
                }
            }

            /// The clock reminds before it expires, and never after a reminder was sent.
            #[test]
            fn the_clock_reminds_once_then_expires(
                now in -10 * DAY..100 * DAY,
                expires in 0..50 * DAY,
                reminded in any::<bool>(),
            ) {
                match due(now, expires, reminded) {
                    Some(Due::Expire) => prop_assert!(now >= expires),
                    Some(Due::Remind) => prop_assert!(!reminded && now < expires && now >= expires - DAY),
                    None => prop_assert!(now < expires && (reminded || now < expires - DAY)),
                }
            }
        }
    }
}
