//! What a page reads from its own address: the record in the path (`/canteen/3`) and the
//! choices in the query (`?service=2&date=2026-11-24`). Each reader is a closure to call inside
//! a resource's source, so the page follows the address as it changes.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The `:id` of the path as a number; 0 when it is not one (the server then finds nothing).
pub fn path_id() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get("id").and_then(|id| id.parse().ok()).unwrap_or(0))
}

/// The number in query parameter `name`, when there is one.
pub fn query_number(name: &'static str) -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.with(|q| q.get(name).and_then(|v| v.parse().ok()))
}

/// The text of query parameter `name`, when it is not empty.
pub fn query_text(
    name: &'static str,
) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.with(|q| q.get(name).filter(|v| !v.is_empty()))
}
