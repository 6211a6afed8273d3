//! Refuses writes that another site started (cross-site request forgery): a non-GET request
//! whose `Sec-Fetch-Site` says cross-site, or whose `Origin` names another host.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

fn is_safe_method(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether the request's own headers mark it as sent from another site.
pub fn is_cross_site(request: &Request<Body>) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site == "cross-site";
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let origin_host = origin
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or(origin);
    origin == "null" || origin_host != host
}

pub async fn reject_cross_site_writes(request: Request<Body>, next: Next) -> Response {
    if !is_safe_method(request.method()) && is_cross_site(&request) {
        tracing::warn!(uri = %request.uri(), "refused a cross-site write");
        return (
            StatusCode::FORBIDDEN,
            app::tr!(
                "不接受来自其他网站的提交。",
                "Forms sent from other websites are not accepted."
            ),
        )
            .into_response();
    }
    next.run(request).await
}
