//! The service-and-date picker at the top of the staff pages: a GET form, so it works with
//! JavaScript off and the address can be bookmarked or printed.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::canteen::api::kitchen::managed_services;
use crate::canteen::pages::service_title;
use crate::i18n::{use_locale, use_texts};

/// The `service` and `date` query parameters of the page.
pub fn use_service_and_date() -> (
    impl Fn() -> Option<i64> + Copy + Send + Sync + 'static,
    impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
) {
    let query = use_query_map();
    let service = move || query.with(|q| q.get("service").and_then(|v| v.parse::<i64>().ok()));
    let date = move || query.with(|q| q.get("date").filter(|d| !d.is_empty()));
    (service, date)
}

/// Picks the service and date; `action` is the page's own path. Rendered at the top of the
/// page, outside any suspended part, so its resource is created once.
#[component]
pub fn StaffPicker(action: &'static str) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let (service, date) = use_service_and_date();
    let service_id = service();
    let date = date().unwrap_or_default();
    let services = Resource::new(|| (), |_| managed_services());
    view! {
        <Form method="get" action=action attr:class="card picker no-print">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let list = services.await.unwrap_or_default();
                    view! {
                        <div class="field">
                            <label for="pick-service">{t.canteen.which_meal}</label>
                            <select id="pick-service" name="service">
                                {list.into_iter().map(|s| view! {
                                    <option value=s.id.to_string() selected=Some(s.id) == service_id>{service_title(&s.canteen, s.meal, locale)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    }
                })}
            </Suspense>
            <div class="field">
                <label for="pick-date">{t.canteen.date}</label>
                <input id="pick-date" type="date" name="date" value=date />
            </div>
            <button type="submit" class="button">{t.canteen.show}</button>
        </Form>
    }
}
