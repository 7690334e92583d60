//! The jp feature on the server (ssr only): who is asking, may they, and the SQL of
//! each step in one transaction.

use std::path::PathBuf;

use sqlx::{Row, any::AnyRow};

use super::{EntryToVerify, MyLedger};
use crate::error::AppError;
use crate::{
    auth::{
        CurrentUser, Permission, Scope, authorize,
        queries::{audit, require_user, state},
    },
    calendar::{IsoDate, this_year},
    db::{
        Db, Tx,
        idempotency::{Claim, claim},
        unix_now,
    },
    jp::{
        AmountUnit, DevPath, EntryStatus, EntryView, JpProgress, JpRules, LedgerError, jp_for,
        ledger::{
            EntryInput, EvidenceType, MAX_EVIDENCE_BYTES, Verdict, decide as decide_state,
            reject_reason, sniff_evidence, totals, validate_entry,
        },
    },
    notify::{NotificationKind, queries::notify},
};
use crate::{jp::VerifyDecision, upload, validation::FormValue};
use leptos::server_fn::codec::MultipartData;

const COLUMNS: &str = "j.id, j.path, j.title, j.organiser, j.starts_on, j.ends_on, j.amount, \
                       j.unit, j.jp, j.status, j.reason, j.evidence_file";

fn entry(r: &AnyRow) -> EntryView {
    EntryView {
        id: r.get("id"),
        path: DevPath::from_code(&r.get::<String, _>("path")).unwrap_or(DevPath::BelajarMandiri),
        title: r.get("title"),
        organiser: r.get("organiser"),
        starts_on: r.get("starts_on"),
        ends_on: r.get("ends_on"),
        amount: r.get::<i64, _>("amount").max(0) as u32,
        unit: AmountUnit::from_db(&r.get::<String, _>("unit")).unwrap_or(AmountUnit::Hours),
        jp: r.get::<i64, _>("jp").max(0) as u32,
        status: EntryStatus::from_db(&r.get::<String, _>("status"))
            .unwrap_or(EntryStatus::Recorded),
        reason: r.get("reason"),
        has_evidence: r.get::<Option<String>, _>("evidence_file").is_some(),
    }
}

/// Verified and pending JP of one employee in one year.
pub async fn progress(
    db: &Db,
    employee_id: i64,
    year: i32,
    target: u32,
) -> Result<JpProgress, AppError> {
    let rows = sqlx::query(
        "SELECT status, CAST(SUM(jp) AS BIGINT) AS jp FROM jp_entry \
         WHERE employee_id = $1 AND year = $2 GROUP BY status",
    )
    .bind(employee_id)
    .bind(i64::from(year))
    .fetch_all(&db.pool)
    .await?;
    let (verified, pending) = totals(rows.iter().filter_map(|r| {
        let status = EntryStatus::from_db(&r.get::<String, _>("status"))?;
        Some((status, r.get::<i64, _>("jp").max(0) as u32))
    }));
    Ok(JpProgress {
        year,
        target,
        verified,
        pending,
    })
}

pub async fn my_ledger(year: Option<i32>) -> Result<MyLedger, AppError> {
    let user = require_user().await?;
    let state = state()?;
    let year = year.unwrap_or_else(|| this_year(unix_now()));
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM jp_entry j WHERE j.employee_id = $1 AND j.year = $2 \
         ORDER BY j.ends_on DESC, j.id DESC"
    ))
    .bind(user.employee_id)
    .bind(i64::from(year))
    .fetch_all(&state.db.pool)
    .await?;
    Ok(MyLedger {
        progress: progress(
            &state.db,
            user.employee_id,
            year,
            state.settings.jp_yearly_target,
        )
        .await?,
        entries: rows.iter().map(entry).collect(),
        today: IsoDate::from_unix_wita(unix_now()).to_string(),
    })
}

/// The entry form's fields and its evidence file.
async fn read_form(data: MultipartData) -> Result<(EntryInput, Vec<u8>, Option<String>), AppError> {
    let form = upload::read(data, "bukti", MAX_EVIDENCE_BYTES).await?;
    let input = EntryInput {
        path: form.text("path").to_owned(),
        title: form.text("title").to_owned(),
        organiser: form.text("organiser").to_owned(),
        starts_on: form.text("starts_on").to_owned(),
        ends_on: form.text("ends_on").to_owned(),
        amount: form.text("amount").to_owned(),
        unit: form.text("unit").to_owned(),
        international: !form.text("international").is_empty(),
    };
    let key = form
        .optional(crate::db::idempotency::FIELD)
        .map(str::to_owned);
    Ok((input, form.file, key))
}

fn evidence_path(dir: &str, name: &str) -> PathBuf {
    PathBuf::from(dir).join(name)
}

