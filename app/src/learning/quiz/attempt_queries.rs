//! Tests on the server (ssr only): a course's tests with the learner's attempts and gain,
//! beginning an attempt (questions drawn and shuffled once, kept with it), the attempt's
//! page, and submitting it (marked in one transaction, once).

use std::collections::HashMap;

use sqlx::{Row, any::AnyRow};

use super::{
    bank_queries::{questions_in_use, settings_of, spec_of},
    model::{
        Answer, AttemptQuestion, AttemptView, CourseTests, QuestionSpec, QuizCard, QuizKind,
        QuizState,
    },
    rules::{self, Drawn, QuizError, Response},
};
use crate::{
    auth::queries::{audit, state},
    db::{
        Db,
        idempotency::{Claim, claim},
        is_unique_violation, unix_now,
    },
    error::AppError,
    jp::JpRules,
    learning::queries::{Asking, Learner, complete_if_done, hold_enrolment, learner, reader},
    validation::{Lines, clean_text},
};

const QUIZ_COLUMNS: &str = "q.id, q.kind, q.module_id, q.pass_percent, q.max_attempts, \
     q.question_count, q.open, COALESCE(m.title, '') AS module_title";

fn kind_of(r: &AnyRow) -> Result<QuizKind, AppError> {
    QuizKind::from_db(&r.get::<String, _>("kind")).ok_or(AppError::Internal)
}

/// The questions a test draws from: the course's in use, or a module's.
async fn pool_of(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    program_id: i64,
    module_id: Option<i64>,
) -> Result<Vec<(i64, QuestionSpec)>, AppError> {
    let rows = sqlx::query(
        "SELECT id, spec FROM question WHERE program_id = $1 AND retired_at IS NULL \
         AND ($2 = 0 OR module_id = $2) ORDER BY id",
    )
    .bind(program_id)
    .bind(module_id.unwrap_or(0))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| Ok((r.get("id"), spec_of(r)?)))
        .collect()
}

/// A learner's attempts at one test: (id, number, score once submitted), oldest first.
async fn attempts_of(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    quiz_id: i64,
    employee_id: i64,
) -> Result<Vec<(i64, u32, Option<u32>)>, AppError> {
    Ok(sqlx::query(
        "SELECT id, number, score, submitted_at FROM quiz_attempt \
         WHERE quiz_id = $1 AND employee_id = $2 ORDER BY number",
    )
    .bind(quiz_id)
    .bind(employee_id)
    .fetch_all(db)
    .await?
    .iter()
    .map(|r| {
        let submitted = r.get::<Option<i64>, _>("submitted_at").is_some();
        (
            r.get("id"),
            r.get::<i64, _>("number").max(0) as u32,
            submitted.then(|| r.get::<Option<i64>, _>("score").unwrap_or(0).max(0) as u32),
        )
    })
    .collect())
}

/// Whether the learner began the course's post-test.
async fn post_begun(db: &Db, program_id: i64, employee_id: i64) -> Result<bool, AppError> {
    Ok(sqlx::query(
        "SELECT 1 FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id \
         WHERE q.program_id = $1 AND q.kind = 'post' AND a.employee_id = $2",
    )
    .bind(program_id)
    .bind(employee_id)
    .fetch_optional(&db.pool)
    .await?
    .is_some())
}

