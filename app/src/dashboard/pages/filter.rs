//! The dashboard's filter: a plain GET form (period and community) that works without
//! JavaScript, and the 打印 link.

use leptos::prelude::*;
use leptos_router::components::Form;

use crate::auth::model::CurrentUser;
use crate::community::api::list_communities;
use crate::dashboard::model::DashboardQuery;
use crate::i18n::use_texts;
use crate::ui::loaded::loaded;

/// The period and the community, among those the caller works for.
#[component]
pub fn FilterForm(user: CurrentUser, query: DashboardQuery) -> impl IntoView {
    let t = use_texts();
    let communities = Resource::new(|| (), |_| list_communities());
    let allowed = user.staff_communities();
    loaded(communities, move |list| {
        let chosen = query.community.clone().unwrap_or_default();
        let from = query.from.clone().unwrap_or_default();
        let to = query.to.clone().unwrap_or_default();
        let options = list
            .into_iter()
            .filter(|c| allowed.as_ref().is_none_or(|ids| ids.contains(&c.id)))
            .map(|c| {
                let value = c.id.to_string();
                let selected = value == chosen;
                view! { <option value=value selected=selected>{c.full_name()}</option> }
            })
            .collect_view();
        view! {
            <Form method="get" action="/dashboard" attr:class="card picker dashboard-filter no-print">
                <div class="field">
                    <label for="dashboard-from">{t.dashboard.from}</label>
                    <input id="dashboard-from" type="date" name="from" value=from />
                </div>
                <div class="field">
                    <label for="dashboard-to">{t.dashboard.to}</label>
                    <input id="dashboard-to" type="date" name="to" value=to />
                </div>
                <div class="field">
                    <label for="dashboard-community">{t.dashboard.community}</label>
                    <select id="dashboard-community" name="community">
                        <option value="" selected=chosen.is_empty()>{t.dashboard.my_communities}</option>
                        {options}
                    </select>
                </div>
                <button type="submit" class="button primary">{t.dashboard.show}</button>
            </Form>
        }
    })
}

/// 打印: prints at once where JavaScript runs; without it, opens the sheet without the site
/// frame (`?print=1`) for the browser's own print command.
#[component]
pub fn PrintLink(query: DashboardQuery) -> impl IntoView {
    let t = use_texts();
    let mut href = String::from("/dashboard?print=1");
    for (name, value) in [
        ("from", &query.from),
        ("to", &query.to),
        ("community", &query.community),
    ] {
        if let Some(value) = value {
            href.push_str(&format!("&{name}={}", urlencode(value)));
        }
    }
    view! {
        <a class="button no-print" href=href on:click=|ev| {
            ev.prevent_default();
            let _ = window().print();
        }>{t.dashboard.print}</a>
    }
}

fn urlencode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
