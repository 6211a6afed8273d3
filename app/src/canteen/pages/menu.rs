//! /canteen — the canteens; /canteen/:id — the week's published menu, large and clear.

use leptos::prelude::*;

use crate::canteen::api::menu::{list_canteens, weekly_menu};
use crate::canteen::model::menu::{DayMenu, DishView};
use crate::canteen::rules::pricing::yuan;
use crate::i18n::dates::day_label;
use crate::i18n::{list_label, use_locale, use_texts};
use crate::ui::address::path_id;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;

#[component]
pub fn CanteenListPage() -> impl IntoView {
    let t = use_texts();
    let canteens = Resource::new(|| (), |_| list_canteens());
    view! {
        <PageHead title=t.canteen_title intro=t.canteen_desc links=vec![("/canteen/orders", t.canteen.orders_title), ("/canteen/deliver", t.canteen.my_deliveries), ("/canteen/manage", t.canteen.kitchen_title)]>
            <a class="button primary" href="/canteen/order">{t.canteen.order_title}</a>
        </PageHead>
        {loaded(canteens, move |list| view! {
            <ul class="service-cards">
                {list.into_iter().map(|c| view! {
                    <li class="card">
                        <h2><a href=format!("/canteen/{}", c.id)>{c.name}</a></h2>
                        <p>{c.community} " · " {c.address}</p>
                        <p class="muted">{t.opening_hours} "：" {c.opening_hours}</p>
                    </li>
                }).collect_view()}
            </ul>
        }.into_any())}
    }
}

fn dish_row(dish: DishView) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let allergens = list_label(dish.allergens.iter().map(|a| a.label_in(locale)), locale);
    let tags = dish
        .diet_tags
        .iter()
        .map(|d| d.label_in(locale))
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <li class="dish">
            <span class="dish-name">
                {dish.name}
                {dish.is_set_meal.then(|| view! { <span class="badge">{t.set_meal}</span> })}
            </span>
            <span class="dish-price">
                {yuan(dish.price_fen)}
                {dish.senior_price_fen.map(|p| view! { <strong class="senior-price">{t.senior_price} " " {yuan(p)}</strong> })}
            </span>
            {(!tags.is_empty()).then(|| view! { <span class="muted">{tags}</span> })}
            {(!allergens.is_empty()).then(|| view! { <span class="allergy">"⚠ " {t.contains} {allergens}</span> })}
        </li>
    }
}

fn day_card(day: DayMenu) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    view! {
        <section class="card menu-day">
            <h2>{day_label(day.date, locale)}</h2>
            {day.meals.into_iter().map(|meal| view! {
                <h3>{meal.meal.label_in(locale)} <span class="muted">" · " {t.order_cutoff} " " {meal.cutoff_time}</span></h3>
                <ul class="dishes">{meal.dishes.into_iter().map(dish_row).collect_view()}</ul>
            }).collect_view()}
        </section>
    }
}

#[component]
pub fn CanteenMenuPage() -> impl IntoView {
    let t = use_texts();
    let canteen_id = path_id();
    let menu = Resource::new(canteen_id, weekly_menu);
    view! {
        {loaded(menu, move |(canteen, days)| view! {
            <PageHead
                title=canteen.name
                intro=format!("{} · {}：{}", canteen.address, t.opening_hours, canteen.opening_hours)
            />
            {if days.is_empty() {
                view! { <p class="card">{t.no_menu}</p> }.into_any()
            } else {
                days.into_iter().map(day_card).collect_view().into_any()
            }}
        }.into_any())}
    }
}
