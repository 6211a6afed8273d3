//! The headers browsers use to protect people, on every response: a Content-Security-Policy
//! that runs only this site's own scripts (the inline hydration and data scripts carry the
//! page's nonce), no framing, no MIME sniffing, no referrer to other sites, no access to camera,
//! microphone or location, and HSTS when the site is served over HTTPS.
//!
//! Pages set their own policy with the nonce Leptos gave the render (`page_policy`, called
//! from the router's per-request context); every other response gets `DEFAULT_POLICY`.
//! Pages are also marked `Cache-Control: no-cache`: a browser asks again each time, while the
//! content-hashed bundle files are kept for a year (see `assets`).

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// For responses that are not pages (files, downloads, errors): nothing may run or be framed.
pub const DEFAULT_POLICY: &str =
    "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'";

pub const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/// Two years. Whether subdomains are included is the operator's choice, at the proxy.
pub const HSTS: &str = "max-age=63072000";

/// The policy of a rendered page whose inline scripts carry `nonce`. WebAssembly needs
/// `'wasm-unsafe-eval'` to compile; the bundle's pieces are fetched from this site.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Whether the site is served over HTTPS (`XINGFU_SECURE_COOKIES=1`): then browsers are told
/// to use HTTPS only.
#[derive(Clone, Copy)]
pub struct Https(pub bool);

pub async fn add_security_headers(
    State(https): State<Https>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let is_page = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if is_page && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DEFAULT_POLICY),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    if https.0 {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    response
}
