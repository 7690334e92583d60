//! A create form sent twice (a double tap, a resend after a slow link timed out) creates
//! once. Each create form carries the key its page was rendered with (`ui::FormKey`: the
//! page's CSP nonce, new on every render and left out of the page's entity tag, so pages
//! still revalidate with a 304); the create's transaction claims (account, form, key)
//! before it writes. The second claim of a key finds it taken (SQLite serialises writers;
//! on PostgreSQL the second insert waits for the first transaction and then collides), and
//! the request answers as the first did without writing again.
//!
//! A call without a key (a script, the tests) is not protected; every form of a page sends
//! one.

use super::{Tx, is_unique_violation};
use crate::error::AppError;

/// The form field of the key.
pub const FIELD: &str = "kunci";
/// Keys are kept this long: a resend comes within minutes, not days.
const KEPT_SECS: i64 = 2 * 24 * 60 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// The first time: go ahead and create.
    First,
    /// Sent before: create nothing, answer as before.
    Repeat,
}

/// What a key may look like: a nonce is base64 or hex, at most 64 characters.
pub fn well_formed(key: &str) -> bool {
    (1..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'/' | b'='))
}

/// Claims `key` for `form` inside the transaction that creates. On [`Claim::Repeat`] the
/// caller drops the transaction (on PostgreSQL it can no longer be used).
pub async fn claim(
    tx: &mut Tx,
    account_id: i64,
    form: &str,
    key: Option<&str>,
    now: i64,
) -> Result<Claim, AppError> {
    let Some(key) = key.map(str::trim).filter(|k| !k.is_empty()) else {
        return Ok(Claim::First);
    };
    if !well_formed(key) {
        return Err(AppError::BadRequest);
    }
    sqlx::query("DELETE FROM form_key WHERE used_at < $1")
        .bind(now - KEPT_SECS)
        .execute(&mut **tx)
        .await?;
    let inserted = sqlx::query(
        "INSERT INTO form_key (account_id, form, token, used_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(account_id)
    .bind(form.to_owned())
    .bind(key.to_owned())
    .bind(now)
    .execute(&mut **tx)
    .await;
    match inserted {
        Ok(_) => Ok(Claim::First),
        Err(e) if is_unique_violation(&e) => {
            tracing::info!(form, "a form sent twice was created once");
            Ok(Claim::Repeat)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn keys_are_short_plain_tokens() {
        assert!(well_formed("q1w2E3r4+/=="));
        assert!(well_formed("0f9c2a7e-1b3d-4c5e-8f90-123456789abc"));
        assert!(!well_formed(""));
        assert!(!well_formed(&"a".repeat(65)));
        assert!(!well_formed("a b"));
        assert!(!well_formed("a'; DROP TABLE x"));
    }
}
