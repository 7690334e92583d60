//! Login throttling, pure: given the times of recent failures, may another attempt go ahead?
//!
//! The design (the README's "Login throttling" says it for operators):
//! - **per (NIP, address)**: a few failures inside the window stop guessing from one place
//!   without touching the owner, who logs in from another address or from a known device;
//! - **per address**: many failures from one address (any NIPs) stop a spray of guesses over
//!   many accounts; high, because an office shares one public address;
//! - **per NIP, from anywhere** (the ceiling): a slow count over a day stops guessing spread
//!   over many addresses. It does not apply on a device the account has logged in from
//!   before (a long-lived cookie, `known_device`), so an attacker who reaches the ceiling
//!   locks out only other strangers, never the owner on their own phone or computer.
//!
//! An attempt counts as a failure from before its password is checked (a reservation),
//! so a burst of parallel guesses cannot all pass the check at once.

use serde::{Deserialize, Serialize};

use crate::settings::Settings;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThrottlePolicy {
    /// Failures older than this are forgotten by the per-pair and per-address limits.
    pub window_secs: i64,
    /// Failed attempts allowed for one NIP from one address (or one known device) inside
    /// the window.
    pub max_per_pair: usize,
    /// Failed attempts allowed from one client address inside the window.
    pub max_per_address: usize,
    /// Failed attempts allowed for one NIP from all strangers inside a day.
    pub max_per_account_daily: usize,
}

/// The ceiling's window: a day.
pub const CEILING_WINDOW_SECS: i64 = 24 * 60 * 60;

impl From<&Settings> for ThrottlePolicy {
    fn from(settings: &Settings) -> Self {
        ThrottlePolicy {
            window_secs: settings.login_window_secs,
            max_per_pair: settings.login_max_failures,
            max_per_address: settings.login_max_failures_per_address,
            max_per_account_daily: settings.login_max_failures_per_account_daily,
        }
    }
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        ThrottlePolicy::from(&Settings::default())
    }
}

/// The recent failures (unix times) of the three subjects of one attempt.
#[derive(Debug, Clone, Default)]
pub struct Failures {
    pub pair: Vec<i64>,
    pub address: Vec<i64>,
    /// `None` on a known device of the account: the ceiling does not apply there.
    pub account: Option<Vec<i64>>,
}

impl ThrottlePolicy {
    /// Seconds to wait before this attempt may go ahead, or `None` if it may go now.
    pub fn wait(&self, failures: &Failures, now: i64) -> Option<i64> {
        let ceiling = failures.account.as_deref().and_then(|account| {
            wait_seconds(
                account,
                self.max_per_account_daily,
                CEILING_WINDOW_SECS,
                now,
            )
        });
        [
            wait_seconds(&failures.pair, self.max_per_pair, self.window_secs, now),
            wait_seconds(
                &failures.address,
                self.max_per_address,
                self.window_secs,
                now,
            ),
            ceiling,
        ]
        .into_iter()
        .flatten()
        .max()
    }
}

/// Seconds to wait before the next attempt, or `None` if it may go ahead now.
///
/// `failures` are unix times of failures of one subject (a NIP or an address), any order.
pub fn wait_seconds(failures: &[i64], max: usize, window_secs: i64, now: i64) -> Option<i64> {
    let mut recent: Vec<i64> = failures
        .iter()
        .copied()
        .filter(|&t| t > now - window_secs)
        .collect();
    if recent.len() < max {
        return None;
    }
    recent.sort_unstable();
    // The attempt is allowed again once enough failures have left the window that fewer than
    // `max` remain: that is when the (len - max)th oldest leaves it.
    let freed_at = recent[recent.len() - max] + window_secs;
    Some((freed_at - now).max(1))
}

/// Whole minutes to show a person, rounded up.
pub fn minutes_to_wait(seconds: i64) -> u32 {
    ((seconds + 59) / 60).max(1) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn allows_below_the_limit() {
        let failures = [NOW - 10, NOW - 20, NOW - 30, NOW - 40];
        assert_eq!(wait_seconds(&failures, 5, 900, NOW), None);
    }

    #[test]
    fn blocks_at_the_limit_until_the_oldest_leaves_the_window() {
        let failures = [NOW - 100, NOW - 80, NOW - 60, NOW - 40, NOW - 20];
        assert_eq!(wait_seconds(&failures, 5, 900, NOW), Some(800));
        assert_eq!(wait_seconds(&failures, 5, 900, NOW + 800), None);
    }

    #[test]
    fn forgets_failures_outside_the_window() {
        let failures = [NOW - 5000, NOW - 4000, NOW - 3000, NOW - 2000, NOW - 20];
        assert_eq!(wait_seconds(&failures, 5, 900, NOW), None);
    }

    #[test]
    fn more_failures_than_the_limit_wait_for_enough_to_expire() {
        let failures = [
            NOW - 50,
            NOW - 40,
            NOW - 30,
            NOW - 20,
            NOW - 10,
            NOW - 5,
            NOW - 1,
        ];
        // Seven failures, limit five: allowed again when three have gone, i.e. after NOW-30 leaves.
        assert_eq!(wait_seconds(&failures, 5, 900, NOW), Some(870));
    }

    fn policy() -> ThrottlePolicy {
        ThrottlePolicy {
            window_secs: 900,
            max_per_pair: 3,
            max_per_address: 10,
            max_per_account_daily: 6,
        }
    }

    #[test]
    fn the_pair_limit_stops_one_place_only() {
        let at_limit = Failures {
            pair: vec![NOW - 3, NOW - 2, NOW - 1],
            address: vec![NOW - 3, NOW - 2, NOW - 1],
            account: Some(vec![NOW - 3, NOW - 2, NOW - 1]),
        };
        assert_eq!(policy().wait(&at_limit, NOW), Some(897));
        // The same account from another address: its pair and address are clean.
        let elsewhere = Failures {
            pair: vec![],
            address: vec![],
            ..at_limit
        };
        assert_eq!(policy().wait(&elsewhere, NOW), None);
    }

    #[test]
    fn the_ceiling_stops_strangers_for_a_day_but_not_a_known_device() {
        let spread = vec![
            NOW - 80_000,
            NOW - 5000,
            NOW - 4000,
            NOW - 3000,
            NOW - 2000,
            NOW - 1000,
        ];
        let stranger = Failures {
            account: Some(spread),
            ..Failures::default()
        };
        // Allowed again when the oldest of the six leaves the day.
        assert_eq!(
            policy().wait(&stranger, NOW),
            Some(CEILING_WINDOW_SECS - 80_000)
        );
        let known_device = Failures {
            account: None,
            ..stranger
        };
        assert_eq!(policy().wait(&known_device, NOW), None);
    }

    #[test]
    fn the_longest_wait_wins() {
        let failures = Failures {
            pair: vec![NOW - 100, NOW - 100, NOW - 100],
            address: (0..10).map(|i| NOW - 10 - i).collect(),
            account: Some(vec![]),
        };
        assert_eq!(policy().wait(&failures, NOW), Some(900 - 19));
    }

    #[test]
    fn minutes_round_up() {
        assert_eq!(minutes_to_wait(1), 1);
        assert_eq!(minutes_to_wait(60), 1);
        assert_eq!(minutes_to_wait(61), 2);
        assert_eq!(minutes_to_wait(870), 15);
    }
}
