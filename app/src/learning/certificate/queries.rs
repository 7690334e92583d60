//! Certificates on the server: issuing one in the transaction that completes a course, the
//! public check of a code (rate-limited per client address), the learner's own, the admin's
//! list and revocation, and what a PDF prints. The one owner of the `certificate` table.

use std::{num::NonZeroU32, sync::Arc};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use leptos::prelude::use_context;
use sqlx::{Row, any::AnyRow};

use super::{
    model::{
        CertificateCheck, CertificateDocument, CertificateFace, CertificateList, CertificateRow,
        MyCertificate,
    },
    pdf::Issuer,
    rules::{self, CODE_BYTES, CertificateError, PAGE},
};
use crate::{
    auth::{
        CurrentUser, Permission,
        attempts::client_address,
        authorize,
        queries::{audit, require_admin, require_user, state},
    },
    calendar::IsoDate,
    catalog::ProgramMode,
    db::{Db, Tx, like_pattern, unix_now},
    error::AppError,
    learning::CourseInfo,
    settings::Settings,
};

/// The public checks of codes each client address may make per minute (a guesser's budget;
/// a person checking a few certificates never meets it). Given to every request as context.
pub struct CertificateLookups(DefaultKeyedRateLimiter<String>);

impl CertificateLookups {
    pub fn new(per_minute: u32) -> Arc<CertificateLookups> {
        let quota =
            Quota::per_minute(NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN));
        Arc::new(CertificateLookups(RateLimiter::keyed(quota)))
    }

    /// Whether `address` may check one more code now.
    fn allow(&self, address: &str) -> bool {
        // Addresses whose budget is full again are forgotten once many are held, so the
        // map cannot grow without end.
        if self.0.len() > MAX_ADDRESSES {
            self.0.retain_recent();
        }
        self.0.check_key(&address.to_owned()).is_ok()
    }
}

const MAX_ADDRESSES: usize = 10_000;

impl std::fmt::Debug for CertificateLookups {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CertificateLookups")
    }
}

/// Issues the certificate of an enrolment completed in this transaction: what it prints is
/// read now and kept; its code comes from the operating system's random source. Called
/// once per completion (`learning::queries::complete_if_done`); the table's unique
/// enrolment makes a second call a no-op.
pub async fn issue(
    tx: &mut Tx,
    enrolment_id: i64,
    course: &CourseInfo,
    now: i64,
) -> Result<(), AppError> {
    let row = sqlx::query(
        "SELECT e.employee_id, e.program_id, e.applied_at, p.name, p.nip \
         FROM enrolment e JOIN employee p ON p.id = e.employee_id WHERE e.id = $1",
    )
    .bind(enrolment_id)
    .fetch_one(&mut **tx)
    .await?;
    let started = IsoDate::from_unix_wita(row.get("applied_at")).to_string();
    let completed = IsoDate::from_unix_wita(now).to_string();
    // A code already taken (one chance in 2^80 per certificate) draws again.
    for _ in 0..3 {
        let code = new_code()?;
        let written = sqlx::query(
            "INSERT INTO certificate (code, enrolment_id, employee_id, program_id, holder_name, \
                 holder_nip, program_title, organiser, mode, jp, started_on, completed_on, \
                 issued_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
             ON CONFLICT DO NOTHING",
        )
        .bind(&code)
        .bind(enrolment_id)
        .bind(row.get::<i64, _>("employee_id"))
        .bind(row.get::<i64, _>("program_id"))
        .bind(row.get::<String, _>("name"))
        .bind(row.get::<String, _>("nip"))
        .bind(course.title.clone())
        .bind(course.organiser.clone())
        .bind(course.mode.as_db())
        .bind(i64::from(course.jp))
        .bind(&started)
        .bind(&completed)
        .bind(now)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if written == 1 {
            return Ok(());
        }
        // Nothing written: the enrolment has its certificate already, or the code was taken.
        let issued = sqlx::query("SELECT 1 FROM certificate WHERE enrolment_id = $1")
            .bind(enrolment_id)
            .fetch_optional(&mut **tx)
            .await?;
        if issued.is_some() {
            return Ok(());
        }
    }
    tracing::error!(enrolment_id, "no free certificate code in three draws");
    Err(AppError::Internal)
}