/// The course's open tests, for its page; with the learner's attempts and gain.
pub async fn course_tests(program_id: i64) -> Result<CourseTests, AppError> {
    let db = state()?.db;
    let Asking { user, standing, .. } = reader(&db, program_id).await?;
    let learner = standing.learner();
    let rows = sqlx::query(&format!(
        "SELECT {QUIZ_COLUMNS} FROM quiz q LEFT JOIN course_module m ON m.id = q.module_id \
         WHERE q.program_id = $1 AND q.open = 1 \
         ORDER BY CASE q.kind WHEN 'pre' THEN 0 WHEN 'module' THEN 1 ELSE 2 END, m.position"
    ))
    .bind(program_id)
    .fetch_all(&db.pool)
    .await?;
    let post_begun = post_begun(&db, program_id, user.employee_id).await?;
    let mut quizzes = Vec::with_capacity(rows.len());
    let (mut first_pre, mut best_post) = (None, None);
    for r in &rows {
        let kind = kind_of(r)?;
        let s = settings_of(Some(r), kind);
        let attempts = attempts_of(&db.pool, r.get("id"), user.employee_id).await?;
        let scores: Vec<u32> = attempts.iter().filter_map(|a| a.2).collect();
        let best = scores.iter().max().copied();
        match kind {
            QuizKind::Pre => first_pre = scores.first().copied(),
            QuizKind::Post => best_post = best,
            QuizKind::Module => {}
        }
        let open_attempt = attempts.iter().find(|a| a.2.is_none()).map(|a| a.0);
        let questions = questions_in_use(&db, program_id, r.get("module_id")).await?;
        let state = QuizState {
            kind,
            open: s.open,
            max_attempts: s.max_attempts,
            attempts: attempts.len() as u32,
            has_open_attempt: open_attempt.is_some(),
            post_begun,
            questions,
        };
        quizzes.push(QuizCard {
            quiz_id: r.get("id"),
            kind,
            module_title: r.get("module_title"),
            pass_percent: s.pass_percent,
            max_attempts: s.max_attempts,
            attempts_used: attempts.len() as u32,
            open_attempt,
            best,
            passed: best.is_some_and(|b| b >= s.pass_percent),
            state,
            attempts: attempts
                .iter()
                .rev()
                .filter_map(|a| Some((a.0, a.1, a.2?)))
                .collect(),
        });
    }
    Ok(CourseTests {
        program_id,
        learner,
        quizzes,
        gain: rules::gain(first_pre, best_post),
    })
}

/// Begins an attempt, or goes on with the one begun; returns its id.
pub async fn begin(program_id: i64, quiz_id: i64, key: Option<&str>) -> Result<i64, AppError> {
    let db = state()?.db;
    let user = learner(&db, program_id).await?.user;
    let quiz = sqlx::query(&format!(
        "SELECT {QUIZ_COLUMNS} FROM quiz q LEFT JOIN course_module m ON m.id = q.module_id \
         WHERE q.id = $1 AND q.program_id = $2"
    ))
    .bind(quiz_id)
    .bind(program_id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let kind = kind_of(&quiz)?;
    let settings = settings_of(Some(&quiz), kind);
    let attempts = attempts_of(&db.pool, quiz_id, user.employee_id).await?;
    if let Some(open) = attempts.iter().find(|a| a.2.is_none()) {
        return Ok(open.0);
    }
    let pool = pool_of(&db.pool, program_id, quiz.get("module_id")).await?;
    rules::may_begin(QuizState {
        kind,
        open: settings.open,
        max_attempts: settings.max_attempts,
        attempts: attempts.len() as u32,
        has_open_attempt: false,
        post_begun: post_begun(&db, program_id, user.employee_id).await?,
        questions: pool.len() as u32,
    })?;
    let questions: Vec<(i64, usize)> = pool
        .iter()
        .map(|(id, spec)| (*id, spec.answer.choices().len()))
        .collect();
    let mut rng = fastrand::Rng::new();
    let drawn = rules::draw(&questions, settings.question_count, &mut |n| rng.usize(..n));
    let layout = serde_json::to_string(&drawn).map_err(|_| AppError::Internal)?;
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    if claim(&mut tx, user.account_id, "tes-mulai", key, now).await? == Claim::Repeat {
        drop(tx);
        return newest_attempt(&db, quiz_id, user.employee_id).await;
    }
    let inserted = sqlx::query(
        "INSERT INTO quiz_attempt (quiz_id, employee_id, number, layout, started_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(quiz_id)
    .bind(user.employee_id)
    .bind(attempts.len() as i64 + 1)
    .bind(layout)
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        // Another request began this attempt a moment ago: go on with that one.
        Err(e) if is_unique_violation(&e) => {
            drop(tx);
            return newest_attempt(&db, quiz_id, user.employee_id).await;
        }
        other => other?.get("id"),
    };
    tx.commit().await?;
    Ok(id)
}

async fn newest_attempt(db: &Db, quiz_id: i64, employee_id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query(
        "SELECT id FROM quiz_attempt WHERE quiz_id = $1 AND employee_id = $2 \
         ORDER BY number DESC LIMIT 1",
    )
    .bind(quiz_id)
    .bind(employee_id)
    .fetch_one(&db.pool)
    .await?
    .get("id"))
}

/// An attempt of the person asking, with its test.
struct Held {
    kind: QuizKind,
    module_title: String,
    pass_percent: u32,
    number: u32,
    drawn: Vec<Drawn>,
    submitted: bool,
    score: Option<u32>,
    passed: Option<bool>,
}

