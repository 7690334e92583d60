//! Notifications on the server: `notify` (called by every feature inside its own
//! transaction), the list and marking read.

use sqlx::Row;

use super::model::*;
use crate::error::AppError;
use crate::{
    auth::queries::{require_user, state},
    calendar::wita_date_time,
    db::unix_now,
};

/// Adds a notification inside the caller's transaction.
pub async fn notify(
    tx: &mut crate::db::Tx,
    employee_id: i64,
    kind: NotificationKind,
    actor_name: &str,
    link: &str,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO notification (employee_id, kind, actor_name, link, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(employee_id)
    .bind(kind.as_db())
    .bind(actor_name.to_owned())
    .bind(link.to_owned())
    .bind(unix_now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn list() -> Result<Vec<Notification>, AppError> {
    let user = require_user().await?;
    let rows = sqlx::query(
        "SELECT id, kind, actor_name, link, created_at, read_at FROM notification \
         WHERE employee_id = $1 ORDER BY created_at DESC, id DESC LIMIT 50",
    )
    .bind(user.employee_id)
    .fetch_all(&state()?.db.pool)
    .await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some(Notification {
                id: r.get("id"),
                kind: NotificationKind::from_db(&r.get::<String, _>("kind"))?,
                actor_name: r.get("actor_name"),
                link: r.get("link"),
                at: wita_date_time(r.get("created_at")),
                unread: r.get::<Option<i64>, _>("read_at").is_none(),
            })
        })
        .collect())
}

pub async fn mark_read() -> Result<(), AppError> {
    let user = require_user().await?;
    let mut tx = state()?.db.begin_write().await?;
    sqlx::query("UPDATE notification SET read_at = $1 WHERE employee_id = $2 AND read_at IS NULL")
        .bind(unix_now())
        .bind(user.employee_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
