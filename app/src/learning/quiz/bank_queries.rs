//! A course's question bank on the server (ssr only): the facilitators' page with each
//! question's statistics, GIFT texts checked then saved, questions withdrawn, the tests'
//! settings, and the bank written out as GIFT.

use std::collections::HashMap;

use leptos::server_fn::codec::MultipartData;
use sqlx::{Row, any::AnyRow};

use super::{
    gift,
    model::{
        Bank, BankGroup, BankQuestion, ImportPreview, ImportProblem, ImportedLine, QuestionKind,
        QuestionSpec, QuizKind, QuizSettings,
    },
    rules::{self, MAX_BANK, MAX_IMPORT_BYTES, QuizError, SettingsInput, ValidSettings},
};
use crate::{
    auth::{
        CurrentUser, authorize,
        queries::{audit, state},
    },
    db::{
        Db, Tx,
        idempotency::{Claim, FIELD, claim},
        unix_now,
    },
    error::AppError,
    learning::queries::{course_head, editor_user, standing},
    upload,
    validation::{FormValue, Lines, clean_text},
};

/// A course's modules in order: id and title.
async fn modules(db: &Db, program_id: i64) -> Result<Vec<(i64, String)>, AppError> {
    Ok(
        sqlx::query("SELECT id, title FROM course_module WHERE program_id = $1 ORDER BY position")
            .bind(program_id)
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| (r.get("id"), r.get("title")))
            .collect(),
    )
}

/// A stored question's text and answer.
pub(super) fn spec_of(r: &AnyRow) -> Result<QuestionSpec, AppError> {
    serde_json::from_str(&r.get::<String, _>("spec")).map_err(|e| {
        tracing::error!(error = %e, "unreadable question");
        AppError::Internal
    })
}

/// A test's settings row, or the defaults before anyone set it.
pub(super) fn settings_of(row: Option<&AnyRow>, kind: QuizKind) -> ValidSettings {
    row.map_or_else(
        || rules::default_settings(kind),
        |r| ValidSettings {
            pass_percent: r.get::<i64, _>("pass_percent").clamp(0, 100) as u32,
            max_attempts: r.get::<i64, _>("max_attempts").max(1) as u32,
            question_count: r.get::<i64, _>("question_count").max(0) as u32,
            open: r.get::<i64, _>("open") == 1,
        },
    )
}

pub async fn bank(program_id: i64) -> Result<Bank, AppError> {
    let db = state()?.db;
    let head = editor_user(&db, program_id).await?.head;
    let modules = modules(&db, program_id).await?;
    let rows = sqlx::query(
        "SELECT q.id, q.kind, q.spec, q.module_id, q.retired_at, \
                (SELECT COUNT(*) FROM attempt_answer a WHERE a.question_id = q.id) AS answered, \
                (SELECT COUNT(*) FROM attempt_answer a \
                 WHERE a.question_id = q.id AND a.correct = 1) AS correct \
         FROM question q WHERE q.program_id = $1 ORDER BY q.id",
    )
    .bind(program_id)
    .fetch_all(&db.pool)
    .await?;
    let mut questions = Vec::with_capacity(rows.len());
    for r in &rows {
        questions.push(BankQuestion {
            id: r.get("id"),
            kind: QuestionKind::from_db(&r.get::<String, _>("kind")).ok_or(AppError::Internal)?,
            text: spec_of(r)?.text,
            module_id: r.get("module_id"),
            retired: r.get::<Option<i64>, _>("retired_at").is_some(),
            answered: r.get::<i64, _>("answered").max(0) as u32,
            correct: r.get::<i64, _>("correct").max(0) as u32,
        });
    }
    let quizzes = sqlx::query("SELECT * FROM quiz WHERE program_id = $1")
        .bind(program_id)
        .fetch_all(&db.pool)
        .await?;
    let active = |module: Option<i64>| {
        questions
            .iter()
            .filter(|q| !q.retired && (module.is_none() || q.module_id == module))
            .count() as u32
    };
    let setting = |kind: QuizKind, module: Option<(i64, String)>| {
        let row = quizzes.iter().find(|r| {
            r.get::<String, _>("kind") == kind.as_db()
                && r.get::<Option<i64>, _>("module_id") == module.as_ref().map(|m| m.0)
        });
        let s = settings_of(row, kind);
        QuizSettings {
            kind,
            module_id: module.as_ref().map_or(0, |m| m.0),
            available: active(module.as_ref().map(|m| m.0)),
            module_title: module.map(|m| m.1).unwrap_or_default(),
            pass_percent: s.pass_percent,
            max_attempts: s.max_attempts,
            question_count: s.question_count,
            open: s.open,
        }
    };
    let mut tests = vec![setting(QuizKind::Pre, None), setting(QuizKind::Post, None)];
    for m in &modules {
        if questions.iter().any(|q| q.module_id == Some(m.0)) {
            tests.push(setting(QuizKind::Module, Some(m.clone())));
        }
    }
    let mut groups: Vec<BankGroup> = std::iter::once((None, String::new()))
        .chain(modules.iter().map(|(id, t)| (Some(*id), t.clone())))
        .map(|(module_id, module_title)| {
            let questions: Vec<BankQuestion> = questions
                .iter()
                .filter(|q| q.module_id == module_id)
                .cloned()
                .collect();
            BankGroup {
                module_id,
                module_title,
                answered: questions.iter().map(|q| q.answered).sum(),
                correct: questions.iter().map(|q| q.correct).sum(),
                questions,
            }
        })
        .collect();
    groups.retain(|g| !g.questions.is_empty());
    Ok(Bank {
        program_id,
        program_title: head.info.title,
        groups,
        tests,
        modules,
    })
}

