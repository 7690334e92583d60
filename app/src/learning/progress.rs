//! A learner's progress in a module on the server (ssr only), the one writer of
//! `module_progress`: reading a module opens it, and a module is done either when its
//! learner marks it (`module/`) or when its SCORM package reports it (`scorm/`). Both end in
//! [`module_done`], inside the transaction that recorded the step, so that the course's
//! completion is checked the same way whichever way the module was done.

use sqlx::Row;

use super::queries::{CourseHead, complete_if_done};
use crate::{
    db::{Db, Tx},
    error::AppError,
    jp::JpRules,
};

/// A module's latest published revision: its id, number and the package it shows.
#[derive(Debug, Clone, Copy)]
pub struct Published {
    pub revision_id: i64,
    pub number: u32,
    pub package_id: Option<i64>,
}

/// The latest published revision of a module, `None` while it has only a draft.
pub async fn published(
    db: impl sqlx::Executor<'_, Database = sqlx::Any>,
    module_id: i64,
) -> Result<Option<Published>, AppError> {
    Ok(sqlx::query(
        "SELECT id, number, package_id FROM module_revision \
         WHERE module_id = $1 AND published_at IS NOT NULL ORDER BY number DESC LIMIT 1",
    )
    .bind(module_id)
    .fetch_optional(db)
    .await?
    .map(|r| Published {
        revision_id: r.get("id"),
        number: r.get::<i64, _>("number").max(0) as u32,
        package_id: r.get("package_id"),
    }))
}

/// Whether a package is one of the course's (a module may show only its own course's).
pub async fn package_in_course(
    db: &Db,
    program_id: i64,
    package_id: i64,
) -> Result<bool, AppError> {
    Ok(
        sqlx::query("SELECT 1 AS one FROM scorm_package WHERE id = $1 AND program_id = $2")
            .bind(package_id)
            .bind(program_id)
            .fetch_optional(&db.pool)
            .await?
            .is_some(),
    )
}

/// A learner's step in a module: read (the first read opens it), or done, with `seconds`
/// more spent in it.
pub struct Progress {
    pub employee_id: i64,
    pub module_id: i64,
    /// The revision read: the latest published one.
    pub revision_id: i64,
    pub done: bool,
    pub seconds: u32,
}

impl Progress {
    pub async fn record(&self, tx: &mut Tx, now: i64) -> Result<(), AppError> {
        let done = i64::from(self.done);
        let seconds = i64::from(self.seconds);
        let updated = sqlx::query(
            "UPDATE module_progress SET last_seen_at = $1, revision_id = $2, \
             done_at = CASE WHEN $3 = 1 THEN COALESCE(done_at, $1) ELSE done_at END, \
             seconds = seconds + $4 WHERE employee_id = $5 AND module_id = $6",
        )
        .bind(now)
        .bind(self.revision_id)
        .bind(done)
        .bind(seconds)
        .bind(self.employee_id)
        .bind(self.module_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if updated == 0 {
            sqlx::query(
                "INSERT INTO module_progress (employee_id, module_id, revision_id, opened_at, \
                 last_seen_at, done_at, seconds) \
                 VALUES ($1, $2, $3, $4, $4, CASE WHEN $5 = 1 THEN $4 END, $6)",
            )
            .bind(self.employee_id)
            .bind(self.module_id)
            .bind(self.revision_id)
            .bind(now)
            .bind(done)
            .bind(seconds)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}

/// Records a step and, when it finished a module, completes the course if its rule is now
/// met (after `hold_enrolment` in the same transaction).
pub async fn record_step(
    tx: &mut Tx,
    head: &CourseHead,
    step: &Progress,
    enrolment_id: i64,
    jp_rules: &JpRules,
    now: i64,
) -> Result<(), AppError> {
    step.record(tx, now).await?;
    if step.done {
        complete_if_done(tx, head, (step.employee_id, enrolment_id), jp_rules, now).await?;
    }
    Ok(())
}
