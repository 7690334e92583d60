//! Server functions of notifications: the list, and marking it read.

use leptos::prelude::*;

use super::model::*;
#[cfg(feature = "ssr")]
use super::queries;
use crate::error::AppError;

/// The latest notifications of the logged-in person.
#[server(endpoint = "notifikasi")]
pub async fn get_notifications() -> Result<Vec<Notification>, AppError> {
    crate::error::respond(queries::list().await)
}

/// Marks every notification of the logged-in person read.
#[server(endpoint = "notifikasi-dibaca")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    let result = queries::mark_read().await;
    if result.is_ok() {
        crate::error::form_done("/notifikasi");
    }
    crate::error::respond(result)
}