/// The module a form names (empty or 0: none), once it is one of the course's.
async fn module_of_form(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    program_id: i64,
    field: &str,
) -> Result<Option<i64>, AppError> {
    let field = field.trim();
    if field.is_empty() || field == "0" {
        return Ok(None);
    }
    let id: i64 = field.parse().map_err(|_| AppError::BadRequest)?;
    sqlx::query("SELECT id FROM course_module WHERE id = $1 AND program_id = $2")
        .bind(id)
        .bind(program_id)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::BadRequest)?;
    Ok(Some(id))
}

/// Where an import form came from.
pub struct ImportOrigin {
    pub program_id: i64,
}

/// Keeps a GIFT text (typed, or a file) for its preview; returns the import's id.
pub async fn check_import(data: MultipartData) -> (Option<ImportOrigin>, Result<i64, AppError>) {
    // Read to its end before any answer (see `jp::queries::record`).
    let form = match upload::read(data, "berkas", MAX_IMPORT_BYTES).await {
        Ok(form) => form,
        Err(e) => return (None, Err(e)),
    };
    let Ok(program_id) = form.id("program_id") else {
        return (None, Err(AppError::BadRequest));
    };
    let result = keep_import(program_id, &form).await;
    (Some(ImportOrigin { program_id }), result)
}