async fn held(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    program_id: i64,
    attempt_id: i64,
    employee_id: i64,
) -> Result<Held, AppError> {
    // Someone else's attempt is not found: its id says nothing of it.
    let r = sqlx::query(
        "SELECT q.kind, q.pass_percent, COALESCE(m.title, '') AS module_title, a.number, \
                a.layout, a.submitted_at, a.score, a.passed \
         FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id \
         LEFT JOIN course_module m ON m.id = q.module_id \
         WHERE a.id = $1 AND q.program_id = $2 AND a.employee_id = $3",
    )
    .bind(attempt_id)
    .bind(program_id)
    .bind(employee_id)
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Held {
        kind: kind_of(&r)?,
        module_title: r.get("module_title"),
        pass_percent: r.get::<i64, _>("pass_percent").clamp(0, 100) as u32,
        number: r.get::<i64, _>("number").max(0) as u32,
        drawn: serde_json::from_str(&r.get::<String, _>("layout"))
            .map_err(|_| AppError::Internal)?,
        submitted: r.get::<Option<i64>, _>("submitted_at").is_some(),
        score: r.get::<Option<i64>, _>("score").map(|s| s.max(0) as u32),
        passed: r.get::<Option<i64>, _>("passed").map(|p| p == 1),
    })
}

/// The specs of an attempt's questions, read in one query (its course's questions, kept
/// when drawn; a question withdrawn since stays in the attempt).
async fn specs_of(
    db: &Db,
    program_id: i64,
    drawn: &[Drawn],
) -> Result<HashMap<i64, QuestionSpec>, AppError> {
    let rows = sqlx::query("SELECT id, spec FROM question WHERE program_id = $1")
        .bind(program_id)
        .fetch_all(&db.pool)
        .await?;
    let mut specs = HashMap::with_capacity(drawn.len());
    for r in &rows {
        let id: i64 = r.get("id");
        if drawn.iter().any(|d| d.question_id == id) {
            specs.insert(id, spec_of(r)?);
        }
    }
    Ok(specs)
}

/// An answer in words: the choices' texts, what was typed, or for true/false the form's
/// `benar` or `salah` (the page says it in the reader's language).
fn in_words(answer: &Answer, response: &Response) -> String {
    match response {
        Response::Blank => String::new(),
        Response::Choices(picked) => picked
            .iter()
            .filter_map(|i| answer.choices().get(*i as usize).map(|c| c.text.clone()))
            .collect::<Vec<_>>()
            .join("; "),
        Response::Truth(true) => "benar".to_owned(),
        Response::Truth(false) => "salah".to_owned(),
        Response::Text(t) => t.clone(),
    }
}

fn right_in_words(answer: &Answer) -> String {
    match answer {
        Answer::Single(c) | Answer::Multiple(c) => c
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.text.clone())
            .collect::<Vec<_>>()
            .join("; "),
        Answer::TrueFalse(t) => in_words(answer, &Response::Truth(*t)),
        Answer::Short(accepted) => accepted.join(" / "),
        Answer::Numeric { value, tolerance } if *tolerance > 0.0 => {
            format!("{value} ± {tolerance}")
        }
        Answer::Numeric { value, .. } => value.to_string(),
    }
}

pub async fn attempt(program_id: i64, attempt_id: i64) -> Result<AttemptView, AppError> {
    let db = state()?.db;
    let Asking { user, head, .. } = reader(&db, program_id).await?;
    let held = held(&db.pool, program_id, attempt_id, user.employee_id).await?;
    let specs = specs_of(&db, program_id, &held.drawn).await?;
    let answers: HashMap<i64, (Response, bool)> = if held.submitted {
        let rows = sqlx::query(
            "SELECT question_id, response, correct FROM attempt_answer WHERE attempt_id = $1",
        )
        .bind(attempt_id)
        .fetch_all(&db.pool)
        .await?;
        let mut map = HashMap::with_capacity(rows.len());
        for r in &rows {
            let response: Response = serde_json::from_str(&r.get::<String, _>("response"))
                .map_err(|_| AppError::Internal)?;
            map.insert(
                r.get("question_id"),
                (response, r.get::<i64, _>("correct") == 1),
            );
        }
        map
    } else {
        HashMap::new()
    };
    // The pre-test shows right or wrong but not the right answers, so that the post-test
    // still measures what was learnt.
    let reveal = held.kind != QuizKind::Pre;
    let questions = held
        .drawn
        .iter()
        .filter_map(|d| {
            let spec = specs.get(&d.question_id)?;
            let given = answers.get(&d.question_id);
            let mut feedback = Vec::new();
            if reveal && let Some((Response::Choices(picked), _)) = given {
                feedback.extend(picked.iter().filter_map(|i| {
                    let c = spec.answer.choices().get(*i as usize)?;
                    (!c.feedback.is_empty()).then(|| c.feedback.clone())
                }));
            }
            if reveal && given.is_some() && !spec.feedback.is_empty() {
                feedback.push(spec.feedback.clone());
            }
            Some(AttemptQuestion {
                question_id: d.question_id,
                kind: spec.answer.kind(),
                text: spec.text.clone(),
                choices: d
                    .order
                    .iter()
                    .filter_map(|i| {
                        let c = spec.answer.choices().get(*i as usize)?;
                        Some((*i, c.text.clone()))
                    })
                    .collect(),
                given: given.map(|(r, _)| in_words(&spec.answer, r)),
                correct: given.map(|(_, c)| *c),
                right_answer: (reveal && given.is_some()).then(|| right_in_words(&spec.answer)),
                feedback,
            })
        })
        .collect();
    Ok(AttemptView {
        program_id,
        program_title: head.info.title,
        attempt_id,
        quiz_kind: held.kind,
        module_title: held.module_title,
        number: held.number,
        submitted: held.submitted,
        score: held.score,
        passed: held.passed,
        pass_percent: held.pass_percent,
        questions,
    })
}

