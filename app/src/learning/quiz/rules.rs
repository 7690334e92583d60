//! The rules of tests, shared by the browser and the server: a test's settings, which
//! questions an attempt draws and in what order, when an attempt may begin, how an answer
//! is read from the form and marked, the score, and the gain. No I/O.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::model::{Answer, QuizKind, QuizState};
use crate::{error::feature::FeatureError, validation::TextError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuizError {
    /// A text field holds a character that is not text (`validation::clean_text`).
    UnreadableText,
    /// The GIFT text (or file) holds no question.
    ImportEmpty,
    /// The GIFT file is not text (UTF-8).
    ImportUnreadable,
    ImportTooLong,
    /// Saving an import that still has bad questions.
    ImportHasProblems,
    AlreadyImported,
    TooManyQuestions,
    PassMarkInvalid,
    AttemptsInvalid,
    CountInvalid,
    /// A test cannot open without questions to draw.
    NoQuestions,
    /// The test is not open to learners.
    QuizClosed,
    NoAttemptsLeft,
    /// The pre-test measures what was known before: not after a post-test attempt.
    PreAfterPost,
    /// The attempt was submitted already.
    AttemptSubmitted,
}

impl FeatureError for QuizError {
    const ALL: &'static [Self] = &[
        QuizError::UnreadableText,
        QuizError::ImportEmpty,
        QuizError::ImportUnreadable,
        QuizError::ImportTooLong,
        QuizError::ImportHasProblems,
        QuizError::AlreadyImported,
        QuizError::TooManyQuestions,
        QuizError::PassMarkInvalid,
        QuizError::AttemptsInvalid,
        QuizError::CountInvalid,
        QuizError::NoQuestions,
        QuizError::QuizClosed,
        QuizError::NoAttemptsLeft,
        QuizError::PreAfterPost,
        QuizError::AttemptSubmitted,
    ];

    fn code(self) -> &'static str {
        match self {
            QuizError::UnreadableText => "teks-tak-terbaca",
            QuizError::ImportEmpty => "impor-kosong",
            QuizError::ImportUnreadable => "impor-tak-terbaca",
            QuizError::ImportTooLong => "impor-panjang",
            QuizError::ImportHasProblems => "impor-bermasalah",
            QuizError::AlreadyImported => "sudah-diimpor",
            QuizError::TooManyQuestions => "soal-banyak",
            QuizError::PassMarkInvalid => "nilai-lulus",
            QuizError::AttemptsInvalid => "kesempatan",
            QuizError::CountInvalid => "jumlah-soal",
            QuizError::NoQuestions => "tanpa-soal",
            QuizError::QuizClosed => "tes-tertutup",
            QuizError::NoAttemptsLeft => "kesempatan-habis",
            QuizError::PreAfterPost => "pra-setelah-pasca",
            QuizError::AttemptSubmitted => "sudah-dikirim",
        }
    }

    fn status(self) -> u16 {
        match self {
            QuizError::AlreadyImported
            | QuizError::NoAttemptsLeft
            | QuizError::PreAfterPost
            | QuizError::AttemptSubmitted
            | QuizError::QuizClosed => 409,
            QuizError::ImportTooLong => 413,
            _ => 422,
        }
    }
}

impl From<TextError> for QuizError {
    fn from(_: TextError) -> Self {
        QuizError::UnreadableText
    }
}

/// A GIFT text (or file) at most this long.
pub const MAX_IMPORT_BYTES: usize = 512 * 1024;
/// Questions a course's bank holds at most (withdrawn ones count: they keep their answers).
pub const MAX_BANK: usize = 1_000;
pub const MAX_ATTEMPTS: u32 = 20;
pub const MAX_DRAWN: u32 = 200;
/// A text answer at most this long.
pub const MAX_TEXT_ANSWER: usize = 300;

/// The settings form of a test.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SettingsInput {
    pub pass: String,
    pub attempts: String,
    pub count: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub open: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidSettings {
    pub pass_percent: u32,
    pub max_attempts: u32,
    pub question_count: u32,
    pub open: bool,
}

