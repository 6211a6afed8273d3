//! The elders an account has in its care, as cards: /family ("我的家庭", the elders a family
//! member looks after) and /community/elders (the elders of the communities a worker serves,
//! for phone bookings). One page, two lists.

use leptos::prelude::*;

use crate::household::api::{community_elders, my_elders};
use crate::household::pages::elder_card::ElderList;
use crate::i18n::use_texts;
use crate::ui::layout::WithUser;
use crate::ui::page_head::PageHead;

#[derive(Clone, Copy)]
enum Whose {
    Family,
    Community,
}

#[component]
pub fn FamilyPage() -> impl IntoView {
    elders_page(Whose::Family)
}

#[component]
pub fn CommunityEldersPage() -> impl IntoView {
    elders_page(Whose::Community)
}

fn elders_page(whose: Whose) -> impl IntoView {
    let t = use_texts();
    let elders = Resource::new(
        || (),
        move |_| async move {
            match whose {
                Whose::Family => my_elders().await,
                Whose::Community => community_elders().await,
            }
        },
    );
    let (title, intro, add) = match whose {
        Whose::Family => (t.family_title, t.family_intro, "/family/elders/new"),
        Whose::Community => (t.staff_elders_title, "", "/community/elders/new"),
    };
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title intro>
                <a class="button primary" href=add>"＋ " {t.add_elder}</a>
            </PageHead>
            <ElderList elders />
        } />
    }
}
