//! /canteen/order — 订餐: choose the elder and the meal, then the days (or a weekly standing
//! order), the dishes, and how the meal reaches the elder. Works as plain forms without
//! JavaScript; the price shown is the price charged.

use leptos::prelude::*;
use leptos_router::components::Form;

use crate::canteen::api::order::{order_options, PlaceMealOrder};
use crate::canteen::model::order::Fulfilment;
use crate::canteen::model::order::{DishChoice, OrderChoices};
use crate::canteen::pages::{allergen_list, service_title};
use crate::canteen::rules::pricing::{quote, yuan, PricedLine};
use crate::i18n::dates::{day_label, weekday_names};
use crate::i18n::use_locale;
use crate::i18n::use_texts;
use crate::ui::address::query_number;
use crate::ui::form::{action_error, FormError, SubmitButton};
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;

#[component]
pub fn OrderPage() -> impl IntoView {
    let t = use_texts();
    let elder = query_number("elder");
    let service = query_number("service");
    let replaces = query_number("replaces");
    let place = ServerAction::<PlaceMealOrder>::new();
    let options = Resource::new(
        move || (elder(), service(), replaces()),
        |(elder, service, replaces)| order_options(elder, service, replaces),
    );
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.canteen.order_title intro=t.canteen.order_intro />
            {loaded(options, move |options| view! {
                <ChooseMeal options=options.clone() />
                {(options.elder.is_some() && options.service.is_some())
                    .then(|| view! { <OrderForm options place /> })}
            }.into_any())}
        } />
    }
}

