//! A short id for every request (`X-Request-Id`), on every log line of the request and shown
//! to the user in 系统繁忙 messages (`app::error::RequestRef`), so that a worker on the phone
//! can quote it and an operator can find the cause. Each 5xx answer is logged with it.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use app::error::RequestRef;
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Four hex digits that differ between server starts, so ids do not repeat after a restart.
fn prefix() -> &'static str {
    static PREFIX: OnceLock<String> = OnceLock::new();
    PREFIX.get_or_init(|| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos() ^ (d.as_secs() as u32))
            .unwrap_or_default();
        format!("{:04X}", (nanos ^ std::process::id()) & 0xFFFF)
    })
}

/// `A7F3-000123`: the server start's prefix and the request's number.
pub fn next_id() -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed) % 1_000_000;
    format!("{}-{n:06}", prefix())
}

pub async fn with_request_id(mut request: Request, next: Next) -> Response {
    let id = next_id();
    request.extensions_mut().insert(RequestRef(id.clone()));
    let span = tracing::info_span!("request", id = %id);
    let method = request.method().clone();
    let uri = request.uri().clone();
    let mut response = next.run(request).instrument(span.clone()).await;
    if response.status().is_server_error() {
        span.in_scope(
            || tracing::error!(status = response.status().as_u16(), %method, %uri, "server error"),
        );
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
