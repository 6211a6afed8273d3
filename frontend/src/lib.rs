//! The browser entry point: hydrates the server-rendered page. Everything else lives in `app`.
//! Pages are lazy routes, so hydration waits for the current page's piece of the bundle.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    mark("xingfu-hydrate-start");
    // Futures (the lazy pages among them) run on the browser's event loop.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        leptos::mount::hydrate_from_async(leptos::tachys::dom::body(), app::App)
            .await
            .forget();
        mark_hydrated();
    });
}

/// A point on the browser's performance timeline (the benchmark reads it).
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// A marker for the browser tests and the benchmark: the page is now driven by the WebAssembly.
fn mark_hydrated() {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(
            &window,
            &JsValue::from_str("__xingfuHydrated"),
            &JsValue::TRUE,
        );
    }
}
