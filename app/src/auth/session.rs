//! Session cookies: who is asking, starting a session at log-in (always with a new id) and
//! ending it at log-out. The cookie is HttpOnly and SameSite=Lax; over HTTPS it is also
//! Secure with the `__Host-` prefix.

use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::auth::db::{self, SessionTimes};
use crate::auth::model::CurrentUser;
use crate::clock::now_unix;
use crate::cookies::{cookie_value, request_cookie_header, set_cookie};
use crate::error::{AppError, AppResult};
use crate::state::{app_state, Config};

pub fn cookie_name(config: &Config) -> &'static str {
    if config.secure_cookies {
        "__Host-xf_session"
    } else {
        "xf_session"
    }
}

/// A fresh random secret: 32 bytes as hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The session timings of `config` at this moment.
pub fn session_times(config: &Config) -> SessionTimes {
    SessionTimes {
        now: now_unix(),
        idle_secs: config.session_idle_secs,
        absolute_secs: config.session_absolute_secs,
    }
}

fn request_token(config: &Config) -> Option<String> {
    let header = request_cookie_header()?;
    cookie_value(&header, cookie_name(config)).map(str::to_string)
}

fn session_cookie(config: &Config, token: &str, max_age: i64) -> String {
    let secure = if config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}",
        cookie_name(config)
    )
}

/// The signed-in account of one request, looked up once however many resources and server
/// functions of the request ask for it. The router provides one per request.
#[derive(Clone, Default)]
pub struct RequestUser(std::sync::Arc<tokio::sync::OnceCell<Option<CurrentUser>>>);

/// The signed-in account, if the request carries a live session.
pub async fn current_user() -> AppResult<Option<CurrentUser>> {
    let state = app_state()?;
    let header = request_cookie_header().unwrap_or_default();
    match leptos::prelude::use_context::<RequestUser>() {
        Some(memo) => memo
            .0
            .get_or_try_init(|| user_for_cookies(&state, &header))
            .await
            .cloned(),
        None => user_for_cookies(&state, &header).await,
    }
}

/// The account whose live session is in a `Cookie` header (for plain HTTP handlers such as
/// downloads, which run outside server functions).
pub async fn user_for_cookies(
    state: &crate::state::AppState,
    cookie_header: &str,
) -> AppResult<Option<CurrentUser>> {
    let Some(token) = cookie_value(cookie_header, cookie_name(&state.config)) else {
        return Ok(None);
    };
    let times = session_times(&state.config);
    db::session_account(&state.pool, &hash_token(token), &times).await
}

/// The signed-in account of a plain HTTP handler (downloads, which run outside server
/// functions): `Caller(user)` as a handler argument refuses with 401 when nobody is signed in.
pub struct Caller(pub CurrentUser);

impl axum::extract::FromRequestParts<crate::state::AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        state: &crate::state::AppState,
    ) -> AppResult<Self> {
        let cookies = parts
            .headers
            .get(http::header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        user_for_cookies(state, cookies)
            .await?
            .map(Caller)
            .ok_or(AppError::NotLoggedIn)
    }
}

/// The signed-in account, or `NotLoggedIn`.
pub async fn require_user() -> AppResult<CurrentUser> {
    current_user().await?.ok_or(AppError::NotLoggedIn)
}

/// Who is calling a server function, and the pool to answer from: every server function that
/// acts for a signed-in account starts here.
pub async fn caller() -> AppResult<(CurrentUser, crate::db::Pool)> {
    Ok((require_user().await?, crate::state::pool()?))
}

/// Starts a fresh session for `user_id`, ending any session the request came with.
pub async fn start_session(user_id: i64) -> AppResult<()> {
    let state = app_state()?;
    if let Some(old) = request_token(&state.config) {
        db::delete_session(&state.pool, &hash_token(&old)).await?;
    }
    let token = new_token();
    let times = session_times(&state.config);
    db::insert_session(&state.writer, &hash_token(&token), user_id, &times).await?;
    set_cookie(session_cookie(
        &state.config,
        &token,
        state.config.session_absolute_secs,
    ))
}

pub async fn end_session() -> AppResult<()> {
    let state = app_state()?;
    if let Some(token) = request_token(&state.config) {
        db::delete_session(&state.pool, &hash_token(&token)).await?;
    }
    set_cookie(session_cookie(&state.config, "", 0))
}

/// The hash of the request's own session, to keep it when ending the others.
pub fn current_token_hash() -> AppResult<String> {
    let state = app_state()?;
    request_token(&state.config)
        .map(|t| hash_token(&t))
        .ok_or(AppError::NotLoggedIn)
}

/// The caller's address, for throttling log-in attempts: the TCP peer, or the client a trusted
/// reverse proxy names (see `domain::client_address`).
pub fn client_ip() -> String {
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return "unknown".to_string();
    };
    let Some(peer) = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip())
    else {
        return "unknown".to_string();
    };
    let header = |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok());
    let trusted = app_state()
        .map(|state| state.config.trusted_proxies.clone())
        .unwrap_or_default();
    crate::domain::client_address::client_address(
        peer,
        header("forwarded"),
        header("x-forwarded-for"),
        &trusted,
    )
    .to_string()
}
