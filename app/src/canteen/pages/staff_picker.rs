//! The service-and-date picker at the top of the staff pages: a GET form, so it works with
//! JavaScript off and the address can be bookmarked or printed.

use leptos::prelude::*;
use leptos_router::components::Form;

use crate::canteen::api::kitchen::managed_services;
use crate::canteen::pages::service_title;
use crate::error::AppError;
use crate::i18n::{use_locale, use_texts};
use crate::ui::address::{query_number, query_text};

/// The `service` and `date` query parameters of the page.
pub fn use_service_and_date() -> (
    impl Fn() -> Option<i64> + Copy + Send + Sync + 'static,
    impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
) {
    (query_number("service"), query_text("date"))
}

/// Reloads a staff sheet whenever an order of its canteen changes; the sheet names its canteen
/// once it has loaded. Says whether the sheet is following.
pub fn follow_canteen<T>(
    sheet: Resource<Result<T, AppError>>,
    canteen_of: fn(&T) -> i64,
) -> ReadSignal<bool>
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
{
    crate::ui::live::refetch_on_events(
        move || {
            let canteen_id = canteen_of(&sheet.get()?.ok()?);
            Some(format!("/events/canteen/{canteen_id}"))
        },
        move || sheet.refetch(),
    )
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
