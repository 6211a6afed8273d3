//! The HTTP router: Leptos pages and server functions, static files, `/healthz`, `/readyz`,
//! `/metrics`, and the layers every request passes (request id, metrics, security headers,
//! tracing, timeout, compression, cross-site write refusal), and the live boards' event
//! streams under `/events/` (without the timeout and the compression).
//! The security headers go on every response (`security_headers`); static files are answered
//! next, from memory, before any other layer (see `assets`); then pages for visitors who are
//! not signed in, from a cache a few seconds fresh (`page_cache`).

use std::time::Duration;

use app::state::AppState;
use app::{shell, App};
use axum::http::{header, HeaderValue, StatusCode};
use axum::routing::get;
use axum::Router;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::assets::{serve_static, Assets};
use crate::error_status::set_error_status;
use crate::form_errors::keep_form_on_error;
use crate::page_cache::{serve_cached, PageCache};
use crate::security::reject_cross_site_writes;
use crate::security_headers::{add_security_headers, page_policy, Https};

pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What every page render and server function call gets besides the state: the memo of the
/// caller's account, looked up once per request. A page render also sets its security policy
/// with the nonce Leptos put on the page's inline scripts.
fn per_request_context() {
    use leptos::prelude::{provide_context, use_context};
    provide_context(app::auth::session::RequestUser::default());
    let nonce = leptos::nonce::use_nonce();
    let response = use_context::<leptos_axum::ResponseOptions>();
    if let (Some(nonce), Some(response)) = (nonce, response) {
        if let Ok(policy) = HeaderValue::from_str(&page_policy(&nonce)) {
            response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
        }
    }
}

/// Static files are served from the site root; every other path is a page of the app
/// (unknown ones render the app's 404 page), rendered whole before it is sent.
pub fn router(state: AppState) -> Router {
    let site_root = std::path::PathBuf::from(state.leptos_options.site_root.as_ref());
    let assets = Assets::load(&site_root).unwrap_or_else(|error| {
        tracing::error!(%error, root = %site_root.display(), "could not read the static files");
        Assets::default()
    });
    router_with_assets(state, assets)
}

/// The app's routes, listed once per process. Listing them renders the app with resource
/// loading switched off for the whole process (leptos-rs/leptos#4773): a page rendered at that
/// moment by another router in the same process, as in the server tests, would wait forever.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router_with_assets(state: AppState, assets: Assets) -> Router {
    let routes = route_list();
    let shell_options = state.leptos_options.clone();
    let https = Https(state.config.secure_cookies);
    crate::metrics::handle();
    let metrics_access = crate::metrics::MetricsAccess {
        token: std::env::var("XINGFU_METRICS_TOKEN")
            .ok()
            .filter(|t| !t.is_empty()),
    };
    Router::new()
        .route("/healthz", get(crate::health::healthz))
        .route("/readyz", get(crate::health::readyz))
        .route("/metrics", get(crate::metrics::serve_metrics))
        .route("/canteen/manage/prep.csv", get(crate::exports::prep_csv))
        .route(
            "/canteen/manage/settlement.csv",
            get(crate::exports::settlement_csv),
        )
        .route(
            "/volunteer/manage/hours.csv",
            get(crate::exports::hours_csv),
        )
        .route("/school/manage/roster.csv", get(crate::exports::roster_csv))
        .route("/dashboard/{file}", get(crate::exports::dashboard_csv))
        .route(
            "/school/calendar/{file}",
            get(crate::exports::school_calendar),
        )
        .leptos_routes_with_context(&state, routes, per_request_context, move || {
            shell(shell_options.clone())
        })
        .layer(axum::middleware::from_fn(set_error_status))
        .layer(axum::middleware::from_fn(keep_form_on_error))
        .layer(axum::middleware::from_fn(reject_cross_site_writes))
        .layer(axum::middleware::from_fn(
            crate::locale::answer_in_request_locale,
        ))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        // Event streams stay open: added after the timeout and compression layers, which
        // would end or buffer them.
        .merge(crate::live::routes().layer(axum::middleware::from_fn(
            crate::locale::answer_in_request_locale,
        )))
        .layer(TraceLayer::new_for_http())
        .layer(axum::middleware::from_fn_with_state(
            PageCache::default(),
            serve_cached,
        ))
        .layer(axum::middleware::from_fn_with_state(assets, serve_static))
        .layer(axum::middleware::from_fn_with_state(
            https,
            add_security_headers,
        ))
        .layer(axum::middleware::from_fn(crate::metrics::record_requests))
        .layer(axum::middleware::from_fn(
            crate::request_id::with_request_id,
        ))
        .layer(axum::Extension(metrics_access))
        .with_state(state)
}