pub async fn record(data: MultipartData) -> Result<(), AppError> {
    // The upload is read to its end (within the body limit) before any answer: a refusal sent
    // while the browser is still sending is a connection reset to it, not the 401 or 422.
    let form = read_form(data).await;
    let user = require_user().await?;
    let state = state()?;
    let (input, file, key) = form?;
    let today = IsoDate::from_unix_wita(unix_now());
    let entry = validate_entry(
        &input,
        &JpRules::with_minutes(state.settings.jp_minutes),
        today,
    )?;
    let kind = sniff_evidence(&file)?;

    // The file is written first under a random name outside the web root; if the
    // database refuses the entry the file is removed, so a failed request leaves nothing.
    let dir = state.settings.evidence_dir.clone();
    let name = format!("{}.{}", uuid::Uuid::new_v4().simple(), kind.extension());
    let path = evidence_path(&dir, &name);
    tokio::fs::create_dir_all(&dir).await.map_err(|e| {
        tracing::error!(error = %e, "evidence folder");
        AppError::Internal
    })?;
    tokio::fs::write(&path, &file).await.map_err(|e| {
        tracing::error!(error = %e, "evidence write");
        AppError::Internal
    })?;
    let result = insert_entry(&state.db, &user, &entry, &name, kind, key.as_deref()).await;
    if !matches!(result, Ok(Claim::First)) {
        let _ = tokio::fs::remove_file(&path).await;
    }
    result.map(|_| ())
}

async fn insert_entry(
    db: &Db,
    user: &CurrentUser,
    entry: &super::ledger::ValidEntry,
    file_name: &str,
    kind: EvidenceType,
    key: Option<&str>,
) -> Result<Claim, AppError> {
    let mut tx = db.begin_write().await?;
    if claim(&mut tx, user.account_id, "jp-catat", key, unix_now()).await? == Claim::Repeat {
        return Ok(Claim::Repeat);
    }
    sqlx::query(
        "INSERT INTO jp_entry (employee_id, year, path, title, organiser, starts_on, ends_on, \
         amount, unit, jp, status, reason, evidence_file, evidence_type, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'recorded', '', $11, $12, $13)",
    )
    .bind(user.employee_id)
    .bind(i64::from(entry.year))
    .bind(entry.path.code())
    .bind(entry.title.clone())
    .bind(entry.organiser.clone())
    .bind(entry.starts_on.to_string())
    .bind(entry.ends_on.to_string())
    .bind(i64::from(entry.amount))
    .bind(entry.unit.as_db())
    .bind(i64::from(entry.jp))
    .bind(file_name.to_owned())
    .bind(kind.mime())
    .bind(unix_now())
    .execute(&mut *tx)
    .await?;
    audit(&mut tx, Some(user.account_id), "jp_record", &entry.title).await?;
    tx.commit().await?;
    Ok(Claim::First)
}

/// An activity that whoever led it has already confirmed (the mentor of a mentoring
/// session, the facilitator of a course completed): it enters the ledger verified.
pub struct EarnedActivity {
    pub employee_id: i64,
    pub path: DevPath,
    pub title: String,
    pub organiser: String,
    pub held_on: IsoDate,
    pub amount: u32,
    pub unit: AmountUnit,
    /// The employee who confirmed it, whose word makes it verified; `None` when a rule
    /// sends it to a verifier instead (it is then recorded, as an entry typed in is).
    pub verified_by: Option<i64>,
    /// The JP the activity states itself (a course of the catalog has its own); `None`:
    /// the conversion rules give them.
    pub jp: Option<u32>,
}

/// Writes an activity another feature confirmed into the ledger, inside the caller's
/// transaction, with its JP from this deployment's conversion rules; returns the entry's
/// id. Every feature that earns JP writes them here: the ledger is the only writer of
/// `jp_entry`.
pub async fn record_earned(
    tx: &mut Tx,
    rules: &JpRules,
    activity: &EarnedActivity,
    now: i64,
) -> Result<i64, AppError> {
    let jp = match activity.jp.filter(|jp| *jp > 0) {
        Some(jp) => jp,
        None => jp_for(rules, activity.path, activity.unit, activity.amount, false)
            .map_err(|_| AppError::Internal)?,
    };
    let held_on = activity.held_on.to_string();
    Ok(sqlx::query(
        "INSERT INTO jp_entry (employee_id, year, path, title, organiser, starts_on, \
         ends_on, amount, unit, jp, status, verified_by, verified_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, $13) \
         RETURNING id",
    )
    .bind(activity.employee_id)
    .bind(i64::from(activity.held_on.year))
    .bind(activity.path.code())
    .bind(activity.title.clone())
    .bind(activity.organiser.clone())
    .bind(held_on)
    .bind(i64::from(activity.amount))
    .bind(activity.unit.as_db())
    .bind(i64::from(jp))
    .bind(if activity.verified_by.is_some() {
        EntryStatus::Verified.as_db()
    } else {
        EntryStatus::Recorded.as_db()
    })
    .bind(activity.verified_by)
    .bind(activity.verified_by.map(|_| now))
    .bind(now)
    .fetch_one(&mut **tx)
    .await?
    .try_get("id")?)
}

