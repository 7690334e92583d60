//! When a course is complete, shared by the browser and the server: online by its modules
//! and post-test, classroom by the days attended, blended by both; and what a facilitator
//! may record as attendance. No I/O.

use super::rules::LearningError;
use crate::{calendar::IsoDate, catalog::ProgramMode};

/// The share of a classroom course's days a participant must attend to complete it: the
/// usual rule of classroom training in Indonesia's civil service, 80 percent.
pub const ATTENDANCE_PERCENT: u32 = 80;

/// What an enrolment needs to be complete, as the course stands for one learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompletionState {
    pub mode: ProgramMode,
    /// Required published modules done, and in all.
    pub done: u32,
    pub required: u32,
    /// The post-test, when it is open to learners: whether this learner passed it.
    pub post_test_passed: Option<bool>,
    /// Days attended as the facilitator recorded them (`None`: nothing recorded), of the
    /// course's days.
    pub attended: Option<u32>,
    pub course_days: u32,
}

/// Whether a course is complete for its learner:
/// - online: every required module done (a course without one never completes by itself)
///   and the post-test passed when there is one;
/// - classroom: at least [`days_needed`] days attended;
/// - blended: both the attendance and the online part (its required modules, if it has
///   any, and its post-test, if open).
pub fn completes(s: CompletionState) -> bool {
    let post_test = s.post_test_passed != Some(false);
    let attended = s
        .attended
        .is_some_and(|days| days >= days_needed(s.course_days));
    match s.mode {
        ProgramMode::Online => s.required > 0 && s.done >= s.required && post_test,
        ProgramMode::Classroom => attended,
        ProgramMode::Blended => attended && s.done >= s.required && post_test,
    }
}

/// Days a course runs, its first and last day counted (one when the dates are unreadable
/// or reversed).
pub fn course_days(starts_on: &str, ends_on: &str) -> u32 {
    match (IsoDate::parse(starts_on), IsoDate::parse(ends_on)) {
        (Some(start), Some(end)) if end >= start => {
            let days = (end.start_unix_wita() - start.start_unix_wita()) / 86_400 + 1;
            u32::try_from(days).unwrap_or(u32::MAX)
        }
        _ => 1,
    }
}

/// Days of a course of `course_days` one must attend to complete it (rounded up, at least
/// one).
pub fn days_needed(course_days: u32) -> u32 {
    (course_days.max(1).saturating_mul(ATTENDANCE_PERCENT))
        .div_ceil(100)
        .max(1)
}

/// The days attended as typed into the facilitator's form: a whole number from 0 to the
/// course's days.
pub fn check_attendance(typed: &str, course_days: u32) -> Result<u32, LearningError> {
    typed
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|days| *days <= course_days)
        .ok_or(LearningError::AttendanceInvalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONLINE: CompletionState = CompletionState {
        mode: ProgramMode::Online,
        done: 3,
        required: 3,
        post_test_passed: None,
        attended: None,
        course_days: 1,
    };

    #[test]
    fn an_online_course_completes_with_its_modules_and_its_post_test() {
        assert!(completes(ONLINE));
        assert!(!completes(CompletionState { done: 2, ..ONLINE }));
        assert!(!completes(CompletionState {
            done: 0,
            required: 0,
            ..ONLINE
        }));
        assert!(!completes(CompletionState {
            post_test_passed: Some(false),
            ..ONLINE
        }));
        assert!(completes(CompletionState {
            post_test_passed: Some(true),
            ..ONLINE
        }));
    }

    #[test]
    fn a_classroom_course_completes_by_attendance_alone() {
        let classroom = CompletionState {
            mode: ProgramMode::Classroom,
            done: 0,
            required: 0,
            post_test_passed: None,
            attended: None,
            course_days: 5,
        };
        assert!(!completes(classroom), "nothing recorded");
        assert!(!completes(CompletionState {
            attended: Some(3),
            ..classroom
        }));
        assert!(completes(CompletionState {
            attended: Some(4),
            ..classroom
        }));
        // Modules it may have for reading do not hold it back.
        assert!(completes(CompletionState {
            attended: Some(5),
            required: 2,
            ..classroom
        }));
        // Modules done alone do not complete it.
        assert!(!completes(CompletionState {
            mode: ProgramMode::Classroom,
            ..ONLINE
        }));
    }

    #[test]
    fn a_blended_course_needs_both_parts() {
        let blended = CompletionState {
            mode: ProgramMode::Blended,
            attended: Some(2),
            course_days: 2,
            ..ONLINE
        };
        assert!(completes(blended));
        assert!(!completes(CompletionState {
            attended: None,
            ..blended
        }));
        assert!(!completes(CompletionState { done: 1, ..blended }));
        assert!(!completes(CompletionState {
            post_test_passed: Some(false),
            ..blended
        }));
        // Without online modules, its attendance (and post-test) decide.
        assert!(completes(CompletionState {
            done: 0,
            required: 0,
            ..blended
        }));
    }

    #[test]
    fn attendance_needed_is_eighty_percent_rounded_up() {
        assert_eq!(days_needed(1), 1);
        assert_eq!(days_needed(2), 2);
        assert_eq!(days_needed(3), 3);
        assert_eq!(days_needed(5), 4);
        assert_eq!(days_needed(10), 8);
        assert_eq!(days_needed(0), 1);
    }

    #[test]
    fn a_course_runs_from_its_first_day_to_its_last() {
        assert_eq!(course_days("2026-03-09", "2026-03-13"), 5);
        assert_eq!(course_days("2026-02-27", "2026-03-02"), 4);
        assert_eq!(course_days("2026-03-09", "2026-03-09"), 1);
        assert_eq!(course_days("2026-03-13", "2026-03-09"), 1);
        assert_eq!(course_days("kapan-kapan", "2026-03-09"), 1);
    }

    #[test]
    fn attendance_is_a_whole_number_of_the_course_days() {
        assert_eq!(check_attendance(" 4 ", 5), Ok(4));
        assert_eq!(check_attendance("0", 5), Ok(0));
        for typed in ["6", "-1", "", "2,5", "empat", "99999999999"] {
            assert_eq!(
                check_attendance(typed, 5),
                Err(LearningError::AttendanceInvalid),
                "{typed}"
            );
        }
    }
}
