//! Login throttling, pure: given the times of recent failures, may another attempt go ahead?

use serde::{Deserialize, Serialize};

use crate::settings::Settings;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThrottlePolicy {
    /// Failures older than this are forgotten.
    pub window_secs: i64,
    /// Failed attempts allowed for one NIP inside the window.
    pub max_per_account: usize,
    /// Failed attempts allowed from one client address inside the window. Higher than the
    /// per-account limit because offices share one public address.
    pub max_per_address: usize,
}

impl From<&Settings> for ThrottlePolicy {
    fn from(settings: &Settings) -> Self {
        ThrottlePolicy {
            window_secs: settings.login_window_secs,
            max_per_account: settings.login_max_failures,
            max_per_address: settings.login_max_failures_per_address,
        }
    }
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        ThrottlePolicy::from(&Settings::default())
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

    #[test]
    fn minutes_round_up() {
        assert_eq!(minutes_to_wait(1), 1);
        assert_eq!(minutes_to_wait(60), 1);
        assert_eq!(minutes_to_wait(61), 2);
        assert_eq!(minutes_to_wait(870), 15);
    }
}
