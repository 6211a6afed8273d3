//! The server's live bus: every committed change of a meal order is announced here, and each
//! open board's stream (`server/src/live.rs`) takes from it what its policy lets it see.
//!
//! The bus is part of `AppState` rather than a process-wide static: each server — and each
//! test's router on its own database — has its own, so an event never reaches the boards of
//! another database, and the background jobs are handed it the way they are handed the pool.
//! Announcing never fails the write it follows: with no board open nothing is looked up or
//! sent (the change is only counted), and a failed lookup is only logged.

use std::sync::{Arc, Mutex};

use crate::db::Pool;
use tokio::sync::{broadcast, watch};

use crate::live::model::{LiveEvent, LiveKind};

/// Events kept for a board that reads slowly; one further behind is told to reload.
const BACKLOG: usize = 256;

/// An event with its place in the bus's sequence (the stream's `id:`).
#[derive(Debug, Clone)]
pub struct Numbered {
    pub id: u64,
    pub event: LiveEvent,
}

#[derive(Clone)]
pub struct LiveBus {
    sender: broadcast::Sender<Numbered>,
    /// The last id given. Held while sending, so every board gets the ids in increasing order.
    last_id: Arc<Mutex<u64>>,
    /// Turns true when the server shuts down: the streams end, so open boards do not hold it.
    closing: Arc<watch::Sender<bool>>,
}

impl Default for LiveBus {
    fn default() -> Self {
        Self {
            sender: broadcast::channel(BACKLOG).0,
            last_id: Arc::new(Mutex::new(0)),
            closing: Arc::new(watch::channel(false).0),
        }
    }
}

impl LiveBus {
    /// A board's subscription, and the id of the last event before it.
    pub fn subscribe(&self) -> (broadcast::Receiver<Numbered>, u64) {
        let last_id = self.last_id.lock().unwrap_or_else(|e| e.into_inner());
        (self.sender.subscribe(), *last_id)
    }

    /// Resolves when the server starts shutting down (see [`LiveBus::close`]).
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// Ends every open stream; called once the server stops taking requests.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// The id of the last change announced. A page rendered now shows everything up to it, so
    /// its board, once connected, reloads only when the stream starts at a later id.
    pub fn last_id(&self) -> u64 {
        *self.last_id.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts a change no board is open for, and says so; `false` when boards are open (they
    /// subscribed before, so what is sent next reaches them).
    fn counted_unseen(&self) -> bool {
        let mut last_id = self.last_id.lock().unwrap_or_else(|e| e.into_inner());
        let unseen = self.sender.receiver_count() == 0;
        if unseen {
            *last_id += 1;
        }
        unseen
    }

    /// Sends `events` to every open board, numbered in order (counting a change even when
    /// there is no event for it).
    pub fn send(&self, events: Vec<LiveEvent>) {
        let mut last_id = self.last_id.lock().unwrap_or_else(|e| e.into_inner());
        if events.is_empty() {
            *last_id += 1;
        }
        for event in events {
            *last_id += 1;
            // No board open is not an error.
            let _ = self.sender.send(Numbered {
                id: *last_id,
                event,
            });
        }
    }

    /// Announces `kind` for each of `order_ids`, after the change has been committed.
    pub async fn publish(&self, pool: &Pool, kind: LiveKind, order_ids: &[i64]) {
        if order_ids.is_empty() || self.counted_unseen() {
            return;
        }
        match crate::live::db::order_events(pool, kind, order_ids).await {
            Ok(events) => self.send(events),
            Err(error) => {
                tracing::warn!(%error, ?kind, "live event not announced");
                self.send(Vec::new());
            }
        }
    }
}

/// Announces `kind` for `order_ids` from a server function, after its write has committed.
pub async fn announce(kind: LiveKind, order_ids: &[i64]) {
    if let Ok(state) = crate::state::app_state() {
        state.live.publish(&state.pool, kind, order_ids).await;
    }
}
