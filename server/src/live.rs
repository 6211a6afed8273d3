//! The live boards' event streams (server-sent events, see `app::live`):
//! `/events/canteen/{id}` for a canteen's kitchen and route boards, `/events/dashboard`
//! (`?community=7`: of one community) for the dashboard's "today" numbers, `/events/family`
//! for a family's or an elder's orders.
//!
//! The session cookie and the caller's role are checked when a stream opens (`Caller`, then
//! `app::live::policy`), and every event passes the caller's audience before it is sent. A
//! stream starts with a greeting whose `id:` is the last change announced before it opened;
//! each event carries the next ids in increasing order. Catching up after a reconnect needs no
//! replay: on every (re)open the board loads its whole current state again (unless the greeting
//! shows nothing changed since it loaded), so events missed meanwhile cannot matter, and
//! `Last-Event-ID` is not needed. A board that falls behind the bus's backlog is told to reload
//! the same way. A stream ends after `LONGEST` (the browser reopens it at once, so the session
//! and roles are checked again at least that often) and when the server shuts down.
//! The routes sit outside the request timeout and the compression (`router.rs`).

use std::convert::Infallible;
use std::time::Duration;

use app::auth::session::Caller;
use app::error::AppError;
use app::live::bus::{LiveBus, Numbered};
use app::live::model::RELOAD;
use app::live::policy::Audience;
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use axum::Router;
use futures_util::stream::{self, Stream, StreamExt};
use serde::Deserialize;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::{broadcast, watch};
use tokio::time::Instant;

/// A comment line this often keeps proxies and browsers from closing a quiet stream.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// The longest one stream stays open.
pub const LONGEST: Duration = Duration::from_secs(10 * 60);
/// How soon the browser reopens a stream the server ended.
const REOPEN_AFTER: Duration = Duration::from_secs(2);

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/canteen/{canteen_id}", get(canteen_events))
        .route("/events/dashboard", get(dashboard_events))
        .route("/events/family", get(family_events))
}

type EventStream = Sse<
    axum::response::sse::KeepAliveStream<
        std::pin::Pin<Box<dyn Stream<Item = Result<Event, Infallible>> + Send>>,
    >,
>;

/// GET /events/canteen/{id} — staff, workers and admins of the canteen's community.
pub async fn canteen_events(
    State(state): State<AppState>,
    Caller(user): Caller,
    Path(canteen_id): Path<i64>,
) -> Result<EventStream, AppError> {
    let audience = app::live::policy::canteen_board(&state.pool, &user, canteen_id).await?;
    Ok(event_stream(&state.live, audience))
}

/// Which communities' "today" numbers a dashboard follows: the one it shows, or all. Read as
/// text, so that a mistyped address gets the app's own message rather than axum's.
#[derive(Debug, Deserialize)]
pub struct DashboardEvents {
    community: Option<String>,
}

/// GET /events/dashboard — workers and admins, for the communities their dashboard shows.
pub async fn dashboard_events(
    State(state): State<AppState>,
    Caller(user): Caller,
    Query(board): Query<DashboardEvents>,
) -> Result<EventStream, AppError> {
    let community = match board.community.as_deref().filter(|c| !c.is_empty()) {
        Some(text) => Some(text.parse::<i64>().map_err(|_| {
            AppError::invalid(app::tr!("请选择社区。", "Please choose a community."))
        })?),
        None => None,
    };
    let audience = app::live::policy::dashboard_board(&state.pool, &user, community).await?;
    Ok(event_stream(&state.live, audience))
}

/// GET /events/family — the orders of the elders the caller looks after or is.
pub async fn family_events(
    State(state): State<AppState>,
    Caller(user): Caller,
) -> Result<EventStream, AppError> {
    let audience = app::live::policy::family_orders(&state.pool, &user).await?;
    Ok(event_stream(&state.live, audience))
}

/// One open board: what it may see and where it reads from.
struct Board {
    bus: LiveBus,
    events: broadcast::Receiver<Numbered>,
    closing: watch::Receiver<bool>,
    audience: Audience,
    ends_at: Instant,
}

fn event_stream(bus: &LiveBus, audience: Audience) -> EventStream {
    let (events, last_id) = bus.subscribe();
    let greeting = Event::default()
        .id(last_id.to_string())
        .retry(REOPEN_AFTER)
        .data(RELOAD);
    let board = Board {
        bus: bus.clone(),
        events,
        closing: bus.closing(),
        audience,
        ends_at: Instant::now() + LONGEST,
    };
    let stream = stream::once(async move { Ok(greeting) }).chain(stream::unfold(board, next));
    Sse::new(stream.boxed()).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}

/// The board's next event, or `None` when its stream ends.
async fn next(mut board: Board) -> Option<(Result<Event, Infallible>, Board)> {
    loop {
        if *board.closing.borrow() {
            return None;
        }
        let received = tokio::select! {
            received = board.events.recv() => received,
            _ = board.closing.changed() => return None,
            _ = tokio::time::sleep_until(board.ends_at) => return None,
        };
        let event = match received {
            Ok(numbered) if board.audience.receives(&numbered.event) => {
                match Event::default()
                    .id(numbered.id.to_string())
                    .json_data(&numbered.event)
                {
                    Ok(event) => event,
                    Err(error) => {
                        tracing::warn!(%error, "live event not sent");
                        continue;
                    }
                }
            }
            Ok(_) => continue,
            // Fell behind: whatever was missed, the board reloads everything.
            Err(RecvError::Lagged(_)) => Event::default()
                .id(board.bus.last_id().to_string())
                .data(RELOAD),
            Err(RecvError::Closed) => return None,
        };
        return Some((Ok(event), board));
    }
}
