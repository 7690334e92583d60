//! The rules of a module's forms, shared by the browser and the server: what a module may
//! hold, the change note a revision is published with, and the time a learner spent.

use serde::{Deserialize, Serialize};

use crate::{
    learning::rules::{LearningError, too_long},
    validation::{FormValue, Lines, clean_text},
};

pub const MAX_TITLE: usize = 120;
/// A module's text: long enough for a chapter, short enough for a phone on a slow link.
pub const MAX_BODY: usize = 40_000;
pub const MAX_CHANGE_NOTE: usize = 300;
pub const MODULE_MINUTES: std::ops::RangeInclusive<u32> = 1..=600;
pub const MAX_MODULES: usize = 60;

/// The module form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModuleInput {
    pub title: String,
    pub minutes: String,
    pub body: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub required: Option<String>,
    /// The SCORM package it shows (a package's id), or empty for none.
    #[serde(default)]
    pub package: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidModule {
    pub title: String,
    pub minutes: u32,
    pub body: String,
    pub required: bool,
}

pub fn validate_module(input: &ModuleInput) -> Result<ValidModule, LearningError> {
    let title = clean_text(&input.title, Lines::One)?;
    if title.is_empty() {
        return Err(LearningError::TitleEmpty);
    }
    if too_long(&title, MAX_TITLE) {
        return Err(LearningError::TitleTooLong);
    }
    let minutes = input
        .minutes
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| MODULE_MINUTES.contains(m))
        .ok_or(LearningError::MinutesInvalid)?;
    let body = clean_text(&input.body, Lines::Many)?;
    if body.is_empty() {
        return Err(LearningError::BodyEmpty);
    }
    if too_long(&body, MAX_BODY) {
        return Err(LearningError::BodyTooLong);
    }
    Ok(ValidModule {
        title,
        minutes,
        body,
        required: input.required.is_some(),
    })
}

/// The change note a revision is published with: what changed and why, for the people
/// who compare revisions later.
pub fn validate_change_note(raw: &str) -> Result<String, LearningError> {
    let note = clean_text(raw, Lines::One)?;
    if note.is_empty() {
        return Err(LearningError::ChangeNoteEmpty);
    }
    if too_long(&note, MAX_CHANGE_NOTE) {
        return Err(LearningError::ChangeNoteTooLong);
    }
    Ok(note)
}

/// The time a learner spent on a module, from when they last opened it to when they marked
/// it done: never negative, and at most three times the module's estimate (a page left open
/// overnight does not count as a night of study).
pub fn seconds_spent(opened_at: i64, now: i64, minutes: u32) -> u32 {
    let cap = i64::from(minutes) * 60 * 3;
    now.saturating_sub(opened_at).clamp(0, cap) as u32
}

/// Which way a module moves in its course's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl FormValue for Direction {
    const ALL: &'static [Self] = &[Direction::Up, Direction::Down];

    fn form_value(self) -> &'static str {
        match self {
            Direction::Up => "naik",
            Direction::Down => "turun",
        }
    }
}

/// The module a move swaps places with: `ordered` are the course's module ids in order.
pub fn swap_with(
    ordered: &[i64],
    module_id: i64,
    direction: Direction,
) -> Result<i64, LearningError> {
    let index = ordered
        .iter()
        .position(|&id| id == module_id)
        .ok_or(LearningError::CannotMove)?;
    let other = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => Some(index + 1).filter(|&i| i < ordered.len()),
    };
    other.map(|i| ordered[i]).ok_or(LearningError::CannotMove)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module(title: &str, minutes: &str, body: &str) -> ModuleInput {
        ModuleInput {
            title: title.into(),
            minutes: minutes.into(),
            body: body.into(),
            required: Some("ya".into()),
            package: String::new(),
        }
    }

    #[test]
    fn a_module_needs_a_title_minutes_and_text() {
        let ok = validate_module(&module("  Etika pelayanan ", "15", "Isi modul.\r\n")).unwrap();
        assert_eq!(ok.title, "Etika pelayanan");
        assert_eq!((ok.minutes, ok.required), (15, true));
        assert_eq!(ok.body, "Isi modul.");
        let cases = [
            (module("", "15", "x"), LearningError::TitleEmpty),
            (
                module(&"a".repeat(MAX_TITLE + 1), "15", "x"),
                LearningError::TitleTooLong,
            ),
            (module("A", "0", "x"), LearningError::MinutesInvalid),
            (module("A", "601", "x"), LearningError::MinutesInvalid),
            (module("A", "lima", "x"), LearningError::MinutesInvalid),
            (module("A", "5", "  "), LearningError::BodyEmpty),
            (
                module("A", "5", &"b".repeat(MAX_BODY + 1)),
                LearningError::BodyTooLong,
            ),
            (module("A\u{202E}", "5", "x"), LearningError::UnreadableText),
        ];
        for (input, expected) in cases {
            assert_eq!(validate_module(&input), Err(expected), "{input:?}");
        }
        let optional = ModuleInput {
            required: None,
            ..module("A", "5", "x")
        };
        assert!(!validate_module(&optional).unwrap().required);
    }

    #[test]
    fn a_revision_is_published_with_a_change_note() {
        assert_eq!(
            validate_change_note(" Contoh diperbarui "),
            Ok("Contoh diperbarui".into())
        );
        assert_eq!(
            validate_change_note(""),
            Err(LearningError::ChangeNoteEmpty)
        );
        assert_eq!(
            validate_change_note(&"c".repeat(MAX_CHANGE_NOTE + 1)),
            Err(LearningError::ChangeNoteTooLong)
        );
    }

    #[test]
    fn time_spent_is_bounded_by_the_estimate() {
        assert_eq!(seconds_spent(1_000, 1_600, 15), 600);
        assert_eq!(seconds_spent(1_000, 900, 15), 0);
        assert_eq!(seconds_spent(0, 86_400, 15), 15 * 60 * 3);
        assert_eq!(seconds_spent(i64::MIN, i64::MAX, 15), 15 * 60 * 3);
        assert_eq!(seconds_spent(i64::MAX, i64::MIN, 15), 0);
    }

    #[test]
    fn a_module_swaps_with_its_neighbour_and_never_past_the_ends() {
        let order = [7, 3, 9];
        assert_eq!(swap_with(&order, 3, Direction::Up), Ok(7));
        assert_eq!(swap_with(&order, 3, Direction::Down), Ok(9));
        assert_eq!(
            swap_with(&order, 7, Direction::Up),
            Err(LearningError::CannotMove)
        );
        assert_eq!(
            swap_with(&order, 9, Direction::Down),
            Err(LearningError::CannotMove)
        );
        assert_eq!(Direction::from_form("turun"), Some(Direction::Down));
        assert_eq!(Direction::from_form("kiri"), None);
    }
}
