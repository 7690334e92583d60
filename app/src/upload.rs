//! Reading a multipart form (ssr only): its text fields, and its one file read to at most
//! one byte more than the caller's limit (enough to know it is too big, never the whole of
//! a huge upload in memory). Every upload form of Bina is read through it.

use std::collections::HashMap;

use leptos::server_fn::codec::MultipartData;

use crate::error::AppError;

/// A posted multipart form.
#[derive(Debug, Default)]
pub struct Posted {
    fields: HashMap<String, String>,
    /// The file field's bytes, cut at the limit plus one.
    pub file: Vec<u8>,
}

impl Posted {
    /// A text field, or an empty text when absent.
    pub fn text(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    /// A text field when present (a checkbox, an optional key).
    pub fn optional(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }

    /// A numeric field; a bad request when absent or not a number.
    pub fn id(&self, name: &str) -> Result<i64, AppError> {
        self.text(name)
            .trim()
            .parse()
            .map_err(|_| AppError::BadRequest)
    }
}

/// Reads the form; `file_field` names its file, of at most `max_file_bytes`.
pub async fn read(
    data: MultipartData,
    file_field: &str,
    max_file_bytes: usize,
) -> Result<Posted, AppError> {
    let mut form = data.into_inner().ok_or(AppError::BadRequest)?;
    let mut posted = Posted::default();
    while let Some(mut field) = form.next_field().await.map_err(|e| unreadable(&e))? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == file_field {
            while let Some(chunk) = field.chunk().await.map_err(|e| unreadable(&e))? {
                if posted.file.len() <= max_file_bytes {
                    let room = max_file_bytes + 1 - posted.file.len();
                    posted
                        .file
                        .extend_from_slice(&chunk[..chunk.len().min(room)]);
                }
            }
            continue;
        }
        let value = field.text().await.map_err(|e| unreadable(&e))?;
        posted.fields.insert(name, value);
    }
    Ok(posted)
}

fn unreadable(e: &dyn std::fmt::Display) -> AppError {
    tracing::info!(error = %e, "unreadable multipart form");
    AppError::BadRequest
}
