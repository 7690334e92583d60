//! Server only: the I/O of login throttling (the rules are pure, in `throttle.rs`). An
//! attempt is reserved as a failure before its password is checked, password hashing runs
//! a few at a time, and a device the account logged in from before is recognised by a
//! cookie.

use std::{sync::OnceLock, time::Duration};

use leptos::prelude::*;
use sha2::{Digest, Sha256};
use sqlx::Row;
use tokio::sync::{Semaphore, SemaphorePermit};

use super::throttle::{self, CEILING_WINDOW_SECS, Failures, ThrottlePolicy};
use crate::{
    db::{Db, DbKind, Tx},
    error::AppError,
    org::nip::Nip,
};

/// The cookie that marks a device the account has logged in from. Sent only to the login
/// server function.
const DEVICE_COOKIE: &str = "bina_perangkat";
const DEVICE_COOKIE_PATH: &str = "/api/masuk";
/// A device not used to log in for this long (90 days) is a stranger again.
const DEVICE_SECS: i64 = 90 * 24 * 60 * 60;
/// How long an attempt waits for a free hashing slot before it is refused as busy.
const HASHING_WAIT: Duration = Duration::from_secs(2);
/// The PostgreSQL advisory lock that serialises reservations across server processes (on
/// SQLite, `BEGIN IMMEDIATE` already does).
const RESERVATION_LOCK: i64 = 0x6269_6e61_6c6f_6769; // "binalogi"

/// Password hashes checked or made at once at most: one per core. An Argon2 hash takes
/// about 19 MB and a core's worth of time; more at once only queue inside the CPU and
/// multiply the memory.
fn hashing_slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS
        .get_or_init(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())))
}

/// A slot to hash a password in, or `Busy` when none frees up in a moment.
pub async fn hashing_permit() -> Result<SemaphorePermit<'static>, AppError> {
    match tokio::time::timeout(HASHING_WAIT, hashing_slots().acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        _ => Err(AppError::Busy),
    }
}

/// The client's address: the socket peer, or, behind `hops` trusted proxies, the address
/// the outermost of them saw (see [`forwarded_client`]).
pub async fn client_address(hops: usize) -> String {
    if hops > 0
        && let Some(parts) = use_context::<axum::http::request::Parts>()
    {
        let forwarded: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        if let Some(address) = forwarded_client(&forwarded.join(","), hops) {
            return address;
        }
    }
    leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .await
        .map_or_else(
            |_| "unknown".to_owned(),
            |axum::extract::ConnectInfo(addr)| addr.ip().to_string(),
        )
}

/// The client's address in an `X-Forwarded-For` list behind `hops` trusted proxies: each
/// proxy appends the address it saw, so the entry `hops` from the right is the one the
/// outermost trusted proxy wrote; everything left of it the client may have made up. A
/// list shorter than that came through fewer proxies: its left-most entry is the client.
pub fn forwarded_client(list: &str, hops: usize) -> Option<String> {
    let entries: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    let index = entries.len().saturating_sub(hops);
    entries.get(index).map(|e| (*e).to_owned())
}

/// The device an attempt comes from: the token of its cookie with its stored hash, and
/// whether the account it names has logged in from it within [`DEVICE_SECS`].
pub struct Device {
    token: Option<(String, String)>,
    pub known: bool,
}

fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Device {
    pub async fn of_request(db: &Db, nip: &Nip, now: i64) -> Result<Device, AppError> {
        let token = use_context::<axum::http::request::Parts>().and_then(|parts| {
            parts
                .headers
                .get_all(axum::http::header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(';'))
                .find_map(|c| c.trim().strip_prefix(&format!("{DEVICE_COOKIE}=")))
                .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
                .map(str::to_owned)
        });
        let Some(token) = token else {
            return Ok(Device {
                token: None,
                known: false,
            });
        };
        let hash = hash_token(&token);
        let known = sqlx::query(
            "SELECT 1 AS known FROM known_device d \
             JOIN account a ON a.id = d.account_id JOIN employee e ON e.id = a.employee_id \
             WHERE d.token_hash = $1 AND e.nip = $2 AND d.last_login_at > $3",
        )
        .bind(hash.clone())
        .bind(nip.as_str().to_owned())
        .bind(now - DEVICE_SECS)
        .fetch_optional(&db.pool)
        .await?
        .is_some();
        Ok(Device {
            token: Some((token, hash)),
            known,
        })
    }

    /// Records a successful login from this device inside the login's transaction, and
    /// returns the token its cookie is to carry (a new one for a device seen the first time).
    pub async fn remember(
        &self,
        tx: &mut Tx,
        account_id: i64,
        now: i64,
    ) -> Result<String, AppError> {
        let (token, hash) = match (&self.token, self.known) {
            (Some(known), true) => known.clone(),
            _ => {
                let token = format!(
                    "{}{}",
                    uuid::Uuid::new_v4().simple(),
                    uuid::Uuid::new_v4().simple()
                );
                let hash = hash_token(&token);
                (token, hash)
            }
        };
        sqlx::query("DELETE FROM known_device WHERE token_hash = $1 OR last_login_at < $2")
            .bind(hash.clone())
            .bind(now - DEVICE_SECS)
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "INSERT INTO known_device (token_hash, account_id, last_login_at) VALUES ($1, $2, $3)",
        )
        .bind(hash)
        .bind(account_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        Ok(token)
    }
}

