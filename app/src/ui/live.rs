//! Live boards in the browser: while a board is open, the server's event stream for it
//! (`/events/…`, see `crate::live`) tells it when something it shows has changed, and the board
//! loads its whole current state again — on every event and every time the stream (re)opens,
//! so whatever happened while it was disconnected is shown as soon as it is back. Nothing is
//! opened during the server render or with JavaScript off: the board's 刷新 / Refresh link
//! reloads the page instead.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::use_texts;

/// Calls `refetch` whenever the stream at `url` (`None`: none yet) reports a change, and each
/// time it (re)opens unless nothing has changed since the page was rendered. Call it at the top
/// of the page's component. Returns whether the stream is connected: false on the server and
/// until the browser has connected, so the server render and the hydrated page agree.
pub fn refetch_on_events(
    url: impl Fn() -> Option<String> + Send + Sync + 'static,
    refetch: impl Fn() + Send + Sync + 'static,
) -> ReadSignal<bool> {
    let live = RwSignal::new(false);
    let rendered_at = leptos::server::SharedValue::new(last_change_on_server).into_inner();
    #[cfg(feature = "hydrate")]
    browser::follow(
        Memo::new(move |_| url()),
        std::rc::Rc::new(refetch),
        live,
        rendered_at,
    );
    #[cfg(not(feature = "hydrate"))]
    let _ = (url, refetch, rendered_at);
    live.read_only()
}

/// The id of the last change the server had announced when it rendered the page (sent along
/// with the page); the stream starts with the id of the last change before it opened.
fn last_change_on_server() -> Option<u64> {
    #[cfg(feature = "ssr")]
    return crate::state::app_state()
        .ok()
        .map(|state| state.live.last_id());
    #[cfg(not(feature = "ssr"))]
    None
}

/// The board's 刷新 / Refresh link (a full reload of the same address, which also works with
/// JavaScript off) and, while the stream is connected, 实时更新中 / Live.
#[component]
pub fn LiveStatus(live: ReadSignal<bool>) -> impl IntoView {
    let t = use_texts();
    let location = use_location();
    let here = move || {
        let (path, query) = (location.pathname.get(), location.search.get());
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    view! {
        <p class="live-status no-print">
            <a class="button" href=here rel="external">{t.refresh}</a>
            {move || live.get().then(|| view! { <span class="badge live-badge" role="status">{t.live_updates}</span> })}
        </p>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use std::time::Duration;

    use futures_util::StreamExt;
    use gloo_net::eventsource::futures::EventSource;
    use leptos::prelude::*;

    /// The first wait before opening a refused or broken stream again; it doubles up to the last.
    const FIRST_RETRY: Duration = Duration::from_secs(1);
    const LAST_RETRY: Duration = Duration::from_secs(60);
    /// Events arriving together (a whole service moved on at once) cause one reload.
    const SETTLE: Duration = Duration::from_millis(150);

    /// Opens a stream for each address `url` takes and closes it when the address changes or
    /// the board is left.
    pub fn follow(
        url: Memo<Option<String>>,
        refetch: Rc<dyn Fn()>,
        live: RwSignal<bool>,
        rendered_at: Option<u64>,
    ) {
        let current = StoredValue::new_local(None::<Rc<Stream>>);
        let seen = Rc::new(Cell::new(rendered_at));
        Effect::new(move |_| {
            let url = url.get();
            let (refetch, seen) = (refetch.clone(), seen.clone());
            current.update_value(|stream| {
                if let Some(old) = stream.take() {
                    old.stop();
                }
                *stream = url.map(|url| Stream::open(url, refetch, live, seen));
            });
        });
        on_cleanup(move || {
            current.update_value(|stream| {
                if let Some(old) = stream.take() {
                    old.stop();
                }
            })
        });
    }

    struct Stream {
        url: String,
        refetch: Rc<dyn Fn()>,
        live: RwSignal<bool>,
        /// The id of the last change the board shows.
        seen: Rc<Cell<Option<u64>>>,
        /// The open connection; dropping it closes it.
        source: RefCell<Option<EventSource>>,
        stopped: Cell<bool>,
        retry: Cell<Duration>,
        refetch_due: Cell<bool>,
    }

    impl Stream {
        fn open(
            url: String,
            refetch: Rc<dyn Fn()>,
            live: RwSignal<bool>,
            seen: Rc<Cell<Option<u64>>>,
        ) -> Rc<Self> {
            let stream = Rc::new(Stream {
                url,
                refetch,
                live,
                seen,
                source: RefCell::new(None),
                stopped: Cell::new(false),
                retry: Cell::new(FIRST_RETRY),
                refetch_due: Cell::new(false),
            });
            stream.clone().connect();
            stream
        }

        /// Listens until the stream is closed for good (refused, or cut off and not reopened
        /// by the browser itself), then tries again after a growing wait. Every message with
        /// a new id reloads the board: each change, and the greeting of a (re)opened
        /// connection when anything has changed since the board last loaded.
        fn connect(self: Rc<Self>) {
            if self.stopped.get() {
                return;
            }
            let Ok(mut source) = EventSource::new(&self.url) else {
                return;
            };
            let Ok(mut messages) = source.subscribe("message") else {
                return;
            };
            self.source.replace(Some(source));
            leptos::task::spawn_local(async move {
                while let Some(Ok((_, message))) = messages.next().await {
                    self.live.try_set(true);
                    self.retry.set(FIRST_RETRY);
                    let id = message.last_event_id().parse::<u64>().ok();
                    if id.is_none() || self.seen.replace(id) != id {
                        self.refetch_soon();
                    }
                }
                drop(messages);
                self.live.try_set(false);
                if !self.stopped.get() {
                    let wait = self.retry.get();
                    self.retry.set((wait * 2).min(LAST_RETRY));
                    set_timeout(move || self.connect(), wait);
                }
            });
        }

        fn refetch_soon(self: &Rc<Self>) {
            if self.refetch_due.replace(true) {
                return;
            }
            let stream = self.clone();
            set_timeout(
                move || {
                    stream.refetch_due.set(false);
                    if !stream.stopped.get() {
                        (stream.refetch)();
                    }
                },
                SETTLE,
            );
        }

        fn stop(&self) {
            self.stopped.set(true);
            self.source.replace(None);
        }
    }
}
