//! Reading a GIFT text into questions (see `gift/mod.rs` for what is read).

use crate::learning::quiz::model::{Answer, Choice, GiftReason, QuestionSpec};

/// A question's text and each answer at most this long.
pub const MAX_TEXT: usize = 2_000;
pub const MAX_CHOICES: usize = 12;

/// Each question of the text, with the line it starts on (from 1).
pub fn parse(text: &str) -> Vec<(u32, Result<QuestionSpec, GiftReason>)> {
    blocks(text)
        .into_iter()
        .map(|(line, block)| (line, question(&block)))
        .collect()
}

/// The questions of a text separated by blank lines, comments and categories left out.
fn blocks(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut current: Option<(u32, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            out.extend(current.take());
            continue;
        }
        if trimmed.starts_with("//") || trimmed.starts_with("$CATEGORY:") {
            continue;
        }
        match &mut current {
            Some((_, block)) => {
                block.push('\n');
                block.push_str(line);
            }
            None => current = Some((i as u32 + 1, line.to_owned())),
        }
    }
    out.extend(current);
    out
}

/// A character of a block, and whether a backslash made it plain text.
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    escaped: bool,
}

fn chars(text: &str) -> Vec<Ch> {
    let mut out = Vec::new();
    let mut it = text.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push(Ch {
                    c: '\n',
                    escaped: true,
                }),
                Some(next) => out.push(Ch {
                    c: next,
                    escaped: true,
                }),
                None => out.push(Ch { c, escaped: false }),
            }
        } else {
            out.push(Ch { c, escaped: false });
        }
    }
    out
}

fn special(ch: &Ch, c: char) -> bool {
    !ch.escaped && ch.c == c
}

fn find(text: &[Ch], c: char) -> Option<usize> {
    text.iter().position(|ch| special(ch, c))
}

fn plain(text: &[Ch]) -> String {
    let s: String = text.iter().map(|ch| ch.c).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text after a `::title::`, and after a `[markdown]`-like format tag.
fn strip_head(text: &[Ch]) -> &[Ch] {
    let mut rest = text;
    let starts = |t: &[Ch], s: &str| {
        t.len() >= s.len()
            && t.iter()
                .zip(s.chars())
                .all(|(ch, c)| !ch.escaped && ch.c == c)
    };
    fn skip_space(t: &[Ch]) -> &[Ch] {
        let n = t.iter().take_while(|ch| ch.c.is_whitespace()).count();
        &t[n..]
    }
    rest = skip_space(rest);
    if starts(rest, "::")
        && let Some(end) = (2..rest.len().saturating_sub(1))
            .find(|&i| special(&rest[i], ':') && special(&rest[i + 1], ':'))
    {
        rest = skip_space(&rest[end + 2..]);
    }
    for tag in ["[markdown]", "[html]", "[plain]", "[moodle]"] {
        if starts(rest, tag) {
            rest = skip_space(&rest[tag.len()..]);
        }
    }
    rest
}

fn question(block: &str) -> Result<QuestionSpec, GiftReason> {
    let all = chars(block);
    let body = strip_head(&all);
    let open = find(body, '{').ok_or(GiftReason::NoAnswerBlock)?;
    let close = open + find(&body[open..], '}').ok_or(GiftReason::Unclosed)?;
    let before = plain(&body[..open]);
    let after = plain(&body[close + 1..]);
    let text = match (before.is_empty(), after.is_empty()) {
        (_, true) => before,
        (true, false) => format!("_____ {after}"),
        (false, false) => format!("{before} _____ {after}"),
    };
    if text.is_empty() {
        return Err(GiftReason::TextEmpty);
    }
    let inner = &body[open + 1..close];
    let (inner, feedback) = match (0..inner.len().saturating_sub(3))
        .find(|&i| (0..4).all(|k| special(&inner[i + k], '#')))
    {
        Some(at) => (&inner[..at], plain(&inner[at + 4..])),
        None => (inner, String::new()),
    };
    let answer = answer(inner)?;
    let spec = QuestionSpec {
        text,
        answer,
        feedback,
    };
    if too_long(&spec) {
        return Err(GiftReason::TooLong);
    }
    Ok(spec)
}

fn too_long(spec: &QuestionSpec) -> bool {
    let long = |s: &str| s.chars().count() > MAX_TEXT;
    long(&spec.text)
        || long(&spec.feedback)
        || spec
            .answer
            .choices()
            .iter()
            .any(|c| long(&c.text) || long(&c.feedback))
        || matches!(&spec.answer, Answer::Short(a) if a.iter().any(|s| long(s)))
}

fn answer(inner: &[Ch]) -> Result<Answer, GiftReason> {
    let trimmed = plain(inner);
    if trimmed.is_empty() {
        return Err(GiftReason::Essay);
    }
    let start = inner
        .iter()
        .position(|ch| !ch.c.is_whitespace())
        .unwrap_or(0);
    if special(&inner[start], '#') {
        return numeric(&inner[start + 1..]);
    }
    // T, TRUE, F, FALSE, maybe followed by feedback.
    let word_end = find(inner, '#').unwrap_or(inner.len());
    match plain(&inner[..word_end]).to_uppercase().as_str() {
        "T" | "TRUE" => return Ok(Answer::TrueFalse(true)),
        "F" | "FALSE" => return Ok(Answer::TrueFalse(false)),
        _ => {}
    }
    if inner
        .windows(2)
        .any(|w| special(&w[0], '-') && special(&w[1], '>'))
    {
        return Err(GiftReason::Matching);
    }
    let items = items(inner)?;
    if items.iter().all(|i| i.right && i.weight.is_none()) {
        let accepted: Vec<String> = items.into_iter().map(|i| i.text).collect();
        return Ok(Answer::Short(accepted));
    }
    if items.len() < 2 {
        return Err(GiftReason::TooFewChoices);
    }
    if items.len() > MAX_CHOICES {
        return Err(GiftReason::TooLong);
    }
    let plain_right = items.iter().filter(|i| i.right).count();
    let weighted_right = items
        .iter()
        .filter(|i| !i.right && i.weight.is_some_and(|w| w > 0.0))
        .count();
    let choices: Vec<Choice> = items
        .into_iter()
        .map(|i| Choice {
            correct: i.right || i.weight.is_some_and(|w| w > 0.0),
            text: i.text,
            feedback: i.feedback,
        })
        .collect();
    match (plain_right, weighted_right) {
        (0, 0) => Err(GiftReason::NoRightAnswer),
        (1, 0) => Ok(Answer::Single(choices)),
        _ => Ok(Answer::Multiple(choices)),
    }
}

struct Item {
    right: bool,
    weight: Option<f64>,
    text: String,
    feedback: String,
}

/// The `=` and `~` answers of a block, each with its `%weight%` and `#feedback`.
fn items(inner: &[Ch]) -> Result<Vec<Item>, GiftReason> {
    let starts: Vec<usize> = (0..inner.len())
        .filter(|&i| special(&inner[i], '=') || special(&inner[i], '~'))
        .collect();
    let first = starts
        .first()
        .copied()
        .ok_or(GiftReason::AnswerUnreadable)?;
    if !plain(&inner[..first]).is_empty() {
        return Err(GiftReason::AnswerUnreadable);
    }
    let mut out = Vec::new();
    for (n, &at) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(inner.len());
        let mut part = &inner[at + 1..end];
        let weight = weight(&mut part)?;
        let (text, feedback) = match find(part, '#') {
            Some(h) => (plain(&part[..h]), plain(&part[h + 1..])),
            None => (plain(part), String::new()),
        };
        if text.is_empty() {
            return Err(GiftReason::TextEmpty);
        }
        out.push(Item {
            right: special(&inner[at], '='),
            weight,
            text,
            feedback,
        });
    }
    Ok(out)
}

