//! Server functions of the JP ledger: my ledger, recording an activity with its evidence,
//! and the verifier's queue and decision.

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use super::{EntryToVerify, MyLedger};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::queries;

/// The logged-in employee's ledger for a year (this year when none is given).
#[server(endpoint = "jp")]
pub async fn get_my_ledger(year: Option<i32>) -> Result<MyLedger, AppError> {
    crate::error::respond(queries::my_ledger(year).await)
}

/// Records a completed activity with its evidence (a multipart form: the fields of
/// [`super::ledger::EntryInput`] and the file `bukti`). Works as a plain form post. Built for
/// the server only: the browser posts the form itself, so the wasm needs no multipart client.
#[cfg(feature = "ssr")]
#[server(endpoint = "jp-catat", input = MultipartFormData)]
pub async fn record_jp_entry(data: MultipartData) -> Result<(), AppError> {
    crate::error::form_result(queries::record(data).await, "/jp?tercatat=1", "/jp")
}

/// Recorded entries waiting for verification: the pengelola OPD's own OPD, or every OPD
/// for an admin.
#[server(endpoint = "verifikasi")]
pub async fn get_verification_queue() -> Result<Vec<EntryToVerify>, AppError> {
    crate::error::respond(queries::queue().await)
}

/// Verifies or rejects (with a reason) a recorded entry; `keputusan` is a
/// [`super::VerifyDecision`] as its form posts it.
#[server(endpoint = "verifikasi-putus")]
pub async fn decide_jp_entry(
    entry_id: i64,
    keputusan: String,
    alasan: String,
) -> Result<(), AppError> {
    let result = queries::decide(entry_id, &keputusan, &alasan).await;
    crate::error::form_result(result, "/verifikasi", "/verifikasi")
}