fn new_code() -> Result<String, AppError> {
    let mut bytes = [0u8; CODE_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| {
        tracing::error!(error = %e, "the operating system's random source failed");
        AppError::Internal
    })?;
    Ok(rules::code_from_bytes(bytes))
}

/// The public check of a typed code: anyone, no login, within the address's budget.
pub async fn check(typed: String) -> Result<CertificateCheck, AppError> {
    let state = state()?;
    let lookups = use_context::<Arc<CertificateLookups>>().ok_or_else(|| {
        tracing::error!("CertificateLookups missing from the Leptos context");
        AppError::Internal
    })?;
    let address = client_address(state.settings.proxy_hops).await;
    if !lookups.allow(&address) {
        return Err(AppError::Throttled {
            retry_after_minutes: 1,
        });
    }
    let Some(code) = rules::normalize_code(&typed) else {
        return Ok(CertificateCheck::Unknown);
    };
    let row = sqlx::query(
        "SELECT code, holder_name, program_title, jp, completed_on, revoked_at \
         FROM certificate WHERE code = $1",
    )
    .bind(&code)
    .fetch_optional(&state.db.pool)
    .await?;
    Ok(match row {
        None => CertificateCheck::Unknown,
        Some(r) => {
            let face = CertificateFace {
                code: r.get("code"),
                holder_name: r.get("holder_name"),
                program_title: r.get("program_title"),
                jp: r.get::<i64, _>("jp").max(0) as u32,
                completed_on: r.get("completed_on"),
            };
            match r.get::<Option<i64>, _>("revoked_at") {
                None => CertificateCheck::Valid(face),
                Some(at) => CertificateCheck::Revoked {
                    face,
                    revoked_on: IsoDate::from_unix_wita(at).to_string(),
                },
            }
        }
    })
}

/// The logged-in person's certificate of one course, if any.
pub async fn mine(program_id: i64) -> Result<Option<MyCertificate>, AppError> {
    let user = require_user().await?;
    let db = state()?.db;
    Ok(sqlx::query(
        "SELECT code, revoked_at FROM certificate WHERE program_id = $1 AND employee_id = $2",
    )
    .bind(program_id)
    .bind(user.employee_id)
    .fetch_optional(&db.pool)
    .await?
    .map(|r| MyCertificate {
        code: r.get("code"),
        revoked: r.get::<Option<i64>, _>("revoked_at").is_some(),
    }))
}

