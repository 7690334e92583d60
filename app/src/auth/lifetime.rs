//! How long a session lives, as pure rules; `auth::ssr` applies them to the session.
//!
//! A session ends after `idle_minutes` without a request, and in any case `max_hours` after
//! the login. The idle deadline is kept in the session store, so moving it forward is a
//! write: it is moved at most once per sixtieth of the idle time (two minutes of the default
//! two hours), which keeps the deadline within 2% of exact without writing on every page.

/// Whether a session that logged in at `login_at` has outlived its absolute lifetime.
pub fn outlived(login_at: i64, now: i64, max_hours: i64) -> bool {
    now - login_at > max_hours * 3600
}

/// Whether the idle deadline, last moved at `moved_at`, should move forward now.
pub fn idle_deadline_due(moved_at: i64, now: i64, idle_minutes: i64) -> bool {
    // A sixtieth of the idle time, in seconds, is the idle time's number of minutes.
    now - moved_at >= idle_minutes.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_outlives_its_hours_only_after_them() {
        assert!(!outlived(1_000, 1_000 + 12 * 3600, 12));
        assert!(outlived(1_000, 1_000 + 12 * 3600 + 1, 12));
        assert!(
            outlived(1_000, 1_002, 0),
            "a zero lifetime ends at the next second"
        );
    }

    #[test]
    fn the_idle_deadline_moves_once_per_sixtieth_of_the_idle_time() {
        // Two hours idle: moved after two minutes, not before.
        assert!(!idle_deadline_due(1_000, 1_000, 120));
        assert!(!idle_deadline_due(1_000, 1_119, 120));
        assert!(idle_deadline_due(1_000, 1_120, 120));
        // One minute idle: every second.
        assert!(!idle_deadline_due(1_000, 1_000, 1));
        assert!(idle_deadline_due(1_000, 1_001, 1));
        assert!(
            idle_deadline_due(1_000, 1_001, 0),
            "a zero idle time still moves at most once a second"
        );
    }
}
