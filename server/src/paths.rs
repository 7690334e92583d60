//! The plain (non-Leptos) routes, each path written once: the router is built from these
//! (`startup.rs`, `downloads.rs`), and `bina routes` lists them beside the server functions
//! (the authorization and bad-input tests enumerate that list).

pub const LANGUAGE: &str = "/bahasa";
pub const DASHBOARD_CSV: &str = "/dasbor/unduh";
pub const MENTORING_CSV: &str = "/dasbor/mentoring/unduh";
pub const EVIDENCE: &str = "/bukti/{id}";
pub const COURSE_FILE: &str = "/belajar/{program}/berkas/{file}";
/// A SCORM package's files, under a path of their own (the package's relative links work).
pub const SCORM_FILE: &str = "/belajar/{program}/scorm/{package}/{*path}";
pub const QUESTION_EXPORT: &str = "/belajar/{program}/soal.gift";
pub const CERTIFICATE_PDF: &str = "/sertifikat/{code}/unduh";
pub const HEALTH: &str = "/healthz";

/// Every route that is not a page: the plain routes and the registered server functions,
/// as `METHOD PATH`, sorted.
pub fn route_list() -> Vec<String> {
    let mut routes: Vec<String> = [
        ("POST", LANGUAGE),
        ("GET", DASHBOARD_CSV),
        ("GET", MENTORING_CSV),
        ("GET", EVIDENCE),
        ("GET", COURSE_FILE),
        ("GET", SCORM_FILE),
        ("GET", QUESTION_EXPORT),
        ("GET", CERTIFICATE_PDF),
        ("GET", HEALTH),
    ]
    .iter()
    .map(|(method, path)| format!("{method} {path}"))
    .chain(
        leptos::server_fn::axum::server_fn_paths().map(|(path, method)| format!("{method} {path}")),
    )
    .collect();
    routes.sort();
    routes
}
