//! Bounds on the JP that confirmed mentoring sessions enter verified. Two colleagues could
//! otherwise log and confirm any number of sessions a day, each entering already-verified
//! JP. Within the bounds a session's JP is verified by the two confirmations; past them
//! the entry is recorded and waits for the pengelola OPD's verification, like an entry
//! typed in (it is not refused: a long day of real mentoring can be verified).

use crate::settings::Settings;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionJpBounds {
    /// Sessions of one mentor and one mentee a day whose JP enter verified.
    pub sessions_per_day: u32,
    /// JP from mentoring a mentee may have verified this way in one year.
    pub yearly_jp: u32,
}

impl From<&Settings> for SessionJpBounds {
    fn from(settings: &Settings) -> Self {
        SessionJpBounds {
            sessions_per_day: settings.mentoring_sessions_per_day,
            yearly_jp: settings.mentoring_jp_yearly_cap,
        }
    }
}

impl SessionJpBounds {
    /// Whether a session's `jp` enter verified, given the pair's sessions of that day that
    /// already entered JP and the mentee's verified mentoring JP of that year.
    pub fn verified(self, earlier_that_day: u32, verified_this_year: u32, jp: u32) -> bool {
        earlier_that_day < self.sessions_per_day
            && verified_this_year.saturating_add(jp) <= self.yearly_jp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: SessionJpBounds = SessionJpBounds {
        sessions_per_day: 1,
        yearly_jp: 20,
    };

    #[test]
    fn the_first_session_of_a_day_is_verified() {
        assert!(BOUNDS.verified(0, 0, 2));
        assert!(BOUNDS.verified(0, 18, 2), "up to the cap exactly");
    }

    #[test]
    fn a_second_session_that_day_waits_for_a_verifier() {
        assert!(!BOUNDS.verified(1, 2, 2));
    }

    #[test]
    fn past_the_yearly_cap_waits_for_a_verifier() {
        assert!(!BOUNDS.verified(0, 19, 2));
        assert!(!BOUNDS.verified(0, u32::MAX, 2));
    }
}