pub fn validate_settings(input: &SettingsInput) -> Result<ValidSettings, QuizError> {
    let number = |s: &str| s.trim().parse::<u32>().ok();
    let pass_percent = number(&input.pass)
        .filter(|p| *p <= 100)
        .ok_or(QuizError::PassMarkInvalid)?;
    let max_attempts = number(&input.attempts)
        .filter(|a| (1..=MAX_ATTEMPTS).contains(a))
        .ok_or(QuizError::AttemptsInvalid)?;
    let question_count = number(&input.count)
        .filter(|c| *c <= MAX_DRAWN)
        .ok_or(QuizError::CountInvalid)?;
    Ok(ValidSettings {
        pass_percent,
        max_attempts,
        question_count,
        open: input.open.is_some(),
    })
}

/// A test's defaults before anyone sets it: one pre-test attempt (it measures the start),
/// three for the others.
pub fn default_settings(kind: QuizKind) -> ValidSettings {
    ValidSettings {
        pass_percent: 70,
        max_attempts: if kind == QuizKind::Pre { 1 } else { 3 },
        question_count: 0,
        open: false,
    }
}

/// A question of an attempt: which one, and its choices in the order shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drawn {
    pub question_id: i64,
    pub order: Vec<u32>,
}

/// Shuffles in place; `below(n)` gives a random number under `n`.
fn shuffle<T>(items: &mut [T], below: &mut impl FnMut(usize) -> usize) {
    for i in (1..items.len()).rev() {
        items.swap(i, below(i + 1));
    }
}

/// The questions of a new attempt (`count` of them, 0 for all) in a random order, each
/// choice question's choices shuffled too (true/false keeps its order). `questions`:
/// each question's id and its number of choices.
pub fn draw(
    questions: &[(i64, usize)],
    count: u32,
    below: &mut impl FnMut(usize) -> usize,
) -> Vec<Drawn> {
    let mut picked = questions.to_vec();
    shuffle(&mut picked, below);
    if count > 0 {
        picked.truncate(count as usize);
    }
    picked
        .into_iter()
        .map(|(question_id, choices)| {
            let mut order: Vec<u32> = (0..choices as u32).collect();
            shuffle(&mut order, below);
            Drawn { question_id, order }
        })
        .collect()
}

/// Whether a new attempt may begin (an open one is gone on with instead).
pub fn may_begin(s: QuizState) -> Result<(), QuizError> {
    if !s.open {
        return Err(QuizError::QuizClosed);
    }
    if s.questions == 0 {
        return Err(QuizError::NoQuestions);
    }
    if s.kind == QuizKind::Pre && s.post_begun {
        return Err(QuizError::PreAfterPost);
    }
    if !s.has_open_attempt && s.attempts >= s.max_attempts {
        return Err(QuizError::NoAttemptsLeft);
    }
    Ok(())
}

/// What a learner answered to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    Blank,
    /// Indices of the choices picked.
    Choices(Vec<u32>),
    Truth(bool),
    Text(String),
}

/// The posted form's answer to a question: `jawaban[q{id}]` holds the choice index, `benar`
/// or `salah`, or the text typed; a multiple-choice question posts `jawaban[q{id}-{i}]` for
/// each box ticked. (The `q` keeps the keys names: a form decoder reads bare numbers as list
/// indices.) `None`: the form names a choice the question does not have.
pub fn response(
    question_id: i64,
    answer: &Answer,
    posted: &HashMap<String, String>,
) -> Option<Response> {
    let value = posted
        .get(&format!("q{question_id}"))
        .map(|v| v.trim())
        .filter(|v| !v.is_empty());
    let choices = answer.choices().len() as u32;
    match answer {
        Answer::Single(_) => match value {
            None => Some(Response::Blank),
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|i| *i < choices)
                .map(|i| Response::Choices(vec![i])),
        },
        Answer::Multiple(_) => {
            let prefix = format!("q{question_id}-");
            let mut picked = Vec::new();
            for key in posted.keys() {
                if let Some(i) = key.strip_prefix(&prefix) {
                    picked.push(i.parse::<u32>().ok().filter(|i| *i < choices)?);
                }
            }
            picked.sort_unstable();
            picked.dedup();
            Some(if picked.is_empty() {
                Response::Blank
            } else {
                Response::Choices(picked)
            })
        }
        Answer::TrueFalse(_) => match value {
            None => Some(Response::Blank),
            Some("benar") => Some(Response::Truth(true)),
            Some("salah") => Some(Response::Truth(false)),
            Some(_) => None,
        },
        Answer::Short(_) | Answer::Numeric { .. } => Some(match value {
            None => Response::Blank,
            Some(v) => Response::Text(v.chars().take(MAX_TEXT_ANSWER).collect()),
        }),
    }
}

