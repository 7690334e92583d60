//! What the pages of questions and tests share: the messages of [`QuizError`] and of a
//! GIFT question's [`GiftReason`].

use leptos_i18n::I18nContext;

use super::{model::GiftReason, rules::QuizError};
use crate::{error::feature::UserMessage, i18n::*};

pub use super::{
    attempt_ui::{AttemptPage, CourseTests},
    bank_ui::{BankPage, ImportPage},
};

impl UserMessage for QuizError {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            QuizError::UnreadableText => t_string!(i18n, errors.text_unreadable),
            QuizError::ImportEmpty => t_string!(i18n, errors.quiz_import_empty),
            QuizError::ImportUnreadable => t_string!(i18n, errors.quiz_import_unreadable),
            QuizError::ImportTooLong => t_string!(i18n, errors.quiz_import_too_long),
            QuizError::ImportHasProblems => t_string!(i18n, errors.quiz_import_problems),
            QuizError::AlreadyImported => t_string!(i18n, errors.quiz_already_imported),
            QuizError::TooManyQuestions => t_string!(i18n, errors.quiz_too_many_questions),
            QuizError::PassMarkInvalid => t_string!(i18n, errors.quiz_pass_mark),
            QuizError::AttemptsInvalid => t_string!(i18n, errors.quiz_attempts),
            QuizError::CountInvalid => t_string!(i18n, errors.quiz_count),
            QuizError::NoQuestions => t_string!(i18n, errors.quiz_no_questions),
            QuizError::QuizClosed => t_string!(i18n, errors.quiz_closed),
            QuizError::NoAttemptsLeft => t_string!(i18n, errors.quiz_no_attempts_left),
            QuizError::PreAfterPost => t_string!(i18n, errors.quiz_pre_after_post),
            QuizError::AttemptSubmitted => t_string!(i18n, errors.quiz_attempt_submitted),
        }
    }
}

/// Why a question of a GIFT text was not read, in words.
pub fn gift_reason(reason: GiftReason, i18n: I18nContext<Locale>) -> &'static str {
    match reason {
        GiftReason::NoAnswerBlock => t_string!(i18n, quiz.gift_no_answer_block),
        GiftReason::Unclosed => t_string!(i18n, quiz.gift_unclosed),
        GiftReason::Essay => t_string!(i18n, quiz.gift_essay),
        GiftReason::Matching => t_string!(i18n, quiz.gift_matching),
        GiftReason::AnswerUnreadable => t_string!(i18n, quiz.gift_answer_unreadable),
        GiftReason::NumberUnreadable => t_string!(i18n, quiz.gift_number_unreadable),
        GiftReason::NoRightAnswer => t_string!(i18n, quiz.gift_no_right_answer),
        GiftReason::TooFewChoices => t_string!(i18n, quiz.gift_too_few_choices),
        GiftReason::TextEmpty => t_string!(i18n, quiz.gift_text_empty),
        GiftReason::TooLong => t_string!(i18n, quiz.gift_too_long),
    }
}