/// The admin's list: certificates whose code, holder's name or NIP, or program holds
/// `search` (all when empty), newest first, one page.
pub async fn list(search: String, page: u32) -> Result<CertificateList, AppError> {
    require_admin().await?;
    let db = state()?.db;
    let search = search.trim().to_lowercase();
    let pattern = like_pattern(&search);
    let filter = "($1 = '' OR LOWER(code) LIKE $2 ESCAPE '\\' OR LOWER(holder_name) LIKE $2 \
                  ESCAPE '\\' OR holder_nip LIKE $2 ESCAPE '\\' \
                  OR LOWER(program_title) LIKE $2 ESCAPE '\\')";
    let total: i64 = sqlx::query(&format!(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM certificate WHERE {filter}"
    ))
    .bind(&search)
    .bind(&pattern)
    .fetch_one(&db.pool)
    .await?
    .get("n");
    let rows = sqlx::query(&format!(
        "SELECT id, code, holder_name, holder_nip, program_title, jp, completed_on, \
                revoked_at, revoke_reason \
         FROM certificate WHERE {filter} ORDER BY issued_at DESC, id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(&search)
    .bind(&pattern)
    .bind(i64::from(PAGE))
    .bind(i64::from(page.min(10_000)) * i64::from(PAGE))
    .fetch_all(&db.pool)
    .await?;
    Ok(CertificateList {
        rows: rows.iter().map(list_row).collect(),
        total: total.max(0) as u32,
    })
}

fn list_row(r: &AnyRow) -> CertificateRow {
    let revoked_at: Option<i64> = r.get("revoked_at");
    CertificateRow {
        id: r.get("id"),
        code: r.get("code"),
        holder_name: r.get("holder_name"),
        holder_nip: r.get("holder_nip"),
        program_title: r.get("program_title"),
        jp: r.get::<i64, _>("jp").max(0) as u32,
        completed_on: r.get("completed_on"),
        revoked: revoked_at.map(|at| {
            (
                r.get::<Option<String>, _>("revoke_reason")
                    .unwrap_or_default(),
                IsoDate::from_unix_wita(at).to_string(),
            )
        }),
    }
}

/// Revokes a certificate with a reason (the admin): the verification page then says it is
/// revoked, and its PDF is no longer handed out. Its JP entry is the ledger's business.
pub async fn revoke(certificate_id: i64, reason: String) -> Result<(), AppError> {
    let user = require_admin().await?;
    let reason = rules::check_reason(&reason)?;
    let db = state()?.db;
    let mut tx = db.begin_write().await?;
    let revoked: Option<Option<i64>> =
        sqlx::query("SELECT revoked_at FROM certificate WHERE id = $1")
            .bind(certificate_id)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.get("revoked_at"));
    match revoked {
        None => return Err(AppError::NotFound),
        Some(Some(_)) => return Err(CertificateError::AlreadyRevoked.into()),
        Some(None) => {}
    }
    sqlx::query(
        "UPDATE certificate SET revoked_at = $1, revoked_by = $2, revoke_reason = $3 \
         WHERE id = $4 AND revoked_at IS NULL",
    )
    .bind(unix_now())
    .bind(user.employee_id)
    .bind(&reason)
    .bind(certificate_id)
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "certificate_revoke",
        &format!("certificate {certificate_id}: {reason}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What the PDF of certificate `code` prints, for its holder or the admin; a revoked
/// certificate is not handed out (`AlreadyRevoked`).
pub async fn document(
    db: &Db,
    user: &CurrentUser,
    code: &str,
) -> Result<CertificateDocument, AppError> {
    let code = rules::normalize_code(code).ok_or(AppError::NotFound)?;
    let row = sqlx::query(
        "SELECT code, employee_id, holder_name, holder_nip, program_title, organiser, mode, \
                jp, started_on, completed_on, revoked_at FROM certificate WHERE code = $1",
    )
    .bind(&code)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let holder: i64 = row.get("employee_id");
    // Someone else's code answers as an unknown one: the PDF's NIP is the holder's business.
    authorize(user, Permission::DownloadCertificate { holder }).map_err(|_| AppError::NotFound)?;
    if row.get::<Option<i64>, _>("revoked_at").is_some() {
        return Err(CertificateError::AlreadyRevoked.into());
    }
    Ok(CertificateDocument {
        code: row.get("code"),
        holder_name: row.get("holder_name"),
        holder_nip: row.get("holder_nip"),
        program_title: row.get("program_title"),
        organiser: row.get("organiser"),
        mode: ProgramMode::from_db(&row.get::<String, _>("mode")),
        jp: row.get::<i64, _>("jp").max(0) as u32,
        started_on: row.get("started_on"),
        completed_on: row.get("completed_on"),
    })
}

/// Who issues and signs, from the deployment's settings.
pub fn issuer(settings: &Settings) -> Issuer {
    Issuer {
        government: settings.certificate_government.clone(),
        signer_title: settings.certificate_signer_title.clone(),
        signer_name: settings.certificate_signer_name.clone(),
        public_url: settings.public_url.clone(),
        place: settings.certificate_place.clone(),
    }
}