/// Sends the device cookie with the login's response.
pub fn set_device_cookie(token: &str, secure: bool) {
    let secure = if secure { "; Secure" } else { "" };
    let cookie = format!(
        "{DEVICE_COOKIE}={token}; Path={DEVICE_COOKIE_PATH}; Max-Age={DEVICE_SECS}; HttpOnly; \
         SameSite=Lax{secure}"
    );
    if let (Some(res), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::HeaderValue::from_str(&cookie),
    ) {
        res.append_header(axum::http::header::SET_COOKIE, value);
    }
}

/// An attempt counted as a failure before its password is checked.
pub struct Reservation {
    ids: Vec<i64>,
    pair_subject: String,
}

/// Counts an attempt, or refuses it with the wait when a limit is reached. The count and
/// the insert are one serialised transaction, so parallel attempts cannot all see room.
pub async fn reserve(
    db: &Db,
    policy: &ThrottlePolicy,
    nip: &Nip,
    address: &str,
    device: &Device,
    now: i64,
) -> Result<Reservation, AppError> {
    let pair_subject = match (&device.token, device.known) {
        (Some((_, hash)), true) => format!("device:{hash}"),
        _ => format!("pair:{nip}@{address}"),
    };
    let address_subject = format!("addr:{address}");
    let account_subject = format!("nip:{nip}");

    let mut tx = db.begin_write().await?;
    if db.kind == DbKind::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(RESERVATION_LOCK)
            .execute(&mut *tx)
            .await?;
    }
    let failures = Failures {
        pair: failures_since(&mut tx, &pair_subject, now - policy.window_secs).await?,
        address: failures_since(&mut tx, &address_subject, now - policy.window_secs).await?,
        account: if device.known {
            None
        } else {
            Some(failures_since(&mut tx, &account_subject, now - CEILING_WINDOW_SECS).await?)
        },
    };
    if let Some(wait) = policy.wait(&failures, now) {
        tx.rollback().await?;
        tracing::info!(subject = %pair_subject, "login throttled");
        return Err(AppError::Throttled {
            retry_after_minutes: throttle::minutes_to_wait(wait),
        });
    }
    let mut subjects = vec![&pair_subject, &address_subject];
    if !device.known {
        subjects.push(&account_subject);
    }
    let mut ids = Vec::new();
    for subject in subjects {
        let row =
            sqlx::query("INSERT INTO login_failure (subject, at) VALUES ($1, $2) RETURNING id")
                .bind(subject.clone())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
        ids.push(row.get::<i64, _>("id"));
    }
    // Forget failures that can no longer matter, so the table stays small.
    sqlx::query("DELETE FROM login_failure WHERE at < $1")
        .bind(now - 2 * CEILING_WINDOW_SECS.max(policy.window_secs))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Reservation { ids, pair_subject })
}

async fn failures_since(tx: &mut Tx, subject: &str, since: i64) -> Result<Vec<i64>, AppError> {
    let rows = sqlx::query("SELECT at FROM login_failure WHERE subject = $1 AND at > $2")
        .bind(subject.to_owned())
        .bind(since)
        .fetch_all(&mut **tx)
        .await?;
    Ok(rows.iter().map(|r| r.get::<i64, _>("at")).collect())
}

impl Reservation {
    /// The attempt was not checked after all (no hashing slot): it does not count.
    pub async fn release(self, db: &Db) -> Result<(), AppError> {
        let mut tx = db.begin_write().await?;
        self.delete_own(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The attempt succeeded, inside the login's transaction: it does not count, and the
    /// earlier failures from this place are forgiven.
    pub async fn succeeded(self, tx: &mut Tx) -> Result<(), AppError> {
        self.delete_own(tx).await?;
        sqlx::query("DELETE FROM login_failure WHERE subject = $1")
            .bind(self.pair_subject.clone())
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    async fn delete_own(&self, tx: &mut Tx) -> Result<(), AppError> {
        for id in &self.ids {
            sqlx::query("DELETE FROM login_failure WHERE id = $1")
                .bind(*id)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::forwarded_client;

    #[test]
    fn the_trusted_proxy_entry_is_taken_not_the_clients() {
        // The client wrote "6.6.6.6"; the proxy appended the address it saw.
        assert_eq!(
            forwarded_client("6.6.6.6, 10.1.2.3", 1).as_deref(),
            Some("10.1.2.3")
        );
        assert_eq!(
            forwarded_client("6.6.6.6, 10.1.2.3, 172.16.0.1", 2).as_deref(),
            Some("10.1.2.3")
        );
        // Fewer entries than proxies: the request came in through an inner one.
        assert_eq!(forwarded_client("10.1.2.3", 2).as_deref(), Some("10.1.2.3"));
        assert_eq!(forwarded_client(" , ", 1), None);
    }
}
