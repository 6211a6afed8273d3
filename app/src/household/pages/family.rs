//! /family — "我的家庭": the elders this account looks after.

use leptos::prelude::*;

use crate::household::api::my_elders;
use crate::household::pages::elder_card::ElderList;
use crate::i18n::use_texts;
use crate::ui::layout::WithUser;
use crate::ui::page_head::PageHead;

#[component]
pub fn FamilyPage() -> impl IntoView {
    let t = use_texts();
    let elders = Resource::new(|| (), |_| my_elders());
    view! {
        <WithUser view=move |_user| {
            view! {
                <PageHead title=t.family_title intro=t.family_intro>
                    <a class="button primary" href="/family/elders/new">"＋ " {t.add_elder}</a>
                </PageHead>
                <ElderList elders />
            }
        } />
    }
}
