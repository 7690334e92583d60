//! What every request passes before it reaches Bina: a body within its path's limit, writes
//! only from Bina's own pages, uploads that are multipart forms, and a panic turned into a logged 500 page.
//!
//! The cross-site stance: a browser sends the `Origin` of the page behind every POST (and
//! `Sec-Fetch-Site`, and usually a `Referer`). A state-changing request (anything but GET,
//! HEAD and OPTIONS: server functions, plain form posts, uploads, the language switch) is
//! refused with 403 when those name another site, before anything runs. A request without
//! any of them does not come from a browser page (curl, a script, the tests), which another
//! site cannot make a person's browser send, so it goes ahead. The SameSite=Lax session
//! cookie stays as a second line.

use std::{any::Any, sync::Arc};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderMap, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The origins a write may come from besides the host the request names itself, e.g. the
/// public `https://bina.palukota.go.id` when a proxy in front rewrites the `Host` header.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    pub extra: Vec<String>,
    /// Behind a trusted proxy, its `X-Forwarded-Host` names the host the browser used.
    pub trust_forwarded_host: bool,
}

/// Refuses a state-changing request from another site.
pub async fn same_site_writes(
    State(origins): State<Arc<Origins>>,
    req: Request,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || !is_cross_site(req.headers(), &origins)
    {
        return next.run(req).await;
    }
    tracing::warn!(
        path = %req.uri().path(),
        origin = ?req.headers().get(header::ORIGIN),
        "cross-site write refused"
    );
    let res = refused(req.headers());
    drain(req).await;
    res
}

/// Reads a refused request's body to its end before the answer goes out (the body limit
/// layer outside the guards bounds it): a client still sending an upload when the server
/// answers and closes would see a broken connection instead of the answer.
async fn drain(req: Request) {
    let _ = axum::body::to_bytes(req.into_body(), usize::MAX).await;
}

fn header(headers: &HeaderMap, name: impl header::AsHeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// `scheme://host[:port]` of a URL, lower-cased; `None` for anything else (`null`).
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    (!authority.is_empty() && matches!(scheme, "http" | "https"))
        .then(|| format!("{scheme}://{authority}").to_ascii_lowercase())
}

/// Whether the request's own headers say it was made by a page of another site.
pub fn is_cross_site(headers: &HeaderMap, origins: &Origins) -> bool {
    let host = origins
        .trust_forwarded_host
        .then(|| header(headers, "x-forwarded-host"))
        .flatten()
        .or_else(|| header(headers, header::HOST))
        .map(|h| h.trim().to_ascii_lowercase());
    let ours = |origin: &str| {
        let Some(origin) = origin_of(origin) else {
            return false;
        };
        let authority = origin.split_once("://").map_or("", |(_, a)| a);
        host.as_deref() == Some(authority) || origins.extra.contains(&origin)
    };
    if let Some(origin) = header(headers, header::ORIGIN) {
        return !ours(origin);
    }
    if let Some(site) = header(headers, "sec-fetch-site") {
        return !matches!(site, "same-origin" | "none");
    }
    if let Some(referer) = header(headers, header::REFERER) {
        return !ours(referer);
    }
    false
}

fn refused(headers: &HeaderMap) -> Response {
    if bina_app::error::accepts_html(headers) {
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!doctype html><html lang=\"id\"><meta charset=\"utf-8\">\
             <title>Permintaan ditolak</title><h1>Permintaan ditolak</h1>\
             <p>Formulir ini tidak dikirim dari halaman Bina, jadi tidak diproses. \
             Buka Bina langsung lalu coba lagi.</p><p><a href=\"/\">Ke beranda Bina</a></p>",
        )
            .into_response();
    }
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "application/json")],
        "\"Forbidden\"",
    )
        .into_response()
}

/// The server functions that take a multipart form (uploads).
const MULTIPART_ENDPOINTS: &[&str] = &[
    <bina_app::jp::RecordJpEntry as leptos::server_fn::ServerFn>::PATH,
    COURSE_FILE_UPLOAD,
    SCORM_UPLOAD,
    <bina_app::learning::quiz::CheckQuestionImport as leptos::server_fn::ServerFn>::PATH,
];

const COURSE_FILE_UPLOAD: &str =
    <bina_app::learning::material::UploadCourseFile as leptos::server_fn::ServerFn>::PATH;

const SCORM_UPLOAD: &str =
    <bina_app::learning::scorm::UploadScormPackage as leptos::server_fn::ServerFn>::PATH;

/// Largest request body accepted: evidence uploads of up to 2 MB fit, with form overhead.
const BODY_LIMIT_BYTES: usize = 3 * 1024 * 1024;

/// The body limit of a path: a course's files (up to 10 MB) and SCORM packages (up to 30 MB)
/// take more than any other form.
fn body_limit(path: &str) -> usize {
    let form_overhead = 1024 * 1024;
    if path == COURSE_FILE_UPLOAD {
        bina_app::learning::material::rules::MAX_FILE_BYTES + form_overhead
    } else if path == SCORM_UPLOAD {
        bina_app::learning::scorm::rules::MAX_PACKAGE_BYTES + form_overhead
    } else {
        BODY_LIMIT_BYTES
    }
}

