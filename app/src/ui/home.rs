//! The home page: the three services, in large friendly cards.

use leptos::prelude::*;

use crate::i18n::use_texts;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_texts();
    // (icon, title, description, page once the service is open)
    let services = [
        ("🍲", t.canteen_title, t.canteen_desc, Some("/canteen")),
        ("📚", t.school_title, t.school_desc, Some("/school")),
        (
            "🤝",
            t.volunteer_title,
            t.volunteer_desc,
            Some("/volunteer"),
        ),
    ];
    view! {
        <section class="hero">
            <h1>{t.app_name}</h1>
            <p class="lead">{t.tagline}</p>
        </section>
        <ul class="service-cards">
            {services
                .into_iter()
                .map(|(icon, title, desc, href)| {
                    view! {
                        <li class="card service-card">
                            <span class="service-icon" aria-hidden="true">{icon}</span>
                            <h2>
                                {match href {
                                    Some(href) => view! { <a href=href>{title}</a> }.into_any(),
                                    None => title.into_any(),
                                }}
                            </h2>
                            <p>{desc}</p>
                            {href.is_none().then(|| view! { <p class="muted">{t.service_opening}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_texts();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="card">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_body}</p>
            <a class="button" href="/">{t.back_home}</a>
        </section>
    }
}
