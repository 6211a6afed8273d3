//! Figures an operator can watch, at `/metrics` in Prometheus' text format: requests by route
//! and status with their latency, server-function errors by kind, the database connections
//! in use, what the services placed and refused as full (counted where it happens, in `app`),
//! job runs and failures, and when the last backup was taken.
//!
//! `/metrics` answers only requests from this machine (a Prometheus on the same host, or a
//! proxy that does not forward `/metrics`), or anyone sending `Authorization: Bearer <token>`
//! with the token from `XINGFU_METRICS_TOKEN`. Everyone else gets 404, as if it did not exist.

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use app::state::AppState;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Latency buckets in seconds: a page or a write is expected well under 100 ms.
const LATENCY_BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed on first use (the server and every test share it).
pub fn handle() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("_seconds".to_string()), &LATENCY_BUCKETS)
            .expect("latency buckets are not empty");
        match builder.install_recorder() {
            Ok(handle) => handle,
            // Another recorder is installed (only possible in tests): keep a private one.
            Err(_) => PrometheusBuilder::new().build_recorder().handle(),
        }
    })
}

/// Who may read `/metrics`: this machine, or the holder of the token.
#[derive(Clone, Default)]
pub struct MetricsAccess {
    pub token: Option<String>,
}

impl MetricsAccess {
    fn allows(&self, request: &Request) -> bool {
        let from_this_machine = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .is_some_and(|info| info.0.ip().is_loopback());
        let forwarded = request.headers().contains_key("x-forwarded-for")
            || request.headers().contains_key(header::FORWARDED);
        let bearer = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let has_token = match (&self.token, bearer) {
            (Some(token), Some(given)) => constant_time_eq(token.as_bytes(), given.as_bytes()),
            _ => false,
        };
        has_token || (from_this_machine && !forwarded)
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `GET /metrics`.
pub async fn serve_metrics(
    State(state): State<AppState>,
    axum::Extension(access): axum::Extension<MetricsAccess>,
    request: Request,
) -> Response {
    if !access.allows(&request) {
        return StatusCode::NOT_FOUND.into_response();
    }
    for (name, pool) in [("readers", &state.pool), ("writer", &state.writer)] {
        let idle = pool.num_idle() as f64;
        let open = f64::from(pool.size());
        metrics::gauge!("xingfu_db_connections", "pool" => name, "state" => "busy")
            .set(open - idle);
        metrics::gauge!("xingfu_db_connections", "pool" => name, "state" => "idle").set(idle);
    }
    let mut response = handle().render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

/// The route a request is counted under: the router's pattern (`/canteen/{id}`), the server
/// function's own path, `static` for files, or `other` — never the raw path, which would make
/// a new series for every address anyone types.
fn route_label(request: &Request) -> String {
    let path = request.uri().path();
    match request.extensions().get::<MatchedPath>() {
        Some(_) if path.starts_with("/api/") => path.to_string(),
        Some(matched) => matched.as_str().to_string(),
        None if path.starts_with("/pkg/") || path.contains('.') => "static".to_string(),
        None => "other".to_string(),
    }
}

/// Counts every request and times it, by route, method and status.
pub async fn record_requests(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let mut route = route_label(&request);
    let method = request.method().as_str().to_string();
    let response = next.run(request).await;
    let status = response.status();
    if route.starts_with("/api/") && status == StatusCode::NOT_FOUND {
        route = "other".to_string();
    }
    let status = status.as_u16().to_string();
    let labels = [("route", route), ("method", method), ("status", status)];
    metrics::counter!("xingfu_http_requests_total", &labels).increment(1);
    metrics::histogram!("xingfu_http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    response
}

/// A background job finished: `ok` or `failed`.
pub fn job_ran(job: &'static str, ok: bool) {
    let outcome = if ok { "ok" } else { "failed" };
    metrics::counter!("xingfu_job_runs_total", "job" => job, "outcome" => outcome).increment(1);
}

/// A backup was taken now (or, at start-up, the newest one found was taken at `at`).
pub fn backup_taken(at: SystemTime) {
    let seconds = at
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or_default();
    metrics::gauge!("xingfu_backup_last_success_timestamp_seconds").set(seconds);
}
