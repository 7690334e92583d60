//! The types of questions and tests shared by the browser and the server.

use leptos_i18n::I18nContext;
use serde::{Deserialize, Serialize};

use crate::{i18n::*, validation::FormValue};

/// One choice of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    /// Shown after submitting to whoever picked it (may be empty).
    pub feedback: String,
}

/// What counts as the right answer, by kind of question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// Exactly one choice is right.
    Single(Vec<Choice>),
    /// One or more choices are right; the answer counts when it picks exactly those.
    Multiple(Vec<Choice>),
    TrueFalse(bool),
    /// Any of these, compared without case and with spaces collapsed.
    Short(Vec<String>),
    Numeric {
        value: f64,
        tolerance: f64,
    },
}

/// A question as stored (its text, answer and general feedback). A question is never
/// changed once saved, so that every answer given to it stays comparable: a better one is
/// added and the old one withdrawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionSpec {
    pub text: String,
    pub answer: Answer,
    /// Shown after submitting, right or wrong (may be empty).
    pub feedback: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    Single,
    Multiple,
    TrueFalse,
    Short,
    Numeric,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
        QuestionKind::Short,
        QuestionKind::Numeric,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::Short => "short",
            QuestionKind::Numeric => "numeric",
        }
    }

    pub fn from_db(s: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.into_iter().find(|k| k.as_db() == s)
    }

    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            QuestionKind::Single => t_string!(i18n, quiz.kind_single),
            QuestionKind::Multiple => t_string!(i18n, quiz.kind_multiple),
            QuestionKind::TrueFalse => t_string!(i18n, quiz.kind_true_false),
            QuestionKind::Short => t_string!(i18n, quiz.kind_short),
            QuestionKind::Numeric => t_string!(i18n, quiz.kind_numeric),
        }
    }
}

impl Answer {
    pub fn kind(&self) -> QuestionKind {
        match self {
            Answer::Single(_) => QuestionKind::Single,
            Answer::Multiple(_) => QuestionKind::Multiple,
            Answer::TrueFalse(_) => QuestionKind::TrueFalse,
            Answer::Short(_) => QuestionKind::Short,
            Answer::Numeric { .. } => QuestionKind::Numeric,
        }
    }

    /// The choices of a choice question; empty for the others.
    pub fn choices(&self) -> &[Choice] {
        match self {
            Answer::Single(c) | Answer::Multiple(c) => c,
            _ => &[],
        }
    }
}

/// A course's tests: one before the modules, one after, and one per module if wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuizKind {
    Pre,
    Post,
    Module,
}

impl FormValue for QuizKind {
    const ALL: &'static [Self] = &[QuizKind::Pre, QuizKind::Post, QuizKind::Module];

    fn form_value(self) -> &'static str {
        match self {
            QuizKind::Pre => "pra",
            QuizKind::Post => "pasca",
            QuizKind::Module => "modul",
        }
    }
}

impl QuizKind {
    pub fn as_db(self) -> &'static str {
        match self {
            QuizKind::Pre => "pre",
            QuizKind::Post => "post",
            QuizKind::Module => "module",
        }
    }

    pub fn from_db(s: &str) -> Option<QuizKind> {
        QuizKind::ALL.iter().copied().find(|k| k.as_db() == s)
    }

    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            QuizKind::Pre => t_string!(i18n, quiz.pre_test),
            QuizKind::Post => t_string!(i18n, quiz.post_test),
            QuizKind::Module => t_string!(i18n, quiz.module_quiz),
        }
    }
}

/// A test's settings as its form shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizSettings {
    pub kind: QuizKind,
    /// The module of a module quiz; 0 for the pre- and post-test.
    pub module_id: i64,
    pub module_title: String,
    pub pass_percent: u32,
    pub max_attempts: u32,
    /// Questions drawn per attempt; 0 for all.
    pub question_count: u32,
    pub open: bool,
    /// Questions the test draws from (withdrawn ones aside).
    pub available: u32,
}

/// A question in the bank, with how learners have done on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BankQuestion {
    pub id: i64,
    pub kind: QuestionKind,
    pub text: String,
    pub module_id: Option<i64>,
    pub retired: bool,
    /// Answers in submitted attempts, and how many of them were right.
    pub answered: u32,
    pub correct: u32,
}