/// Words compared without case and with spaces collapsed.
fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// A number as an Indonesian types it (`3,5`, `1.822,5`) or as a calculator shows it
/// (`3.5`): with a comma, the comma is the decimal mark and points group thousands.
pub fn read_number(text: &str) -> Option<f64> {
    let t = text.trim().replace(' ', "");
    let t = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else {
        t
    };
    t.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Whether the answer is right: choice questions need exactly the right choices.
pub fn is_right(answer: &Answer, response: &Response) -> bool {
    match (answer, response) {
        (Answer::Single(c) | Answer::Multiple(c), Response::Choices(picked)) => {
            let right: Vec<u32> = (0..c.len() as u32)
                .filter(|i| c[*i as usize].correct)
                .collect();
            *picked == right
        }
        (Answer::TrueFalse(truth), Response::Truth(given)) => truth == given,
        (Answer::Short(accepted), Response::Text(given)) => {
            accepted.iter().any(|a| same_words(a, given))
        }
        (Answer::Numeric { value, tolerance }, Response::Text(given)) => read_number(given)
            // A little slack for decimals that binary floating point cannot hold exactly.
            .is_some_and(|n| (n - value).abs() <= tolerance + 1e-9 * value.abs().max(1.0)),
        _ => false,
    }
}

/// The score in whole percent, rounded down (7 of 10 is 70, 2 of 3 is 66).
pub fn score(right: u32, total: u32) -> u32 {
    (right * 100).checked_div(total).unwrap_or(0)
}

/// The gain: the best post-test score minus the first pre-test, in points.
pub fn gain(first_pre: Option<u32>, best_post: Option<u32>) -> Option<i32> {
    Some(best_post? as i32 - first_pre? as i32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learning::quiz::model::Choice;

    fn choices(right: &[bool]) -> Vec<Choice> {
        right
            .iter()
            .enumerate()
            .map(|(i, r)| Choice {
                text: format!("pilihan {i}"),
                correct: *r,
                feedback: String::new(),
            })
            .collect()
    }

    fn posted(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn settings_are_checked_field_by_field() {
        let input = |pass: &str, attempts: &str, count: &str| SettingsInput {
            pass: pass.into(),
            attempts: attempts.into(),
            count: count.into(),
            open: Some("ya".into()),
        };
        assert_eq!(
            validate_settings(&input(" 70 ", "3", "0")),
            Ok(ValidSettings {
                pass_percent: 70,
                max_attempts: 3,
                question_count: 0,
                open: true
            })
        );
        assert_eq!(
            validate_settings(&input("101", "3", "0")),
            Err(QuizError::PassMarkInvalid)
        );
        assert_eq!(
            validate_settings(&input("70", "0", "0")),
            Err(QuizError::AttemptsInvalid)
        );
        assert_eq!(
            validate_settings(&input("70", "21", "0")),
            Err(QuizError::AttemptsInvalid)
        );
        assert_eq!(
            validate_settings(&input("70", "2", "201")),
            Err(QuizError::CountInvalid)
        );
        assert_eq!(
            validate_settings(&input("tujuh", "2", "1")),
            Err(QuizError::PassMarkInvalid)
        );
    }

    #[test]
    fn an_attempt_draws_the_count_asked_each_once_with_choices_shuffled() {
        let questions: Vec<(i64, usize)> = (1..=10).map(|i| (i, 4)).collect();
        let mut rng = fastrand::Rng::with_seed(7);
        let drawn = draw(&questions, 5, &mut |n| rng.usize(..n));
        assert_eq!(drawn.len(), 5);
        let mut ids: Vec<i64> = drawn.iter().map(|d| d.question_id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 5);
        for d in &drawn {
            let mut order = d.order.clone();
            order.sort_unstable();
            assert_eq!(order, [0, 1, 2, 3]);
        }
        let all = draw(&questions, 0, &mut |n| rng.usize(..n));
        assert_eq!(all.len(), 10);
        // Not the bank's order every time: some draw of twenty differs from it.
        let ordered: Vec<i64> = (1..=10).collect();
        assert!((0..20).any(|_| {
            draw(&questions, 0, &mut |n| rng.usize(..n))
                .iter()
                .map(|d| d.question_id)
                .collect::<Vec<_>>()
                != ordered
        }));
    }

    #[test]
    fn when_an_attempt_may_begin() {
        let state = QuizState {
            kind: QuizKind::Post,
            open: true,
            max_attempts: 2,
            attempts: 1,
            has_open_attempt: false,
            post_begun: false,
            questions: 5,
        };
        assert_eq!(may_begin(state), Ok(()));
        assert_eq!(
            may_begin(QuizState {
                open: false,
                ..state
            }),
            Err(QuizError::QuizClosed)
        );
        assert_eq!(
            may_begin(QuizState {
                questions: 0,
                ..state
            }),
            Err(QuizError::NoQuestions)
        );
        assert_eq!(
            may_begin(QuizState {
                attempts: 2,
                ..state
            }),
            Err(QuizError::NoAttemptsLeft)
        );
        // The open one is gone on with: it was counted when it began.
        assert_eq!(
            may_begin(QuizState {
                attempts: 2,
                has_open_attempt: true,
                ..state
            }),
            Ok(())
        );
        let pre = QuizState {
            kind: QuizKind::Pre,
            post_begun: true,
            ..state
        };
        assert_eq!(may_begin(pre), Err(QuizError::PreAfterPost));
    }

    #[test]
    fn answers_are_read_from_the_form_and_marked() {
        let single = Answer::Single(choices(&[false, true, false]));
        let form = posted(&[("q5", "1")]);
        let r = response(5, &single, &form).unwrap();
        assert!(is_right(&single, &r));
        assert_eq!(response(5, &single, &posted(&[("q5", "3")])), None);
        assert_eq!(response(5, &single, &posted(&[])), Some(Response::Blank));
        assert!(!is_right(&single, &Response::Blank));

        let multiple = Answer::Multiple(choices(&[true, false, true]));
        let both = posted(&[("q6-0", "ya"), ("q6-2", "ya"), ("q5", "1")]);
        assert!(is_right(&multiple, &response(6, &multiple, &both).unwrap()));
        let one = posted(&[("q6-0", "ya")]);
        assert!(!is_right(&multiple, &response(6, &multiple, &one).unwrap()));
        let too_many = posted(&[("q6-0", "ya"), ("q6-1", "ya"), ("q6-2", "ya")]);
        assert!(!is_right(
            &multiple,
            &response(6, &multiple, &too_many).unwrap()
        ));
        assert_eq!(response(6, &multiple, &posted(&[("q6-9", "ya")])), None);

        let truth = Answer::TrueFalse(false);
        assert!(is_right(
            &truth,
            &response(7, &truth, &posted(&[("q7", "salah")])).unwrap()
        ));
        assert!(!is_right(
            &truth,
            &response(7, &truth, &posted(&[("q7", "benar")])).unwrap()
        ));
        assert_eq!(response(7, &truth, &posted(&[("q7", "mungkin")])), None);

        let short = Answer::Short(vec!["Aparatur Sipil Negara".into()]);
        let typed = posted(&[("q8", "  aparatur   SIPIL negara ")]);
        assert!(is_right(&short, &response(8, &short, &typed).unwrap()));
        assert!(!is_right(&short, &Response::Text("aparatur".into())));
    }

    #[test]
    fn numbers_are_read_as_people_type_them() {
        assert_eq!(read_number("3,5"), Some(3.5));
        assert_eq!(read_number("1.822,5"), Some(1822.5));
        assert_eq!(read_number(" 3.5 "), Some(3.5));
        assert_eq!(read_number("20"), Some(20.0));
        assert_eq!(read_number("dua"), None);
        assert_eq!(read_number("inf"), None);
        let numeric = Answer::Numeric {
            value: 3.0,
            tolerance: 2.0,
        };
        assert!(is_right(&numeric, &Response::Text("5".into())));
        assert!(is_right(&numeric, &Response::Text("1".into())));
        assert!(!is_right(&numeric, &Response::Text("5,1".into())));
        let exact = Answer::Numeric {
            value: 0.3,
            tolerance: 0.0,
        };
        assert!(is_right(&exact, &Response::Text("0,3".into())));
        assert!(!is_right(&exact, &Response::Text("tiga".into())));
    }

    #[test]
    fn score_rounds_down_and_gain_needs_both_tests() {
        assert_eq!(score(7, 10), 70);
        assert_eq!(score(2, 3), 66);
        assert_eq!(score(0, 0), 0);
        assert_eq!(gain(Some(40), Some(85)), Some(45));
        assert_eq!(gain(Some(90), Some(80)), Some(-10));
        assert_eq!(gain(None, Some(80)), None);
        assert_eq!(gain(Some(40), None), None);
    }
}
