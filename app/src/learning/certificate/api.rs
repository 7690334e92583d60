//! Server functions of certificates.

use leptos::prelude::*;

use super::model::{CertificateCheck, CertificateList, MyCertificate};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::queries;

/// The public check of a certificate code: no login; a few a minute per client address.
#[server(endpoint = "sertifikat-periksa")]
pub async fn check_certificate(code: String) -> Result<CertificateCheck, AppError> {
    crate::error::respond(queries::check(code).await)
}

/// The logged-in person's certificate of a course, if they have one.
#[server(endpoint = "belajar-sertifikat-saya")]
pub async fn get_my_certificate(program_id: i64) -> Result<Option<MyCertificate>, AppError> {
    crate::error::respond(queries::mine(program_id).await)
}

/// The admin's list of certificates, searched by code, name, NIP or program.
#[server(endpoint = "sertifikat-daftar")]
pub async fn get_certificates(search: String, page: u32) -> Result<CertificateList, AppError> {
    crate::error::respond(queries::list(search, page).await)
}

/// Revokes a certificate with a reason (the admin); a plain form.
#[server(endpoint = "sertifikat-cabut")]
pub async fn revoke_certificate(certificate_id: i64, reason: String) -> Result<(), AppError> {
    let page = "/admin/sertifikat";
    crate::error::form_result(
        queries::revoke(certificate_id, reason).await,
        &format!("{page}?dicabut"),
        page,
    )
}