/// Questions of one module (or of none), with their share answered right together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BankGroup {
    pub module_id: Option<i64>,
    pub module_title: String,
    pub questions: Vec<BankQuestion>,
    pub answered: u32,
    pub correct: u32,
}

/// The facilitators' page of a course's questions and tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bank {
    pub program_id: i64,
    pub program_title: String,
    pub groups: Vec<BankGroup>,
    pub tests: Vec<QuizSettings>,
    /// The course's modules, for the import's "tie to a module" choice.
    pub modules: Vec<(i64, String)>,
}

/// One question of a GIFT text as the import's preview shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedLine {
    pub line: u32,
    pub kind: QuestionKind,
    pub text: String,
}

/// Why a question of a GIFT text was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GiftReason {
    /// Text without `{…}`: a description, which is no question.
    NoAnswerBlock,
    /// A `{` without its `}`.
    Unclosed,
    /// `{}`: an essay, which needs a person to mark it.
    Essay,
    /// `->`: a matching question.
    Matching,
    /// An answer that starts with neither `=` nor `~`.
    AnswerUnreadable,
    /// A number question whose number (or tolerance, or range) does not read.
    NumberUnreadable,
    /// No answer is marked right.
    NoRightAnswer,
    /// A choice question needs at least two choices.
    TooFewChoices,
    /// The question's text, or one of its answers, is empty.
    TextEmpty,
    /// The question's text or an answer is longer than a question may be.
    TooLong,
}

/// A bad question of a GIFT text: its first line and the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub line: u32,
    pub reason: GiftReason,
}

/// A GIFT text checked, before its questions are saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub program_id: i64,
    pub program_title: String,
    pub import_id: i64,
    /// The module the questions will be tied to: its id (0 for none) and title.
    pub module_id: i64,
    pub module_title: Option<String>,
    pub source: String,
    pub questions: Vec<ImportedLine>,
    pub problems: Vec<ImportProblem>,
    pub imported: bool,
}

/// Where a learner stands with a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizState {
    pub kind: QuizKind,
    pub open: bool,
    pub max_attempts: u32,
    /// Attempts begun, submitted or not.
    pub attempts: u32,
    pub has_open_attempt: bool,
    /// For the pre-test: whether the learner began a post-test.
    pub post_begun: bool,
    pub questions: u32,
}

/// A test as the learner sees it before and between attempts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizCard {
    pub quiz_id: i64,
    pub kind: QuizKind,
    pub module_title: String,
    pub pass_percent: u32,
    pub max_attempts: u32,
    pub attempts_used: u32,
    /// The attempt begun and not submitted, to go on with.
    pub open_attempt: Option<i64>,
    /// The best submitted score, in percent.
    pub best: Option<u32>,
    pub passed: bool,
    /// Where the learner stands: whether an attempt may begin is `rules::may_begin(state)`.
    pub state: QuizState,
    /// Submitted attempts, newest first: id, number, score.
    pub attempts: Vec<(i64, u32, u32)>,
}

/// A course's tests on its page, with the learner's gain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseTests {
    pub program_id: i64,
    pub learner: bool,
    pub quizzes: Vec<QuizCard>,
    /// Post-test best minus the first pre-test, in points.
    pub gain: Option<i32>,
}

/// A question of an attempt, in the order drawn for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptQuestion {
    pub question_id: i64,
    pub kind: QuestionKind,
    pub text: String,
    /// Choice indices in the order shown, with their text.
    pub choices: Vec<(u32, String)>,
    /// After submitting: what the learner answered, in words.
    pub given: Option<String>,
    pub correct: Option<bool>,
    /// After submitting, where the test shows it: the right answer in words, and feedback.
    pub right_answer: Option<String>,
    pub feedback: Vec<String>,
}

/// An attempt: the form while open, the result once submitted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptView {
    pub program_id: i64,
    pub program_title: String,
    pub attempt_id: i64,
    pub quiz_kind: QuizKind,
    pub module_title: String,
    pub number: u32,
    pub submitted: bool,
    pub score: Option<u32>,
    pub passed: Option<bool>,
    pub pass_percent: u32,
    pub questions: Vec<AttemptQuestion>,
}
