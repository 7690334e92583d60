//! Page pieces the mentoring pages share: the names of requests' states, decline reasons and
//! meeting modes, a recommendation's reasons, the list of mentorships, and the messages of
//! mentoring's errors.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::components::A;

use crate::{
    competency::CompetencyGap,
    error::feature::UserMessage,
    i18n::*,
    mentoring::{
        DeclineReason, MentorMode, MentoringError, MentorshipSummary, Reason, RequestStatus,
        SessionMode,
    },
};

pub fn status_text(i18n: I18nContext<Locale>, status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Pending => t_string!(i18n, mentoring.status_pending),
        RequestStatus::Accepted => t_string!(i18n, mentoring.status_accepted),
        RequestStatus::Declined => t_string!(i18n, mentoring.status_declined),
        RequestStatus::Withdrawn => t_string!(i18n, mentoring.status_withdrawn),
        RequestStatus::Expired => t_string!(i18n, mentoring.status_expired),
    }
}

pub fn decline_reason_text(i18n: I18nContext<Locale>, reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::NoTime => t_string!(i18n, mentoring.reason_no_time),
        DeclineReason::OutsideExpertise => t_string!(i18n, mentoring.reason_outside_expertise),
        DeclineReason::BetterFit => t_string!(i18n, mentoring.reason_better_fit),
        DeclineReason::Other => t_string!(i18n, mentoring.reason_other),
    }
}

pub fn mode_text(i18n: I18nContext<Locale>, mode: MentorMode) -> &'static str {
    match mode {
        MentorMode::Online => t_string!(i18n, mentoring.mode_online),
        MentorMode::InPerson => t_string!(i18n, mentoring.mode_in_person),
        MentorMode::Both => t_string!(i18n, mentoring.mode_both),
    }
}

pub fn session_mode_text(i18n: I18nContext<Locale>, mode: SessionMode) -> &'static str {
    match mode {
        SessionMode::Online => t_string!(i18n, mentoring.mode_online),
        SessionMode::InPerson => t_string!(i18n, mentoring.mode_in_person),
    }
}

/// One reason behind a recommendation ("level 4 in M.03", "2 places left", "meets online").
pub fn reason_view(i18n: I18nContext<Locale>, reason: Reason, code: String) -> AnyView {
    match reason {
        Reason::Level(level) => {
            t!(i18n, mentoring.why_level, level = level, code = code).into_any()
        }
        Reason::PlacesLeft(count) => t!(i18n, mentoring.why_places, count = count).into_any(),
        Reason::MeetsOnline => t!(i18n, mentoring.why_online).into_any(),
        Reason::MeetsInPerson => t!(i18n, mentoring.why_in_person).into_any(),
        Reason::SameOpd => t!(i18n, mentoring.why_same_opd).into_any(),
        Reason::OtherOpd => t!(i18n, mentoring.why_other_opd).into_any(),
        Reason::Rated { tenths, count } => {
            let rating = format!("{},{}", tenths / 10, tenths % 10);
            t!(i18n, mentoring.why_rated, rating = rating, count = count).into_any()
        }
    }
}

pub fn gap_label(gap: &CompetencyGap) -> String {
    let current = gap.current.map_or("–".to_owned(), |c| c.to_string());
    format!("{} {} ({current} → {})", gap.code, gap.name, gap.required)
}

// ----- The mentee -----

