//! The browser entry point: hydrates the server-rendered page. Everything else lives in `app`.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // A marker for the browser tests: the page is now driven by the WebAssembly.
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(
            &window,
            &JsValue::from_str("__xingfuHydrated"),
            &JsValue::TRUE,
        );
    }
}
