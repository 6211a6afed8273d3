//! The 打印 button of printable sheets (prep sheet, routes, rosters, timetables). It prints from
//! an event handler of the app, not an inline `onclick`, which the pages' security policy
//! forbids.

use leptos::prelude::*;

#[component]
pub fn PrintButton(
    label: &'static str,
    /// Extra classes, e.g. `no-print` where the button is not inside a `.no-print` block.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let class = format!("button {class}").trim_end().to_string();
    view! {
        <button type="button" class=class on:click=|_| { let _ = window().print(); }>
            {label}
        </button>
    }
}
