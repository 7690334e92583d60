//! Cheap revalidation of pages. A page is personal, so no shared cache may keep it, and it
//! changes whenever its data does, so the browser asks again every time (`private,
//! no-cache`); but when the page is the same as the copy the browser holds, the answer is a
//! `304 Not Modified` of a few hundred bytes instead of the page again.
//!
//! The entity tag is a hash of the page with its CSP nonce taken out (the nonce is new on
//! every response, the page around it is not). A 304 carries no Content-Security-Policy:
//! the browser keeps the headers it stored with its copy, whose policy names that copy's
//! nonce.

use std::hash::{DefaultHasher, Hash, Hasher};

use axum::{
    body::Body,
    extract::Request,
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Pages larger than this are sent as they are, without an entity tag.
const LARGEST_PAGE_BYTES: usize = 4 * 1024 * 1024;

pub async fn revalidate_pages(req: Request, next: Next) -> Response {
    let is_get = req.method() == Method::GET;
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.run(req).await;
    if !is_get || res.status() != StatusCode::OK || !is_html(res.headers()) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, LARGEST_PAGE_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = entity_tag(&bytes, nonce(&parts.headers));
    parts.headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, value);
    }
    if if_none_match.is_some_and(|v| v.as_bytes() == tag.as_bytes()) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_SECURITY_POLICY);
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// The nonce the page's Content-Security-Policy names (`'nonce-…'`), if any.
fn nonce(headers: &HeaderMap) -> Option<&str> {
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    Some(&policy[start..start + len])
}

/// A weak tag of the page (the same page, not the same bytes: the nonce is left out).
fn entity_tag(page: &[u8], nonce: Option<&str>) -> String {
    let mut hasher = DefaultHasher::new();
    match nonce.filter(|n| !n.is_empty()) {
        Some(nonce) => {
            let mut rest = page;
            while let Some(at) = find(rest, nonce.as_bytes()) {
                rest[..at].hash(&mut hasher);
                rest = &rest[at + nonce.len()..];
            }
            rest.hash(&mut hasher);
        }
        None => page.hash(&mut hasher),
    }
    format!("W/\"{:016x}\"", hasher.finish())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_ignores_the_nonce_but_not_the_page() {
        let a = entity_tag(b"<script nonce=\"abc\">x</script><p>1</p>", Some("abc"));
        let b = entity_tag(b"<script nonce=\"xyz\">x</script><p>1</p>", Some("xyz"));
        let c = entity_tag(b"<script nonce=\"xyz\">x</script><p>2</p>", Some("xyz"));
        assert_eq!(a, b);
        assert_ne!(b, c);
        assert!(a.starts_with("W/\""));
    }

    #[test]
    fn the_nonce_is_read_from_the_policy() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; script-src 'self' 'nonce-Q1w2' x"),
        );
        assert_eq!(nonce(&headers), Some("Q1w2"));
        assert_eq!(nonce(&HeaderMap::new()), None);
    }
}
