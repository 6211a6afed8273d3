//! The HTTP router: Leptos pages and server functions, static files, `/healthz`, and the
//! layers every request passes (tracing, timeout, compression, cross-site write refusal).
//! Static files are answered first, from memory, before any other layer (see `assets`).

use std::time::Duration;

use app::state::AppState;
use app::{shell, App};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::assets::{serve_static, Assets};
use crate::error_status::set_error_status;
use crate::form_errors::keep_form_on_error;
use crate::security::reject_cross_site_writes;

pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// 200 "ok" when the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match sqlx::query_scalar::<_, i64>("SELECT 1")
        .fetch_one(&state.pool)
        .await
    {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
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

pub fn router_with_assets(state: AppState, assets: Assets) -> Router {
    let routes = generate_route_list(App);
    let shell_options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(healthz))
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
        .route(
            "/school/calendar/{file}",
            get(crate::exports::school_calendar),
        )
        .leptos_routes_with_context(&state, routes, || {}, move || shell(shell_options.clone()))
        .layer(axum::middleware::from_fn(set_error_status))
        .layer(axum::middleware::from_fn(keep_form_on_error))
        .layer(axum::middleware::from_fn(reject_cross_site_writes))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(TraceLayer::new_for_http())
        .layer(axum::middleware::from_fn_with_state(assets, serve_static))
        .with_state(state)
}
