//! Gives server-function errors their HTTP status. Leptos answers every failed server
//! function with 500; this layer reads the `AppError` in the body and sets 400, 401, 403,
//! 404, 409 or 429 instead, so that only real faults are 500s in logs and monitoring.

use app::error::AppError;
use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

const MAX_ERROR_BYTES: usize = 16 * 1024;

pub async fn set_error_status(request: Request<Body>, next: Next) -> Response {
    let is_server_fn = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
        metrics::counter!("xingfu_server_fn_errors_total", "kind" => error.kind()).increment(1);
    }
    Response::from_parts(parts, Body::from(bytes))
}