async fn keep_import(program_id: i64, form: &upload::Posted) -> Result<i64, AppError> {
    let db = state()?.db;
    let user = editor_user(&db, program_id).await?.user;
    let module_id = module_of_form(&db.pool, program_id, form.text("module_id")).await?;
    let text = if form.file.is_empty() {
        form.text("teks").to_owned()
    } else {
        if form.file.len() > MAX_IMPORT_BYTES {
            return Err(QuizError::ImportTooLong.into());
        }
        let bytes = form
            .file
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&form.file);
        String::from_utf8(bytes.to_vec()).map_err(|_| QuizError::ImportUnreadable)?
    };
    if text.len() > MAX_IMPORT_BYTES {
        return Err(QuizError::ImportTooLong.into());
    }
    let text = clean_text(&text, Lines::Many).map_err(QuizError::from)?;
    if gift::parse(&text).is_empty() {
        return Err(QuizError::ImportEmpty.into());
    }
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    if claim(
        &mut tx,
        user.account_id,
        "tes-impor",
        form.optional(FIELD),
        now,
    )
    .await?
        == Claim::Repeat
    {
        drop(tx);
        return newest_import(&db, program_id, user.account_id).await;
    }
    let id: i64 = sqlx::query(
        "INSERT INTO question_import (program_id, module_id, source, account_id, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(program_id)
    .bind(module_id)
    .bind(text)
    .bind(user.account_id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?
    .get("id");
    tx.commit().await?;
    Ok(id)
}

/// The import a repeated form kept the first time.
async fn newest_import(db: &Db, program_id: i64, account_id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query(
        "SELECT id FROM question_import WHERE program_id = $1 AND account_id = $2 \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(program_id)
    .bind(account_id)
    .fetch_one(&db.pool)
    .await?
    .get("id"))
}

struct KeptImport {
    module_id: Option<i64>,
    source: String,
    imported: bool,
}

/// An import of this course that the person asking kept.
async fn kept_import(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    program_id: i64,
    import_id: i64,
    user: &CurrentUser,
) -> Result<KeptImport, AppError> {
    let row = sqlx::query(
        "SELECT module_id, source, imported_at FROM question_import \
         WHERE id = $1 AND program_id = $2 AND account_id = $3",
    )
    .bind(import_id)
    .bind(program_id)
    .bind(user.account_id)
    .fetch_optional(db)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(KeptImport {
        module_id: row.get("module_id"),
        source: row.get("source"),
        imported: row.get::<Option<i64>, _>("imported_at").is_some(),
    })
}

pub async fn preview(program_id: i64, import_id: i64) -> Result<ImportPreview, AppError> {
    let db = state()?.db;
    let asking = editor_user(&db, program_id).await?;
    let kept = kept_import(&db.pool, program_id, import_id, &asking.user).await?;
    let module_title = match kept.module_id {
        Some(id) => Some(
            sqlx::query("SELECT title FROM course_module WHERE id = $1")
                .bind(id)
                .fetch_one(&db.pool)
                .await?
                .get("title"),
        ),
        None => None,
    };
    let mut questions = Vec::new();
    let mut problems = Vec::new();
    for (line, parsed) in gift::parse(&kept.source) {
        match parsed {
            Ok(spec) => questions.push(ImportedLine {
                line,
                kind: spec.answer.kind(),
                text: spec.text,
            }),
            Err(reason) => problems.push(ImportProblem { line, reason }),
        }
    }
    Ok(ImportPreview {
        program_id,
        program_title: asking.head.info.title,
        import_id,
        module_id: kept.module_id.unwrap_or(0),
        module_title,
        source: kept.source,
        questions,
        problems,
        imported: kept.imported,
    })
}

/// Saves an import's questions, all or none; returns how many. Saving it again saves
/// nothing.
pub async fn confirm_import(program_id: i64, import_id: i64) -> Result<usize, AppError> {
    let db = state()?.db;
    let user = editor_user(&db, program_id).await?.user;
    let mut tx = db.begin_write().await?;
    let kept = kept_import(&mut *tx, program_id, import_id, &user).await?;
    if kept.imported {
        return Err(QuizError::AlreadyImported.into());
    }
    let parsed = gift::parse(&kept.source);
    let specs: Vec<QuestionSpec> = parsed
        .into_iter()
        .map(|(_, q)| q)
        .collect::<Result<_, _>>()
        .map_err(|_| QuizError::ImportHasProblems)?;
    let now = unix_now();
    // Marked first: of two saves at once, the second finds it imported.
    let marked = sqlx::query(
        "UPDATE question_import SET imported_at = $1 WHERE id = $2 AND imported_at IS NULL",
    )
    .bind(now)
    .bind(import_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if marked != 1 {
        return Err(QuizError::AlreadyImported.into());
    }
    let held: i64 = sqlx::query("SELECT COUNT(*) AS n FROM question WHERE program_id = $1")
        .bind(program_id)
        .fetch_one(&mut *tx)
        .await?
        .get("n");
    if held as usize + specs.len() > MAX_BANK {
        return Err(QuizError::TooManyQuestions.into());
    }
    for spec in &specs {
        insert_question(&mut tx, program_id, kept.module_id, import_id, spec, now).await?;
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "question_import",
        &format!("program {program_id}: {} questions", specs.len()),
    )
    .await?;
    tx.commit().await?;
    Ok(specs.len())
}

async fn insert_question(
    tx: &mut Tx,
    program_id: i64,
    module_id: Option<i64>,
    import_id: i64,
    spec: &QuestionSpec,
    now: i64,
) -> Result<(), AppError> {
    let json = serde_json::to_string(spec).map_err(|_| AppError::Internal)?;
    sqlx::query(
        "INSERT INTO question (program_id, module_id, kind, spec, import_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(program_id)
    .bind(module_id)
    .bind(spec.answer.kind().as_db())
    .bind(json)
    .bind(import_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Withdraws a question from new attempts; its answers stay counted.
pub async fn retire(program_id: i64, question_id: i64) -> Result<(), AppError> {
    let db = state()?.db;
    let user = editor_user(&db, program_id).await?.user;
    let mut tx = db.begin_write().await?;
    let found = sqlx::query(
        "UPDATE question SET retired_at = COALESCE(retired_at, $1) \
         WHERE id = $2 AND program_id = $3",
    )
    .bind(unix_now())
    .bind(question_id)
    .bind(program_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if found != 1 {
        return Err(AppError::NotFound);
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "question_retire",
        &format!("program {program_id}, question {question_id}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How many questions a test draws from: the course's in use, or a module's.
pub(super) async fn questions_in_use(
    db: &Db,
    program_id: i64,
    module_id: Option<i64>,
) -> Result<u32, AppError> {
    let n: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM question WHERE program_id = $1 AND retired_at IS NULL \
         AND ($2 = 0 OR module_id = $2)",
    )
    .bind(program_id)
    .bind(module_id.unwrap_or(0))
    .fetch_one(&db.pool)
    .await?
    .get("n");
    Ok(n.max(0) as u32)
}

/// Saves a test's settings (`kind`: `pra`, `pasca` or `modul` with its module).
pub async fn save_settings(
    program_id: i64,
    kind: &str,
    module_id: i64,
    input: SettingsInput,
) -> Result<(), AppError> {
    let db = state()?.db;
    let user = editor_user(&db, program_id).await?.user;
    let kind = QuizKind::from_form(kind).ok_or(AppError::BadRequest)?;
    let valid = rules::validate_settings(&input)?;
    let module = match kind {
        QuizKind::Module => {
            module_of_form(&db.pool, program_id, &module_id.to_string())
                .await?
                .ok_or(AppError::BadRequest)?;
            Some(module_id)
        }
        _ => None,
    };
    let available = questions_in_use(&db, program_id, module).await?;
    if valid.open && available == 0 {
        return Err(QuizError::NoQuestions.into());
    }
    let now = unix_now();
    let mut tx = db.begin_write().await?;
    let updated = sqlx::query(
        "UPDATE quiz SET pass_percent = $1, max_attempts = $2, question_count = $3, open = $4, \
         updated_at = $5 WHERE program_id = $6 AND kind = $7 AND COALESCE(module_id, 0) = $8",
    )
    .bind(i64::from(valid.pass_percent))
    .bind(i64::from(valid.max_attempts))
    .bind(i64::from(valid.question_count))
    .bind(i64::from(valid.open))
    .bind(now)
    .bind(program_id)
    .bind(kind.as_db())
    .bind(module.unwrap_or(0))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated == 0 {
        sqlx::query(
            "INSERT INTO quiz (program_id, kind, module_id, pass_percent, max_attempts, \
             question_count, open, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(program_id)
        .bind(kind.as_db())
        .bind(module)
        .bind(i64::from(valid.pass_percent))
        .bind(i64::from(valid.max_attempts))
        .bind(i64::from(valid.question_count))
        .bind(i64::from(valid.open))
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    audit(
        &mut tx,
        Some(user.account_id),
        "quiz_settings",
        &format!("program {program_id}, {}", kind.as_db()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The course's questions in use as GIFT, grouped by module under a comment line, for
/// the course's facilitators and the admin.
pub async fn export(db: &Db, user: &CurrentUser, program_id: i64) -> Result<String, AppError> {
    course_head(&db.pool, program_id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(user, standing(db, program_id, user).await?.to_edit())?;
    let titles: HashMap<i64, String> = modules(db, program_id).await?.into_iter().collect();
    let rows = sqlx::query(
        "SELECT q.spec, q.module_id FROM question q \
         LEFT JOIN course_module m ON m.id = q.module_id \
         WHERE q.program_id = $1 AND q.retired_at IS NULL \
         ORDER BY COALESCE(m.position, 0), q.id",
    )
    .bind(program_id)
    .fetch_all(&db.pool)
    .await?;
    let mut out = String::new();
    let mut current: Option<Option<i64>> = None;
    for r in &rows {
        let module: Option<i64> = r.get("module_id");
        if current != Some(module) {
            let title = module.and_then(|m| titles.get(&m).cloned());
            out.push_str(&format!(
                "// {}\n\n",
                title.map_or_else(|| "Soal kursus".to_owned(), |t| format!("Modul: {t}"))
            ));
            current = Some(module);
        }
        out.push_str(&gift::write(&spec_of(r)?));
        out.push_str("\n\n");
    }
    Ok(out)
}