/// A leading `%50%`, taken off the part.
fn weight(part: &mut &[Ch]) -> Result<Option<f64>, GiftReason> {
    let start = part.iter().take_while(|ch| ch.c.is_whitespace()).count();
    if !part.get(start).is_some_and(|ch| special(ch, '%')) {
        return Ok(None);
    }
    let rest = &part[start + 1..];
    let end = find(rest, '%').ok_or(GiftReason::AnswerUnreadable)?;
    let w = plain(&rest[..end])
        .parse::<f64>()
        .map_err(|_| GiftReason::AnswerUnreadable)?;
    *part = &rest[end + 1..];
    Ok(Some(w))
}

/// `#3:2`, `#1..5`, `#3.14`, or `#=1822:0 =%50%1822:2` (the first full-credit answer).
fn numeric(inner: &[Ch]) -> Result<Answer, GiftReason> {
    let spec = if find(inner, '=').is_some() {
        let items = items(inner)?;
        let best = items
            .iter()
            .find(|i| i.right && i.weight.is_none_or(|w| w >= 100.0))
            .ok_or(GiftReason::NoRightAnswer)?;
        best.text.clone()
    } else {
        let end = find(inner, '#').unwrap_or(inner.len());
        plain(&inner[..end])
    };
    let number = |s: &str| {
        s.trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or(GiftReason::NumberUnreadable)
    };
    let (value, tolerance) = if let Some((low, high)) = spec.split_once("..") {
        let (low, high) = (number(low)?, number(high)?);
        if high < low {
            return Err(GiftReason::NumberUnreadable);
        }
        ((low + high) / 2.0, (high - low) / 2.0)
    } else if let Some((value, tolerance)) = spec.split_once(':') {
        (number(value)?, number(tolerance)?.abs())
    } else {
        (number(&spec)?, 0.0)
    };
    Ok(Answer::Numeric { value, tolerance })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Result<QuestionSpec, GiftReason> {
        let mut all = parse(text);
        assert_eq!(all.len(), 1, "{text}");
        all.remove(0).1
    }

    fn choice(text: &str, correct: bool, feedback: &str) -> Choice {
        Choice {
            text: text.into(),
            correct,
            feedback: feedback.into(),
        }
    }

    // The examples of Moodle's GIFT documentation.
    #[test]
    fn reads_the_documented_examples() {
        let text = "// true/false\n::Q1:: 1+1=2 {T}\n\n\
            // multiple choice with specified feedback for right and wrong answers\n\
            ::Q2:: What's between orange and green in the spectrum?\n\
            { =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }\n\n\
            // fill-in-the-blank\n::Q3:: Two plus {=two =2} equals four.\n\n\
            // matching\n::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog food }\n\n\
            // math range question\n::Q5:: What is a number from 1 to 5? {#3:2}\n\n\
            // math range specified with interval end points\n::Q6:: What is a number from 1 to 5? {#1..5}\n\n\
            // multiple numeric answers with partial credit and feedback\n\
            ::Q7:: When was Ulysses S. Grant born? {#\n\
                     =1822:0      # Correct! Full credit.\n\
                     =%50%1822:2  # He was born in 1822. Half credit for being close.\n}\n\n\
            // essay\n::Q8:: How are you? {}";
        let all = parse(text);
        let lines: Vec<u32> = all.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2, 5, 9, 12, 15, 18, 21, 27]);
        let q = |i: usize| all[i].1.clone();
        assert_eq!(
            q(0),
            Ok(QuestionSpec {
                text: "1+1=2".into(),
                answer: Answer::TrueFalse(true),
                feedback: String::new(),
            })
        );
        assert_eq!(
            q(1).unwrap().answer,
            Answer::Single(vec![
                choice("yellow", true, "right; good!"),
                choice("red", false, "wrong, it's yellow"),
                choice("blue", false, "wrong, it's yellow"),
            ])
        );
        let blank = q(2).unwrap();
        assert_eq!(blank.text, "Two plus _____ equals four.");
        assert_eq!(blank.answer, Answer::Short(vec!["two".into(), "2".into()]));
        assert_eq!(q(3), Err(GiftReason::Matching));
        let range = Answer::Numeric {
            value: 3.0,
            tolerance: 2.0,
        };
        assert_eq!(q(4).unwrap().answer, range);
        assert_eq!(q(5).unwrap().answer, range);
        assert_eq!(
            q(6).unwrap().answer,
            Answer::Numeric {
                value: 1822.0,
                tolerance: 0.0
            }
        );
        assert_eq!(q(7), Err(GiftReason::Essay));
    }

    #[test]
    fn weights_above_zero_are_right_answers() {
        let q = one("What two people are entombed in Grant's tomb? {\n\
             ~%-100%No one\n ~%50%Grant\n ~%50%Grant's wife\n ~%-100%Grant's father\n}")
        .unwrap();
        let right: Vec<bool> = q.answer.choices().iter().map(|c| c.correct).collect();
        assert!(matches!(q.answer, Answer::Multiple(_)));
        assert_eq!(right, [false, true, true, false]);
    }

    #[test]
    fn escapes_titles_formats_and_general_feedback() {
        let q = one("::Rumus:: [markdown] Berapa 2 \\= 2\\: \\{benar\\}? {TRUE #salah #betul ####Dasar aritmetika.}")
            .unwrap();
        assert_eq!(q.text, "Berapa 2 = 2: {benar}?");
        assert_eq!(q.answer, Answer::TrueFalse(true));
        assert_eq!(q.feedback, "Dasar aritmetika.");
        assert_eq!(
            one("Ibu kota Sulawesi Tengah? {F}").unwrap().answer,
            Answer::TrueFalse(false)
        );
    }

    #[test]
    fn each_bad_question_names_its_line_and_reason() {
        let text = "$CATEGORY: $course$/Etika\n\nHanya deskripsi.\n\nBuka {=a ~b\n\n\
            Tanpa benar? {~a ~b}\n\nSatu pilihan {~%0%a}\n\nAngka {#dua}\n\n{=a ~b}\n\n\
            Jawaban { a =b ~c }\n\nRentang terbalik {#5..1}";
        let got: Vec<(u32, Result<(), GiftReason>)> = parse(text)
            .into_iter()
            .map(|(l, r)| (l, r.map(|_| ())))
            .collect();
        assert_eq!(
            got,
            [
                (3, Err(GiftReason::NoAnswerBlock)),
                (5, Err(GiftReason::Unclosed)),
                (7, Err(GiftReason::NoRightAnswer)),
                (9, Err(GiftReason::TooFewChoices)),
                (11, Err(GiftReason::NumberUnreadable)),
                (13, Err(GiftReason::TextEmpty)),
                (15, Err(GiftReason::AnswerUnreadable)),
                (17, Err(GiftReason::NumberUnreadable)),
            ]
        );
    }

    #[test]
    fn a_long_text_is_refused() {
        let long = "a".repeat(MAX_TEXT + 1);
        assert_eq!(one(&format!("{long} {{T}}")), Err(GiftReason::TooLong));
    }
}