/// Step one: which elder, which canteen and meal. A GET form, so it also works without JS.
#[component]
fn ChooseMeal(options: OrderChoices) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let chosen_elder = options.elder.as_ref().map(|e| e.id);
    let chosen_service = options.service.as_ref().map(|s| s.id);
    if options.elders.is_empty() {
        return view! {
            <section class="card">
                <p>{t.canteen.no_elders_to_order_for}</p>
                <a class="button primary" href="/family/elders/new">{t.add_elder}</a>
            </section>
        }
        .into_any();
    }
    view! {
        <Form method="get" action="/canteen/order" attr:class="card choose-meal">
            <div class="field">
                <label for="choose-elder">{t.canteen.for_elder}</label>
                <select id="choose-elder" name="elder" required=true>
                    <option value="">{t.canteen.choose}</option>
                    {options.elders.into_iter().map(|e| {
                        let selected = chosen_elder == Some(e.id);
                        view! { <option value=e.id.to_string() selected=selected>{e.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="choose-service">{t.canteen.which_meal}</label>
                <select id="choose-service" name="service" required=true>
                    <option value="">{t.canteen.choose}</option>
                    {options.services.into_iter().map(|s| {
                        let selected = chosen_service == Some(s.id);
                        view! { <option value=s.id.to_string() selected=selected>{service_title(&s.canteen, s.meal, locale)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t.canteen.next_step}</button>
        </Form>
    }
    .into_any()
}

fn dish_field(
    dish: DishChoice,
    elder_name: &str,
    preset: Option<i64>,
    chosen: RwSignal<Vec<(i64, i64)>>,
) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let refused = !dish.refused_because.is_empty();
    let allergens = allergen_list(&dish.allergens, locale);
    let refused_because = t
        .canteen
        .is_allergic_to
        .replace("{allergens}", &allergen_list(&dish.refused_because, locale))
        .replace("{name}", elder_name);
    let id = format!("dish-{}", dish.id);
    let price = if dish.elder_price_fen < dish.price_fen {
        format!(
            "{} {}（{} {}）",
            t.canteen.elder_pays,
            yuan(dish.elder_price_fen),
            t.canteen.full_price,
            yuan(dish.price_fen)
        )
    } else {
        yuan(dish.price_fen)
    };
    let dish_id = dish.id;
    view! {
        <div class="field dish-choice" class:refused=refused>
            <label for=id.clone()>
                <span class="dish-name">{dish.name.clone()}
                    {dish.is_set_meal.then(|| view! { <span class="badge">{t.set_meal}</span> })}
                </span>
                <span class="dish-price">{price}</span>
                {(!allergens.is_empty()).then(|| view! { <span class="muted">{t.contains} {allergens}</span> })}
            </label>
            {if refused {
                view! { <p class="allergy" role="note">"⚠ " {refused_because} {t.canteen.cannot_order_dish}</p> }.into_any()
            } else {
                view! {
                    <select id=id name="form[dishes][]" aria-label=dish.name.clone()
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            chosen.update(|lines| {
                                lines.retain(|(id, _)| *id != dish_id);
                                if let Some((_, qty)) = value.split_once(':') {
                                    lines.push((dish_id, qty.parse().unwrap_or(1)));
                                }
                            });
                        }>
                        <option value="">{t.canteen.none}</option>
                        {(1..=3).map(|n| view! {
                            <option value=format!("{dish_id}:{n}") selected=preset == Some(n)>{n} {t.canteen.portions}</option>
                        }).collect_view()}
                    </select>
                }.into_any()
            }}
        </div>
    }
}

/// "每餐 ¥5.00 × 3 天 = ¥15.00": what the chosen dishes cost this elder, as the server will
/// price them (the subsidy on the dearest set meal only).
fn meal_total(dishes: &[DishChoice], chosen: &[(i64, i64)], days: usize) -> String {
    let t = use_texts();
    let lines: Vec<PricedLine> = chosen
        .iter()
        .filter_map(|(id, quantity)| {
            let dish = dishes.iter().find(|d| d.id == *id)?;
            Some(PricedLine {
                unit_price_fen: dish.price_fen,
                quantity: *quantity,
                is_set_meal: dish.is_set_meal,
            })
        })
        .collect();
    let subsidy = dishes
        .iter()
        .filter(|d| d.is_set_meal)
        .map(|d| d.price_fen - d.elder_price_fen)
        .max()
        .unwrap_or(0);
    let per_meal = quote(&lines, subsidy).pay_fen;
    format!(
        "{} {} × {} {} = {}",
        t.canteen.per_meal,
        yuan(per_meal),
        days,
        t.canteen.days,
        yuan(per_meal * days as i64)
    )
}

#[component]
fn OrderForm(options: OrderChoices, place: ServerAction<PlaceMealOrder>) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let (Some(elder), Some(service)) = (options.elder.clone(), options.service.clone()) else {
        return ().into_any();
    };
    let replacing = options.replacing.clone();
    let preset_quantity = |dish: &DishChoice, first_set_meal: bool| -> Option<i64> {
        match &replacing {
            Some(r) => r.lines.iter().find_map(|l| {
                let (id, qty) = l.split_once(':')?;
                (id.parse::<i64>().ok()? == dish.id).then(|| qty.parse().ok())?
            }),
            None => first_set_meal.then_some(1),
        }
    };
    let first_set_meal = options
        .dishes
        .iter()
        .find(|d| d.is_set_meal && d.refused_because.is_empty())
        .map(|d| d.id);
    let default_fulfilment = match &replacing {
        Some(r) => r.fulfilment.clone(),
        None if elder.needs_delivery => Fulfilment::Delivery.code().to_string(),
        None => Fulfilment::DineIn.code().to_string(),
    };
    let replacing_date = replacing.as_ref().map(|r| r.date);
    let replaces_id = replacing.as_ref().map_or(0, |r| r.order_id);
    let replaces = options.replacing.is_some();
    let days = options
        .days
        .into_iter()
        .filter(|d| replacing_date.is_none_or(|r| r == d.date))
        .collect::<Vec<_>>();
    let presets: Vec<(i64, i64)> = options
        .dishes
        .iter()
        .filter_map(|dish| {
            Some((
                dish.id,
                preset_quantity(dish, first_set_meal == Some(dish.id))?,
            ))
        })
        .collect();
    let chosen = RwSignal::new(presets.clone());
    let day_count = RwSignal::new(usize::from(replacing_date.is_some()));
    let priced = options.dishes.clone();
    let dishes = options
        .dishes
        .into_iter()
        .map(|dish| {
            let preset = presets
                .iter()
                .find(|(id, _)| *id == dish.id)
                .map(|(_, q)| *q);
            dish_field(dish, &elder.name, preset, chosen)
        })
        .collect_view();
    view! {
        <ActionForm action=place attr:class="card order-form">
            <h2>{elder.name.clone()} " · " {service_title(&service.canteen, service.meal, locale)}</h2>
            {(!elder.allergies.is_empty()).then(|| view! {
                <p class="allergy">"⚠ " {t.allergies} "：" {allergen_list(&elder.allergies, locale)}</p>
            })}
            <FormError error=action_error(place) />
            <input type="hidden" name="form[elder_id]" value=elder.id.to_string() />
            <input type="hidden" name="form[service_id]" value=service.id.to_string() />
            <input type="hidden" name="form[replaces]" value=replaces_id.to_string() />
            <fieldset>
                <legend>{t.canteen.which_days} <span class="muted">" · " {t.order_cutoff} " " {service.cutoff_time.clone()}</span></legend>
                <div class="choice-grid">
                    {days.into_iter().map(|day| {
                        let open = day.closed_because.is_none();
                        let iso = day.date.to_string();
                        let checked = replacing_date == Some(day.date);
                        let note = match day.closed_because {
                            None => format!("{} {}", t.canteen.places_left, day.places_left),
                            Some(closed) => closed.label_in(locale).to_string(),
                        };
                        view! {
                            <label class="choice" class:closed=!open>
                                <input type="checkbox" name="form[dates][]" value=iso disabled=!open checked=checked
                                    on:change=move |ev| day_count.update(|n| {
                                        *n = if event_target_checked(&ev) { *n + 1 } else { n.saturating_sub(1) };
                                    }) />
                                <span>{day_label(day.date, locale)}</span>
                                <span class="muted">{note}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            {(!replaces).then(|| view! {
                <fieldset>
                    <legend>{t.canteen.every_week}</legend>
                    <p class="hint">{t.canteen.every_week_hint}</p>
                    <div class="choice-grid weekdays">
                        {weekday_names(use_locale()).iter().enumerate().map(|(i, name)| view! {
                            <label class="choice">
                                <input type="checkbox" name="form[weekdays][]" value=(i + 1).to_string() />
                                <span>{*name}</span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
            })}
            <fieldset>
                <legend>{t.canteen.which_dishes}</legend>
                <p class="hint">{t.canteen.subsidy_hint}</p>
                {dishes}
            </fieldset>
            <fieldset>
                <legend>{t.canteen.how_served}</legend>
                {Fulfilment::ALL.iter().copied().map(|f| {
                    let allowed = f != Fulfilment::Delivery || elder.needs_delivery;
                    let checked = default_fulfilment == f.code();
                    view! {
                        <label class="choice" class:closed=!allowed>
                            <input type="radio" name="form[fulfilment]" value=f.code() checked=checked disabled=!allowed />
                            <span>{f.label_in(locale)}</span>
                            {(!allowed).then(|| view! { <span class="muted">{t.canteen.delivery_only_flagged}</span> })}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <p class="order-total" aria-live="polite">{move || meal_total(&priced, &chosen.get(), day_count.get())}</p>
            <SubmitButton label=if replaces { t.canteen.save_change } else { t.canteen.place_order } pending=place.pending() />
        </ActionForm>
    }
    .into_any()
}
