//! One elder at a glance: who, where, how meals reach them, what they cannot eat.

use leptos::prelude::*;

use crate::household::api::LinkElderLogin;
use crate::household::model::ElderView;
use crate::i18n::{list_label, use_locale, use_texts};
use crate::ui::form::{action_error, FormError};
use crate::ui::loaded::loaded_list;

#[component]
pub fn ElderCard(elder: ElderView, edit_href: String) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let link = ServerAction::<LinkElderLogin>::new();
    let allergies = list_label(elder.allergies.iter().map(|a| a.label_in(locale)), locale);
    let diet = list_label(elder.diet_needs.iter().map(|d| d.label_in(locale)), locale);
    let address = format!("{} {}", elder.community_name, elder.address());
    view! {
        <li class="card elder-card">
            <h2>
                {elder.name.clone()} <span class="muted">" " {elder.age} {t.age_years}</span>
            </h2>
            <dl class="facts">
                <dt>{t.community}</dt>
                <dd>{address}</dd>
                {(!elder.phone.is_empty())
                    .then(|| view! { <dt>{t.elder_phone}</dt> <dd>{elder.phone.clone()}</dd> })}
                <dt>{t.meals}</dt>
                <dd>
                    {if elder.needs_delivery {
                        view! { <span class="badge badge-warn">"🚚 " {t.needs_delivery}</span> }.into_any()
                    } else {
                        view! { <span class="badge">"🚶 " {t.can_walk}</span> }.into_any()
                    }}
                </dd>
                {(!allergies.is_empty())
                    .then(|| view! { <dt>{t.allergies}</dt> <dd class="allergy">"⚠ " {allergies}</dd> })}
                {(!diet.is_empty()).then(|| view! { <dt>{t.diet_needs}</dt> <dd>{diet}</dd> })}
                <dt>{t.subsidy_category}</dt>
                <dd>{elder.subsidy_category.label_in(locale)}</dd>
                {elder.own_login.clone().map(|phone| view! { <dt>{t.linked_login}</dt> <dd>{phone}</dd> })}
            </dl>
            <a class="button" href=edit_href aria-label=format!("{}：{}", t.edit_elder, elder.name)>
                {t.edit_elder}
            </a>
            {elder.own_login.is_none().then(|| view! {
                <details class="link-login">
                    <summary>{t.link_login}</summary>
                    <p class="hint">{t.link_login_hint}</p>
                    <ActionForm action=link attr:class="inline-form">
                        <FormError error=action_error(link) />
                        <input type="hidden" name="elder_id" value=elder.id.to_string() />
                        <label>
                            {t.phone}
                            <input type="tel" name="phone" inputmode="numeric" required=true />
                        </label>
                        <button type="submit" class="button">{t.link}</button>
                    </ActionForm>
                </details>
            })}
        </li>
    }
}

/// The elders of a resource as cards, or a note that there are none yet.
#[component]
pub fn ElderList(
    elders: Resource<Result<Vec<ElderView>, crate::error::AppError>>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        {loaded_list(elders, t.no_elders, move |list| view! {
            <ul class="elder-list">
                {list
                    .into_iter()
                    .map(|elder| {
                        let href = format!("/family/elders/{}", elder.id);
                        view! { <ElderCard elder edit_href=href /> }
                    })
                    .collect_view()}
            </ul>
        }
            .into_any())}
    }
}