pub async fn queue() -> Result<Vec<EntryToVerify>, AppError> {
    let user = require_user().await?;
    // The admin verifies everywhere, a pengelola OPD in their OPD; nobody their own entries.
    let scope = Scope::managed(&user).ok_or(AppError::Forbidden)?;
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, e.name AS employee_name, e.nip, o.name AS opd_name FROM jp_entry j \
         JOIN employee e ON e.id = j.employee_id JOIN opd o ON o.id = e.opd_id \
         WHERE j.status = 'recorded' AND ($1 = 0 OR e.opd_id = $1) AND j.employee_id <> $2 \
         ORDER BY j.created_at DESC, j.id DESC LIMIT 100"
    ))
    .bind(scope.sql_opd())
    .bind(user.employee_id)
    .fetch_all(&state()?.db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| EntryToVerify {
            entry: entry(r),
            employee_name: r.get("employee_name"),
            nip: r.get("nip"),
            opd_name: r.get("opd_name"),
        })
        .collect())
}

/// The owner and OPD of an entry.
async fn owner_of(tx: &mut Tx, entry_id: i64) -> Result<(i64, i64, EntryStatus, String), AppError> {
    let row = sqlx::query(
        "SELECT j.employee_id, e.opd_id, j.status, j.title FROM jp_entry j \
         JOIN employee e ON e.id = j.employee_id WHERE j.id = $1",
    )
    .bind(entry_id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok((
        row.get("employee_id"),
        row.get("opd_id"),
        EntryStatus::from_db(&row.get::<String, _>("status")).unwrap_or(EntryStatus::Recorded),
        row.get("title"),
    ))
}

pub async fn decide(entry_id: i64, decision: &str, reason: &str) -> Result<(), AppError> {
    let user = require_user().await?;
    let verdict = match VerifyDecision::from_form(decision) {
        Some(VerifyDecision::Verify) => Verdict::Verify,
        Some(VerifyDecision::Reject) => Verdict::Reject {
            reason: reject_reason(reason)?,
        },
        None => return Err(AppError::Ledger(LedgerError::AlreadyDecided)),
    };
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    let (owner, opd_id, status, title) = owner_of(&mut tx, entry_id).await?;
    authorize(&user, Permission::VerifyJp { opd_id, owner })?;
    let new_status = decide_state(status, &verdict)?;
    let reason = match &verdict {
        Verdict::Reject { reason } => reason.clone(),
        Verdict::Verify => String::new(),
    };
    // The status in the WHERE clause makes two verifiers deciding at once safe: the
    // second update changes nothing and is refused.
    let changed = sqlx::query(
        "UPDATE jp_entry SET status = $1, reason = $2, verified_by = $3, verified_at = $4 \
         WHERE id = $5 AND status = 'recorded'",
    )
    .bind(new_status.as_db())
    .bind(reason)
    .bind(user.employee_id)
    .bind(unix_now())
    .bind(entry_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed != 1 {
        return Err(AppError::Ledger(LedgerError::AlreadyDecided));
    }
    let kind = if new_status == EntryStatus::Verified {
        NotificationKind::JpVerified
    } else {
        NotificationKind::JpRejected
    };
    notify(&mut tx, owner, kind, &user.name, "/jp").await?;
    audit(&mut tx, Some(user.account_id), new_status.as_db(), &title).await?;
    tx.commit().await?;
    Ok(())
}

/// The evidence of an entry, for its owner and for whoever may verify it.
pub async fn evidence(
    db: &Db,
    dir: &str,
    user: &CurrentUser,
    entry_id: i64,
) -> Result<(EvidenceType, Vec<u8>), AppError> {
    let row = sqlx::query(
        "SELECT j.employee_id, e.opd_id, j.evidence_file, j.evidence_type FROM jp_entry j \
         JOIN employee e ON e.id = j.employee_id WHERE j.id = $1",
    )
    .bind(entry_id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let (owner, opd_id): (i64, i64) = (row.get("employee_id"), row.get("opd_id"));
    authorize(user, Permission::ViewEvidence { owner, opd_id })?;
    let (Some(file), Some(mime)) = (
        row.get::<Option<String>, _>("evidence_file"),
        row.get::<Option<String>, _>("evidence_type"),
    ) else {
        return Err(AppError::NotFound);
    };
    let kind = EvidenceType::from_mime(&mime).ok_or(AppError::NotFound)?;
    // Names are ours (a UUID and an extension), never the uploader's; refuse anything
    // else rather than follow it.
    if file.contains('/') || file.contains("..") {
        return Err(AppError::NotFound);
    }
    let bytes = tokio::fs::read(evidence_path(dir, &file))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "evidence read");
            AppError::NotFound
        })?;
    Ok((kind, bytes))
}
