//! A table of records with a row of column headings. On a narrow phone it scrolls sideways
//! inside its own box instead of widening the page; on paper it prints whole.

use leptos::prelude::*;

/// `headings` name the columns; `children` are the body rows. An empty heading marks a
/// column of buttons, which is left off the printed sheet.
#[component]
pub fn DataTable(
    headings: Vec<&'static str>,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class=format!("data {class}")>
                <thead><tr>
                    {headings.into_iter().map(|h| view! {
                        <th scope="col" class=h.is_empty().then_some("no-print")>{h}</th>
                    }).collect_view()}
                </tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
