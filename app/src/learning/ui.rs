//! What every learning page shares: the messages of [`LearningError`], a course's progress
//! bar and its enrolment status.

use leptos::prelude::*;
use leptos_i18n::I18nContext;

use super::{EnrolmentStatus, rules::LearningError};
use crate::{error::feature::UserMessage, i18n::*};

impl UserMessage for LearningError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            LearningError::UnreadableText => t_string!(i18n, errors.text_unreadable),
            LearningError::NotForYou => t_string!(i18n, errors.learning_not_for_you),
            LearningError::AlreadyEnrolled => t_string!(i18n, errors.learning_already_enrolled),
            LearningError::NotEnrolled => t_string!(i18n, errors.learning_not_enrolled),
            LearningError::AlreadyDecided => t_string!(i18n, errors.learning_already_decided),
            LearningError::DecisionUnknown => t_string!(i18n, errors.learning_decision_unknown),
            LearningError::TitleEmpty => t_string!(i18n, errors.learning_title_empty),
            LearningError::TitleTooLong => t_string!(i18n, errors.learning_title_too_long),
            LearningError::MinutesInvalid => t_string!(i18n, errors.learning_minutes_invalid),
            LearningError::BodyEmpty => t_string!(i18n, errors.learning_body_empty),
            LearningError::BodyTooLong => t_string!(i18n, errors.learning_body_too_long),
            LearningError::ChangeNoteEmpty => t_string!(i18n, errors.learning_note_empty),
            LearningError::ChangeNoteTooLong => t_string!(i18n, errors.learning_note_too_long),
            LearningError::NoDraft => t_string!(i18n, errors.learning_no_draft),
            LearningError::SeatsInvalid => t_string!(i18n, errors.learning_seats_invalid),
            LearningError::SeatsBelowTaken => t_string!(i18n, errors.learning_seats_below_taken),
            LearningError::AudienceUnknown => t_string!(i18n, errors.learning_audience_unknown),
            LearningError::NipUnknown => t_string!(i18n, errors.learning_nip_unknown),
            LearningError::ActionUnknown => t_string!(i18n, errors.learning_action_unknown),
            LearningError::TooManyModules => t_string!(i18n, errors.learning_too_many_modules),
            LearningError::FileMissing => t_string!(i18n, errors.learning_file_missing),
            LearningError::FileTooLarge => t_string!(i18n, errors.learning_file_too_large),
            LearningError::FileKindUnknown => t_string!(i18n, errors.learning_file_kind),
            LearningError::ImageUnreadable => t_string!(i18n, errors.learning_image_unreadable),
            LearningError::LabelEmpty => t_string!(i18n, errors.learning_label_empty),
            LearningError::LabelTooLong => t_string!(i18n, errors.learning_label_too_long),
            LearningError::TooManyFiles => t_string!(i18n, errors.learning_too_many_files),
            LearningError::FileUnknown => t_string!(i18n, errors.learning_file_unknown),
            LearningError::CannotMove => t_string!(i18n, errors.learning_cannot_move),
            LearningError::AttendanceInvalid => t_string!(i18n, errors.learning_attendance_invalid),
            LearningError::NotAttending => t_string!(i18n, errors.learning_not_attending),
        }
    }
}

/// Required modules done of all, as a bar with its words beside it.
#[component]
pub fn CourseProgress(done: u32, required: u32, label_id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="course-progress">
            <span id=label_id.clone()>{t!(i18n, learning.progress, done = done, total = required)}</span>
            " "
            <progress max=required.max(1) value=done aria-labelledby=label_id>
                {done} "/" {required}
            </progress>
        </p>
    }
}

/// The status of an enrolment as a tag.
#[component]
pub fn StatusTag(status: EnrolmentStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=format!("badge status-{}", status.as_db())>{move || status.label(i18n)}</span> }
}
