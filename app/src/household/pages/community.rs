//! /community/elders — elders of the communities the worker serves, for phone bookings.

use leptos::prelude::*;

use crate::household::api::community_elders;
use crate::household::pages::elder_card::ElderList;
use crate::i18n::use_texts;
use crate::ui::layout::WithUser;
use crate::ui::page_head::PageHead;

#[component]
pub fn CommunityEldersPage() -> impl IntoView {
    let t = use_texts();
    let elders = Resource::new(|| (), |_| community_elders());
    view! {
        <WithUser view=move |_user| {
            view! {
                <PageHead title=t.staff_elders_title>
                    <a class="button primary" href="/community/elders/new">"＋ " {t.add_elder}</a>
                </PageHead>
                <ElderList elders />
            }
        } />
    }
}
