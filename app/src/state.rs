//! Server state handed to every route and server function (ssr only).

use crate::db::Pool;
use axum::extract::FromRef;
use leptos::prelude::*;
use std::sync::Arc;

use crate::error::AppError;

/// Settings read from the environment once at start-up.
#[derive(Debug, Clone)]
pub struct Config {
    /// Serve cookies with `Secure` and the `__Host-` prefix (behind HTTPS).
    pub secure_cookies: bool,
    /// A session ends after this long without a request.
    pub session_idle_secs: i64,
    /// A session ends this long after log-in, however active.
    pub session_absolute_secs: i64,
    /// Reverse proxies whose `X-Forwarded-For`/`Forwarded` name the client.
    pub trusted_proxies: crate::domain::client_address::TrustedProxies,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            session_idle_secs: 14 * 24 * 3600,
            session_absolute_secs: 60 * 24 * 3600,
            trusted_proxies: Default::default(),
        }
    }
}

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    /// For reads (and rare writes); several connections read at once.
    pub pool: Pool,
    /// For writes that users wait on: one connection, so concurrent writers queue here in
    /// arrival order instead of retrying and sleeping inside SQLite's busy handler.
    #[from_ref(skip)]
    pub writer: Pool,
    /// Places meal orders through `writer`, many in one transaction (group commit).
    #[from_ref(skip)]
    pub orders: crate::canteen::db::order_queue::OrderQueue,
    pub config: Arc<Config>,
    /// Announces changes of meal orders to the open live boards (see `crate::live::bus`).
    pub live: crate::live::bus::LiveBus,
}

/// The state inside a server function or a server render. A render whose visitor went away
/// (the connection closed mid-page) has had its context cleared while its data loads may still
/// run; they stop here quietly instead of logging an internal error for a page nobody will see.
pub fn app_state() -> Result<AppState, AppError> {
    if let Some(state) = use_context::<AppState>() {
        return Ok(state);
    }
    let render_ended =
        Owner::current().is_some() && use_context::<http::request::Parts>().is_none();
    if render_ended {
        tracing::debug!("a render ended before its data loaded");
        return Err(AppError::Internal);
    }
    Err(AppError::internal(
        "app state",
        "AppState missing from context",
    ))
}

/// The database pool inside a server function.
pub fn pool() -> Result<Pool, AppError> {
    Ok(app_state()?.pool)
}

/// The writers' pool inside a server function (see `AppState::writer`).
pub fn writer() -> Result<Pool, AppError> {
    Ok(app_state()?.writer)
}

/// The meal orders' queue inside a server function (see `AppState::orders`).
pub fn order_queue() -> Result<crate::canteen::db::order_queue::OrderQueue, AppError> {
    Ok(app_state()?.orders)
}
