//! Writing questions as GIFT that reads back as the same questions.

use crate::learning::quiz::model::{Answer, QuestionSpec};

/// A text written back as GIFT, escaped so that it reads as the same text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

fn with_feedback(text: &str, feedback: &str) -> String {
    if feedback.is_empty() {
        escape(text)
    } else {
        format!("{} #{}", escape(text), escape(feedback))
    }
}

/// One question as GIFT, so that reading it back gives the same question.
pub fn write(spec: &QuestionSpec) -> String {
    let answer = match &spec.answer {
        Answer::TrueFalse(true) => "TRUE".to_owned(),
        Answer::TrueFalse(false) => "FALSE".to_owned(),
        Answer::Short(accepted) => accepted
            .iter()
            .map(|a| format!("={}", escape(a)))
            .collect::<Vec<_>>()
            .join(" "),
        Answer::Numeric { value, tolerance } => format!("#{value}:{tolerance}"),
        Answer::Single(choices) => choices
            .iter()
            .map(|c| {
                let mark = if c.correct { "=" } else { "~" };
                format!("\n  {mark}{}", with_feedback(&c.text, &c.feedback))
            })
            .collect(),
        Answer::Multiple(choices) => {
            let right = choices.iter().filter(|c| c.correct).count().max(1);
            let wrong = (choices.len() - right).max(1);
            let share = |n: usize| (100.0 / n as f64 * 1000.0).round() / 1000.0;
            choices
                .iter()
                .map(|c| {
                    let w = if c.correct {
                        share(right)
                    } else {
                        -share(wrong)
                    };
                    format!("\n  ~%{w}%{}", with_feedback(&c.text, &c.feedback))
                })
                .collect()
        }
    };
    let general = if spec.feedback.is_empty() {
        String::new()
    } else {
        format!(" ####{}", escape(&spec.feedback))
    };
    let close = if answer.starts_with('\n') {
        "\n}"
    } else {
        " }"
    };
    format!("{} {{ {answer}{general}{close}", escape(&spec.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learning::quiz::{gift::parse, model::Choice};

    fn choice(text: &str, correct: bool, feedback: &str) -> Choice {
        Choice {
            text: text.into(),
            correct,
            feedback: feedback.into(),
        }
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let specs = [
            QuestionSpec {
                text: "Pilih: a = b {ya}?".into(),
                answer: Answer::Single(vec![
                    choice("satu ~ dua", true, "betul #1"),
                    choice("tiga", false, ""),
                ]),
                feedback: "Lihat modul 2: etika.".into(),
            },
            QuestionSpec {
                text: "Mana yang benar?".into(),
                answer: Answer::Multiple(vec![
                    choice("a", true, ""),
                    choice("b", true, "ya"),
                    choice("c", false, ""),
                ]),
                feedback: String::new(),
            },
            QuestionSpec {
                text: "ASN wajib 20 JP setahun.".into(),
                answer: Answer::TrueFalse(true),
                feedback: String::new(),
            },
            QuestionSpec {
                text: "Singkatan dari ASN?".into(),
                answer: Answer::Short(vec!["Aparatur Sipil Negara".into()]),
                feedback: String::new(),
            },
            QuestionSpec {
                text: "Berapa JP minimal?".into(),
                answer: Answer::Numeric {
                    value: 20.0,
                    tolerance: 0.5,
                },
                feedback: String::new(),
            },
        ];
        let text: Vec<String> = specs.iter().map(write).collect();
        let back: Vec<QuestionSpec> = parse(&text.join("\n\n"))
            .into_iter()
            .map(|(_, q)| q.unwrap())
            .collect();
        assert_eq!(back, specs);
    }
}