#[component]
pub fn MentorshipList(title_mentee: bool, list: Vec<MentorshipSummary>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="bimbingan">
            <h2 id="bimbingan">
                {if title_mentee {
                    t!(i18n, mentoring.my_mentorships).into_any()
                } else {
                    t!(i18n, mentoring.my_mentees).into_any()
                }}
            </h2>
            {if list.is_empty() {
                view! { <p class="empty">{t!(i18n, mentoring.no_mentorships)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {list
                            .into_iter()
                            .map(|m| {
                                let sessions = m.confirmed_sessions;
                                view! {
                                    <li>
                                        <A href=format!("/mentoring/bimbingan/{}", m.id)>
                                            {m.partner_name.clone()} " · " {m.competency_code.clone()} " "
                                            {m.competency_name.clone()}
                                        </A>
                                        " · "
                                        {if m.active {
                                            t!(i18n, mentoring.active).into_any()
                                        } else {
                                            t!(i18n, mentoring.ended).into_any()
                                        }} " · " {t!(i18n, mentoring.sessions_count, count = sessions)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

// ----- The mentor -----

impl UserMessage for MentoringError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            MentoringError::UnreadableText => t_string!(i18n, errors.text_unreadable),
            MentoringError::RemovedByAdmin => t_string!(i18n, errors.mentoring_removed_by_admin),
            MentoringError::CapacityInvalid => t_string!(i18n, errors.mentoring_capacity_invalid),
            MentoringError::ModeUnknown => t_string!(i18n, errors.mentoring_mode_unknown),
            MentoringError::BioTooLong => t_string!(i18n, errors.mentoring_bio_too_long),
            MentoringError::ExpertiseEmpty => t_string!(i18n, errors.mentoring_expertise_empty),
            MentoringError::ExpertiseTooMany => {
                t_string!(i18n, errors.mentoring_expertise_too_many)
            }
            MentoringError::ExpertiseLevelTooLow => {
                t_string!(i18n, errors.mentoring_expertise_level_too_low)
            }
            MentoringError::CapacityBelowActive => {
                t_string!(i18n, errors.mentoring_capacity_below_active)
            }
            MentoringError::GoalEmpty => t_string!(i18n, errors.mentoring_goal_empty),
            MentoringError::GoalTooLong => t_string!(i18n, errors.mentoring_goal_too_long),
            MentoringError::MessageTooLong => t_string!(i18n, errors.mentoring_message_too_long),
            MentoringError::CompetencyUnknown => {
                t_string!(i18n, errors.mentoring_competency_unknown)
            }
            MentoringError::PendingExists => t_string!(i18n, errors.mentoring_pending_exists),
            MentoringError::MentorNotEligible => {
                t_string!(i18n, errors.mentoring_mentor_not_eligible)
            }
            MentoringError::NotAccepting => t_string!(i18n, errors.mentoring_not_accepting),
            MentoringError::MentorFull => t_string!(i18n, errors.mentoring_mentor_full),
            MentoringError::SelfRequest => t_string!(i18n, errors.mentoring_self_request),
            MentoringError::ReasonUnknown => t_string!(i18n, errors.mentoring_reason_unknown),
            MentoringError::NoteRequired => t_string!(i18n, errors.mentoring_note_required),
            MentoringError::NoteTooLong => t_string!(i18n, errors.mentoring_note_too_long),
            MentoringError::AlreadyAnswered => t_string!(i18n, errors.mentoring_already_answered),
            MentoringError::SessionDateInvalid => {
                t_string!(i18n, errors.mentoring_session_date_invalid)
            }
            MentoringError::SessionInFuture => t_string!(i18n, errors.mentoring_session_in_future),
            MentoringError::SessionBeforeStart => {
                t_string!(i18n, errors.mentoring_session_before_start)
            }
            MentoringError::MinutesInvalid => t_string!(i18n, errors.mentoring_minutes_invalid),
            MentoringError::NotesTooLong => t_string!(i18n, errors.mentoring_notes_too_long),
            MentoringError::AlreadyConfirmed => t_string!(i18n, errors.mentoring_already_confirmed),
            MentoringError::NotActive => t_string!(i18n, errors.mentoring_not_active),
            MentoringError::RatingInvalid => t_string!(i18n, errors.mentoring_rating_invalid),
            MentoringError::CommentTooLong => t_string!(i18n, errors.mentoring_comment_too_long),
            MentoringError::FeedbackGiven => t_string!(i18n, errors.mentoring_feedback_given),
            MentoringError::NothingToPublish => {
                t_string!(i18n, errors.mentoring_nothing_to_publish)
            }
            MentoringError::ProgressInvalid => t_string!(i18n, errors.mentoring_progress_invalid),
            MentoringError::FitNotDue => t_string!(i18n, errors.mentoring_fit_not_due),
            MentoringError::TooManyGoals => t_string!(i18n, errors.mentoring_too_many_goals),
        }
    }
}
