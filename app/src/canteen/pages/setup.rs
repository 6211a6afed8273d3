//! /canteen/manage/setup — 食堂设置: each meal's cutoff, serving time and places, and the
//! dishes and set meals with price, allergens and diet tags.

use leptos::prelude::*;

use crate::canteen::api::setup::{load_canteen_setup, SaveCanteen, SaveDish, SaveService};
use crate::canteen::model::menu::Meal;
use crate::canteen::model::setup::{CanteenSetup, DishRow, ServiceRow};
use crate::canteen::rules::pricing::yuan;
use crate::domain::elder::{split_codes, Allergen, DietNeed};
use crate::i18n::{list_label, use_locale, use_texts};
use crate::ui::form::{checkbox_group, SaveNotices, Saves};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;

#[component]
pub fn SetupPage() -> impl IntoView {
    let t = use_texts();
    let saves = Saves::new();
    let canteen = saves.action::<SaveCanteen>();
    let service = saves.action::<SaveService>();
    let dish = saves.action::<SaveDish>();
    let setup = Resource::new(move || saves.count(), |_| load_canteen_setup(None));
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.canteen.setup_title links=vec![("/canteen/manage", t.canteen.kitchen_title)] />
            <SaveNotices saves />
            {loaded(setup, move |setup| view! {
                {canteen_form(&setup, canteen)}
                <section class="card">
                    <h2>{setup.canteen.clone()} " · " {t.canteen.services}</h2>
                    {setup.services.into_iter().map(|s| service_form(s, service)).collect_view()}
                </section>
                <section class="card">
                    <h2>{t.canteen.dishes}</h2>
                    <ul class="dishes">
                        {setup.dishes.into_iter().map(|d| dish_item(d, setup.canteen_id, dish)).collect_view()}
                    </ul>
                    <details>
                        <summary class="button primary">"＋ " {t.canteen.new_dish}</summary>
                        {dish_form(None, setup.canteen_id, dish)}
                    </details>
                </section>
            }.into_any())}
        } />
    }
}

fn canteen_form(setup: &CanteenSetup, action: ServerAction<SaveCanteen>) -> impl IntoView {
    let t = use_texts();
    let (id, name, address, hours) = (
        setup.canteen_id,
        setup.canteen.clone(),
        setup.address.clone(),
        setup.opening_hours.clone(),
    );
    view! {
        <ActionForm action=action attr:class="card picker">
            <input type="hidden" name="canteen_id" value=id.to_string() />
            <div class="field">
                <label for="canteen-name">{t.canteen.canteen_name}</label>
                <input id="canteen-name" name="name" value=name required=true maxlength="40" />
            </div>
            <div class="field">
                <label for="canteen-address">{t.canteen.address}</label>
                <input id="canteen-address" name="address" value=address required=true maxlength="80" />
            </div>
            <div class="field">
                <label for="canteen-hours">{t.opening_hours}</label>
                <input id="canteen-hours" name="opening_hours" value=hours required=true maxlength="60" />
            </div>
            <button type="submit" class="button">{t.save}</button>
        </ActionForm>
    }
}

fn service_form(s: ServiceRow, action: ServerAction<SaveService>) -> impl IntoView {
    let t = use_texts();
    view! {
        <ActionForm action=action attr:class="inline-form service-form">
            <input type="hidden" name="service_id" value=s.id.to_string() />
            <strong>{Meal::from_code(&s.meal).map_or("", |m| m.label_in(use_locale()))}</strong>
            <label>{t.order_cutoff} " " <input type="time" name="cutoff_time" value=s.cutoff_time required=true /></label>
            <label>{t.canteen.serve_time} " " <input type="time" name="serve_time" value=s.serve_time required=true /></label>
            <label>{t.canteen.capacity} " " <input type="number" name="capacity" min="0" max="2000" value=s.capacity.to_string() required=true /></label>
            <button type="submit" class="button">{t.save}</button>
        </ActionForm>
    }
}

fn dish_item(d: DishRow, canteen_id: i64, action: ServerAction<SaveDish>) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let allergens = split_codes(&d.allergens, Allergen::from_code);
    let allergens = list_label(allergens.iter().map(|a| a.label_in(locale)), locale);
    view! {
        <li class="dish">
            <span class="dish-name">{d.name.clone()}
                {d.is_set_meal.then(|| view! { <span class="badge">{t.set_meal}</span> })}
            </span>
            <span class="dish-price">{yuan(d.price_fen)}</span>
            {(!allergens.is_empty()).then(|| view! { <span class="allergy">"⚠ " {t.contains} {allergens}</span> })}
            <details>
                <summary>{t.canteen.edit_dish}</summary>
                {dish_form(Some(d), canteen_id, action)}
            </details>
        </li>
    }
}

fn dish_form(d: Option<DishRow>, canteen_id: i64, action: ServerAction<SaveDish>) -> impl IntoView {
    let t = use_texts();
    let id = d.as_ref().map_or(0, |d| d.id);
    let field = move |name: &str| format!("dish-{id}-{name}");
    let chosen = |codes: Option<&str>| {
        codes
            .unwrap_or_default()
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    view! {
        <ActionForm action=action attr:class="dish-form">
            <input type="hidden" name="canteen_id" value=canteen_id.to_string() />
            <input type="hidden" name="dish_id" value=id.to_string() />
            <div class="field">
                <label for=field("name")>{t.canteen.dish_name}</label>
                <input id=field("name") name="form[name]" value=d.as_ref().map(|d| d.name.clone()) required=true maxlength="40" />
            </div>
            <div class="field">
                <label for=field("price")>{t.canteen.price_yuan}</label>
                <input id=field("price") name="form[price]" inputmode="decimal" required=true
                    value=d.as_ref().map(|d| format!("{}.{:02}", d.price_fen / 100, d.price_fen % 100)) />
            </div>
            <label class="choice">
                <input type="checkbox" name="form[is_set_meal]" checked=d.as_ref().is_some_and(|d| d.is_set_meal) />
                {t.set_meal}
            </label>
            {checkbox_group(t.canteen.dish_allergens, "form[allergens][]", Allergen::ALL, Allergen::code, Allergen::label_in, chosen(d.as_ref().map(|d| d.allergens.as_str())))}
            {checkbox_group(t.canteen.diet_tags, "form[diet_tags][]", DietNeed::ALL, DietNeed::code, DietNeed::label_in, chosen(d.as_ref().map(|d| d.diet_tags.as_str())))}
            <button type="submit" class="button primary">{t.save}</button>
        </ActionForm>
    }
}