/// Marks and saves an attempt's answers, once. `posted`: the form's `jawaban[…]` fields.
/// Returns whether passing it completed the course.
pub async fn submit(
    program_id: i64,
    attempt_id: i64,
    posted: HashMap<String, String>,
) -> Result<bool, AppError> {
    let state = state()?;
    let db = state.db;
    let Learner {
        user,
        head,
        enrolment_id,
    } = learner(&db, program_id).await?;
    let held = held(&db.pool, program_id, attempt_id, user.employee_id).await?;
    if held.submitted {
        return Err(QuizError::AttemptSubmitted.into());
    }
    let specs = specs_of(&db, program_id, &held.drawn).await?;
    // Every field answers a question of this attempt.
    let drawn_ids: Vec<String> = held
        .drawn
        .iter()
        .map(|d| format!("q{}", d.question_id))
        .collect();
    let ours = |key: &str| {
        let id = key.split_once('-').map_or(key, |(id, _)| id);
        drawn_ids.iter().any(|d| d == id)
    };
    if !posted.keys().all(|k| ours(k)) {
        return Err(AppError::BadRequest);
    }
    let mut marked = Vec::with_capacity(held.drawn.len());
    for d in &held.drawn {
        let spec = specs.get(&d.question_id).ok_or(AppError::Internal)?;
        let response = match rules::response(d.question_id, &spec.answer, &posted) {
            Some(Response::Text(t)) => {
                Response::Text(clean_text(&t, Lines::One).map_err(QuizError::from)?)
            }
            Some(r) => r,
            None => return Err(AppError::BadRequest),
        };
        let right = rules::is_right(&spec.answer, &response);
        marked.push((d.question_id, response, right));
    }
    let right = marked.iter().filter(|m| m.2).count() as u32;
    let score = rules::score(right, marked.len() as u32);
    let passed = score >= held.pass_percent;
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    hold_enrolment(&mut tx, enrolment_id, now).await?;
    let closed = sqlx::query(
        "UPDATE quiz_attempt SET submitted_at = $1, score = $2, passed = $3 \
         WHERE id = $4 AND submitted_at IS NULL",
    )
    .bind(now)
    .bind(i64::from(score))
    .bind(i64::from(passed))
    .bind(attempt_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if closed != 1 {
        return Err(QuizError::AttemptSubmitted.into());
    }
    for (question_id, response, right) in &marked {
        sqlx::query(
            "INSERT INTO attempt_answer (attempt_id, question_id, response, correct) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(attempt_id)
        .bind(*question_id)
        .bind(serde_json::to_string(response).map_err(|_| AppError::Internal)?)
        .bind(i64::from(*right))
        .execute(&mut *tx)
        .await?;
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "quiz_submit",
        &format!("program {program_id}, attempt {attempt_id}: {score}%"),
    )
    .await?;
    let completed = held.kind == QuizKind::Post && passed && {
        let jp_rules = JpRules::with_minutes(state.settings.jp_minutes);
        complete_if_done(
            &mut tx,
            &head,
            (user.employee_id, enrolment_id),
            &jp_rules,
            now,
        )
        .await?
    };
    tx.commit().await?;
    Ok(completed)
}
