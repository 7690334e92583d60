//! Notifications: what happened, to whom, and where it leads.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotificationKind {
    PlanSubmitted,
    PlanApproved,
    PlanReturned,
    JpVerified,
    JpRejected,
    MentoringRequested,
    MentoringWithdrawn,
    MentoringAccepted,
    MentoringDeclined,
    MentoringExpired,
    MentoringReminder,
    SessionLogged,
    MentorshipEnded,
    MentorshipNotAFit,
    /// A seat in a classroom course: confirmed, or moved up from the waitlist.
    SeatGiven,
    Waitlisted,
    ApplicationRefused,
}

impl NotificationKind {
    const ALL: [NotificationKind; 17] = [
        NotificationKind::PlanSubmitted,
        NotificationKind::PlanApproved,
        NotificationKind::PlanReturned,
        NotificationKind::JpVerified,
        NotificationKind::JpRejected,
        NotificationKind::MentoringRequested,
        NotificationKind::MentoringWithdrawn,
        NotificationKind::MentoringAccepted,
        NotificationKind::MentoringDeclined,
        NotificationKind::MentoringExpired,
        NotificationKind::MentoringReminder,
        NotificationKind::SessionLogged,
        NotificationKind::MentorshipEnded,
        NotificationKind::MentorshipNotAFit,
        NotificationKind::SeatGiven,
        NotificationKind::Waitlisted,
        NotificationKind::ApplicationRefused,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            NotificationKind::PlanSubmitted => "plan_submitted",
            NotificationKind::PlanApproved => "plan_approved",
            NotificationKind::PlanReturned => "plan_returned",
            NotificationKind::JpVerified => "jp_verified",
            NotificationKind::JpRejected => "jp_rejected",
            NotificationKind::MentoringRequested => "mentoring_requested",
            NotificationKind::MentoringWithdrawn => "mentoring_withdrawn",
            NotificationKind::MentoringAccepted => "mentoring_accepted",
            NotificationKind::MentoringDeclined => "mentoring_declined",
            NotificationKind::MentoringExpired => "mentoring_expired",
            NotificationKind::MentoringReminder => "mentoring_reminder",
            NotificationKind::SessionLogged => "session_logged",
            NotificationKind::MentorshipEnded => "mentorship_ended",
            NotificationKind::MentorshipNotAFit => "mentorship_not_a_fit",
            NotificationKind::SeatGiven => "seat_given",
            NotificationKind::Waitlisted => "waitlisted",
            NotificationKind::ApplicationRefused => "application_refused",
        }
    }

    pub fn from_db(s: &str) -> Option<NotificationKind> {
        NotificationKind::ALL.into_iter().find(|k| k.as_db() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub kind: NotificationKind,
    pub actor_name: String,
    pub link: String,
    /// When, as WITA text (`2026-11-27 14:05`).
    pub at: String,
    pub unread: bool,
}