/// A body over its path's limit gets 413 before it is read (when its length is declared),
/// or ends at the limit while read (when it is not), so a refused request is read no further.
pub async fn limit_body(req: Request, next: Next) -> Response {
    let limit = body_limit(req.uri().path());
    let declared =
        header(req.headers(), header::CONTENT_LENGTH).and_then(|n| n.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let req = req.map(|body| Body::new(http_body_util::Limited::new(body, limit)));
    next.run(req).await
}

/// Whether the request is a multipart form with a boundary to split it by.
fn is_multipart(headers: &HeaderMap) -> bool {
    header(headers, header::CONTENT_TYPE).is_some_and(|ct| {
        ct.starts_with("multipart/form-data")
            && ct
                .split(';')
                .filter_map(|p| p.trim().strip_prefix("boundary="))
                .any(|b| !b.trim_matches('"').is_empty())
    })
}

/// An upload that is not a multipart form with a boundary gets 400 here: Leptos's
/// multipart decoder would panic on it.
pub async fn uploads_are_multipart(req: Request, next: Next) -> Response {
    if MULTIPART_ENDPOINTS.contains(&req.uri().path()) && !is_multipart(req.headers()) {
        drain(req).await;
        return (
            StatusCode::BAD_REQUEST,
            [(header::CONTENT_TYPE, "application/json")],
            "\"BadRequest\"",
        )
            .into_response();
    }
    next.run(req).await
}

/// The response to a panic in a handler: logged, and a 500 page instead of a dropped
/// connection.
pub fn panic_page(panic: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = %detail, "a handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        "<!doctype html><html lang=\"id\"><meta charset=\"utf-8\">\
         <title>Gangguan server</title><h1>Terjadi gangguan pada server</h1>\
         <p>Permintaan Anda tidak selesai. Coba lagi sebentar lagi.</p>\
         <p><a href=\"/\">Ke beranda Bina</a></p>",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn an_upload_needs_a_multipart_boundary() {
        let ct = |v: &'static str| headers(&[("content-type", v)]);
        assert!(is_multipart(&ct("multipart/form-data; boundary=----abc")));
        assert!(is_multipart(&ct(
            "multipart/form-data; charset=utf-8; boundary=\"x\""
        )));
        assert!(!is_multipart(&ct("multipart/form-data")));
        assert!(!is_multipart(&ct("multipart/form-data; boundary=")));
        assert!(!is_multipart(&ct("application/x-www-form-urlencoded")));
        assert!(!is_multipart(&HeaderMap::new()));
    }

    #[test]
    fn the_origin_decides_when_it_is_sent() {
        let o = Origins::default();
        let host = ("host", "bina.example:3000");
        assert!(!is_cross_site(
            &headers(&[host, ("origin", "http://bina.example:3000")]),
            &o
        ));
        assert!(is_cross_site(
            &headers(&[host, ("origin", "https://evil.example")]),
            &o
        ));
        assert!(is_cross_site(&headers(&[host, ("origin", "null")]), &o));
        // Another port is another origin.
        assert!(is_cross_site(
            &headers(&[host, ("origin", "http://bina.example:4000")]),
            &o
        ));
        // A same-origin Sec-Fetch-Site does not rescue a foreign Origin.
        assert!(is_cross_site(
            &headers(&[
                host,
                ("origin", "https://evil.example"),
                ("sec-fetch-site", "same-origin")
            ]),
            &o
        ));
    }

    #[test]
    fn without_an_origin_fetch_metadata_then_the_referer_decide() {
        let o = Origins::default();
        let host = ("host", "bina.example");
        assert!(is_cross_site(
            &headers(&[host, ("sec-fetch-site", "cross-site")]),
            &o
        ));
        assert!(is_cross_site(
            &headers(&[host, ("sec-fetch-site", "same-site")]),
            &o
        ));
        assert!(!is_cross_site(
            &headers(&[host, ("sec-fetch-site", "same-origin")]),
            &o
        ));
        assert!(is_cross_site(
            &headers(&[host, ("referer", "https://evil.example/x")]),
            &o
        ));
        assert!(!is_cross_site(
            &headers(&[host, ("referer", "http://bina.example/rencana")]),
            &o
        ));
        // No browser headers at all: not a page of another site.
        assert!(!is_cross_site(&headers(&[host]), &o));
    }

    #[test]
    fn a_configured_public_origin_and_a_trusted_forwarded_host_are_ours() {
        let o = Origins {
            extra: vec!["https://bina.palukota.go.id".into()],
            trust_forwarded_host: true,
        };
        let behind_proxy = ("host", "127.0.0.1:3000");
        assert!(!is_cross_site(
            &headers(&[behind_proxy, ("origin", "https://bina.palukota.go.id")]),
            &o
        ));
        assert!(!is_cross_site(
            &headers(&[
                behind_proxy,
                ("x-forwarded-host", "bina.example"),
                ("origin", "https://bina.example")
            ]),
            &o
        ));
        // An untrusted X-Forwarded-Host is not listened to.
        let untrusted = Origins::default();
        assert!(is_cross_site(
            &headers(&[
                behind_proxy,
                ("x-forwarded-host", "evil.example"),
                ("origin", "https://evil.example")
            ]),
            &untrusted
        ));
    }
}
