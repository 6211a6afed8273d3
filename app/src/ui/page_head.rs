//! The head every page starts with: its title, a sentence on what the page is for, and the
//! links and buttons to go on from it. Buttons never print; a staff sheet keeps its whole head
//! off the paper, since the sheet names itself.

use leptos::prelude::*;

/// An empty `intro` is left out. `links` are (address, label) pairs shown as buttons, after any of the page's own that
/// `children` bring first (print, 实时更新中, a form, the page's main action).
#[component]
pub fn PageHead(
    #[prop(into)] title: String,
    #[prop(optional, into)] intro: Option<String>,
    #[prop(optional)] links: Vec<(&'static str, &'static str)>,
    #[prop(optional)] sheet: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let actions = (!links.is_empty() || children.is_some()).then(|| {
        view! {
            <nav class="actions no-print" aria-label=title.clone()>
                {children.map(|children| children())}
                {links.into_iter().map(|(href, label)| view! { <a class="button" href=href>{label}</a> }).collect_view()}
            </nav>
        }
    });
    view! {
        <section class=if sheet { "page-head no-print" } else { "page-head" }>
            <h1>{title}</h1>
            {intro.filter(|intro| !intro.is_empty()).map(|intro| view! { <p>{intro}</p> })}
            {actions}
        </section>
    }
}
