//! The 打印 button of printable sheets (prep sheet, routes, rosters, timetables). It prints from
//! an event handler of the app, not an inline `onclick`, which the pages' security policy
//! forbids.

use leptos::prelude::*;

#[component]
pub fn PrintButton(label: &'static str) -> impl IntoView {
    view! {
        <button type="button" class="button" on:click=|_| { let _ = window().print(); }>
            {label}
        </button>
    }
}
