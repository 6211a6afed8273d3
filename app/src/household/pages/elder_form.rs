//! The elder profile form, for adding (family or staff) and for editing.

use leptos::prelude::*;

use crate::community::api::list_communities;
use crate::community::model::Community;
use crate::domain::elder::{Allergen, DietNeed, ElderForm, SubsidyCategory};
use crate::household::api::{get_elder, AddCommunityElder, AddElder, UpdateElder};
use crate::i18n::{use_locale, use_texts};
use crate::ui::address::path_id;
use crate::ui::form::{
    action_error, checkbox_group, submitted_values, CodeSelect, FormError, SubmitButton, TextField,
};
use crate::ui::layout::WithUser;

/// Who fills the form in: the family (linked to the elder) or community staff.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Filler {
    Family,
    Staff,
}

/// Every field of the profile, named `form[...]` for the server function's `form` argument.
#[component]
pub fn ElderFields(
    initial: ElderForm,
    communities: Vec<Community>,
    filler: Filler,
) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let chosen_community = initial.community_id.clone();
    view! {
        <TextField label=t.elder_name name="form[name]" value=initial.name required=true />
        <TextField
            label=t.birth_date
            name="form[birth_date]"
            kind="date"
            value=initial.birth_date
            required=true
        />
        <div class="field">
            <label for="field-community">{t.community}</label>
            <select id="field-community" name="form[community_id]" required=true>
                <option value="">{t.choose_community}</option>
                {communities
                    .into_iter()
                    .map(|c| {
                        let selected = c.id.to_string() == chosen_community;
                        view! {
                            <option value=c.id.to_string() selected=selected>
                                {c.full_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <div class="field-row">
            <TextField label=t.building name="form[building]" value=initial.building required=true />
            <TextField label=t.unit name="form[unit]" value=initial.unit />
            <TextField label=t.room name="form[room]" value=initial.room required=true />
        </div>
        <TextField
            label=t.elder_phone
            name="form[phone]"
            kind="tel"
            value=initial.phone
            hint=t.phone_hint
            inputmode="numeric"
        />
        <div class="field">
            <label class="choice">
                <input
                    type="checkbox"
                    name="form[needs_delivery]"
                    value="true"
                    checked=initial.needs_delivery
                />
                {t.needs_delivery}
            </label>
        </div>
        {checkbox_group(
            t.allergies,
            "form[allergies][]",
            Allergen::ALL,
            Allergen::code,
            Allergen::label_in,
            initial.allergies,
        )}
        {checkbox_group(
            t.diet_needs,
            "form[diet_needs][]",
            DietNeed::ALL,
            DietNeed::code,
            DietNeed::label_in,
            initial.diet_needs,
        )}
        <CodeSelect id="field-subsidy" name="form[subsidy_category]" label=t.subsidy_category
            choices=SubsidyCategory::ALL.iter().map(|s| (s.code(), s.label_in(locale))).collect()
            chosen=initial.subsidy_category />
        <TextField label=t.notes name="form[notes]" value=initial.notes hint=t.notes_hint />
        {(filler == Filler::Family)
            .then(|| view! { <TextField label=t.relation name="form[relation]" value=initial.relation /> })}
    }
}

/// The form as last submitted, after a plain form post (JavaScript off) was refused.
fn resubmitted_form() -> ElderForm {
    let one = |name: &str| {
        submitted_values(name)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    ElderForm {
        name: one("form[name]"),
        birth_date: one("form[birth_date]"),
        community_id: one("form[community_id]"),
        building: one("form[building]"),
        unit: one("form[unit]"),
        room: one("form[room]"),
        phone: one("form[phone]"),
        needs_delivery: one("form[needs_delivery]") == "true",
        allergies: submitted_values("form[allergies][]"),
        diet_needs: submitted_values("form[diet_needs][]"),
        subsidy_category: one("form[subsidy_category]"),
        notes: one("form[notes]"),
        relation: one("form[relation]"),
    }
}

fn communities_resource() -> Resource<Result<Vec<Community>, crate::error::AppError>> {
    Resource::new(|| (), |_| list_communities())
}

/// /family/elders/new and /community/elders/new.
#[component]
pub fn NewElderPage(filler: Filler) -> impl IntoView {
    let t = use_texts();
    let communities = communities_resource();
    let add_family = ServerAction::<AddElder>::new();
    let add_staff = ServerAction::<AddCommunityElder>::new();
    view! {
        <WithUser view=move |user| {
            view! {
                <section class="card">
                    <h1>{t.add_elder}</h1>
                    <Suspense fallback=move || view! { <p class="muted">{t.loading}</p> }>
                        {
                            let user = user.clone();
                            move || {
                                let user = user.clone();
                                Suspend::new(async move {
                                    let mut list = communities.await.unwrap_or_default();
                                    if filler == Filler::Staff {
                                        list.retain(|c| user.is_staff_of(c.id));
                                    }
                                    let fields = view! {
                                        <ElderFields initial=resubmitted_form() communities=list filler=filler />
                                    };
                                    match filler {
                                        Filler::Family => view! {
                                            <ActionForm action=add_family>
                                                <FormError error=action_error(add_family) />
                                                {fields}
                                                <SubmitButton label=t.save pending=add_family.pending() />
                                            </ActionForm>
                                        }.into_any(),
                                        Filler::Staff => view! {
                                            <ActionForm action=add_staff>
                                                <FormError error=action_error(add_staff) />
                                                {fields}
                                                <SubmitButton label=t.save pending=add_staff.pending() />
                                            </ActionForm>
                                        }.into_any(),
                                    }
                                })
                            }
                        }
                    </Suspense>
                </section>
            }
        } />
    }
}

/// /family/elders/:id — edit a profile the account may see.
#[component]
pub fn EditElderPage() -> impl IntoView {
    let t = use_texts();
    let elder_id = path_id();
    let communities = communities_resource();
    let elder = Resource::new(elder_id, get_elder);
    let update = ServerAction::<UpdateElder>::new();
    view! {
        <WithUser view=move |_user| {
            view! {
                <section class="card">
                    <h1>{t.edit_elder}</h1>
                    <Suspense fallback=move || view! { <p class="muted">{t.loading}</p> }>
                        {move || Suspend::new(async move {
                            let list = communities.await.unwrap_or_default();
                            match elder.await {
                                Ok(current) => {
                                    let filler = if current.relation.is_empty() { Filler::Staff } else { Filler::Family };
                                    view! {
                                        <ActionForm action=update>
                                            <FormError error=action_error(update) />
                                            <input type="hidden" name="elder_id" value=current.id.to_string() />
                                            <ElderFields initial=current.to_form() communities=list filler=filler />
                                            <SubmitButton label=t.save pending=update.pending() />
                                        </ActionForm>
                                    }
                                        .into_any()
                                }
                                Err(error) => view! { <FormError error=Signal::stored(Some(error)) /> }.into_any(),
                            }
                        })}
                    </Suspense>
                </section>
            }
        } />
    }
}
