//! /canteen/orders — 我的订餐: every meal ordered for the elders one looks after, with its
//! status, price, change/cancel before the cutoff, rating after the meal, and the weekly
//! standing orders with pause and resume.

use leptos::prelude::*;

use crate::canteen::api::history::{
    my_orders, CancelMealOrder, ChangeStandingOrder, RateMealOrder,
};
use crate::ui::loaded::reloaded;

use crate::canteen::model::history::{OrderView, StandingChange, StandingView};
use crate::canteen::rules::pricing::yuan;
use crate::i18n::dates::{day_label, weekdays_label};
use crate::i18n::{list_label, use_locale, use_texts};
use crate::ui::address::query_number;
use crate::ui::form::{action_error, FormError};
use crate::ui::layout::WithUser;
use crate::ui::live::{refetch_on_events, LiveStatus};
use crate::ui::page_head::PageHead;
use crate::ui::rating::rating_fields;

#[derive(Clone, Copy)]
struct OrderActions {
    cancel: ServerAction<CancelMealOrder>,
    rate: ServerAction<RateMealOrder>,
    standing: ServerAction<ChangeStandingOrder>,
}

#[component]
pub fn OrdersPage() -> impl IntoView {
    let t = use_texts();
    let elder = query_number("elder");
    let actions = OrderActions {
        cancel: ServerAction::new(),
        rate: ServerAction::new(),
        standing: ServerAction::new(),
    };
    let orders = Resource::new(
        move || {
            (
                elder(),
                actions.cancel.version().get(),
                actions.rate.version().get(),
                actions.standing.version().get(),
            )
        },
        |(elder, ..)| my_orders(elder),
    );
    // Opened once the orders have loaded: never for a visitor who is not signed in.
    let live = refetch_on_events(
        move || {
            orders
                .get()
                .and_then(Result::ok)
                .map(|_| "/events/family".to_string())
        },
        move || orders.refetch(),
    );
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.canteen.orders_title>
                <LiveStatus live />
                <a class="button primary" href="/canteen/order">"＋ " {t.canteen.order_title}</a>
            </PageHead>
            <FormError error=action_error(actions.cancel) />
            <FormError error=action_error(actions.rate) />
            <FormError error=action_error(actions.standing) />
            {reloaded(orders, move |(orders, standing)| view! {
                {(!standing.is_empty()).then(|| view! {
                    <h2>{t.canteen.standing_orders}</h2>
                    <ul class="orders">{standing.into_iter().map(|s| standing_card(s, actions)).collect_view()}</ul>
                })}
                <h2>{t.canteen.meals}</h2>
                {if orders.is_empty() {
                    view! { <p class="card">{t.canteen.no_orders}</p> }.into_any()
                } else {
                    view! { <ul class="orders">{orders.into_iter().map(|o| order_card(o, actions)).collect_view()}</ul> }.into_any()
                }}
            }.into_any())}
        } />
    }
}

fn price_line(order: &OrderView) -> String {
    let t = use_texts();
    if order.subsidy_fen > 0 {
        format!(
            "{} {}（{} {}，{} {}）",
            t.canteen.paid,
            yuan(order.pay_fen),
            t.canteen.full_price,
            yuan(order.full_price_fen),
            t.canteen.subsidy,
            yuan(order.subsidy_fen)
        )
    } else {
        format!("{} {}", t.canteen.paid, yuan(order.pay_fen))
    }
}

fn order_card(order: OrderView, actions: OrderActions) -> impl IntoView {
    let t = use_texts();
    let price = price_line(&order);
    let change_href = format!(
        "/canteen/order?elder={}&service={}&replaces={}",
        order.elder_id, order.service_id, order.id
    );
    let locale = use_locale();
    let status_class = format!("badge status-{}", order.status.code());
    let status = order.status.label_for_in(order.fulfilment, locale);
    view! {
        <li class="card order" data-order=order.id.to_string() data-status=order.status.code()>
            <h3>{day_label(order.date, locale)} " · " {order.canteen.clone()} " · " {order.meal.label_in(locale)}</h3>
            <p><span class=status_class>{status}</span> " " {order.elder_name.clone()} " · " {order.fulfilment.label_in(locale)}</p>
            <p>{list_label(&order.lines, locale)}</p>
            <p class="muted">{price}</p>
            {order.rating.map(|stars| view! {
                <p class="rating">{"★".repeat(stars as usize)} {"☆".repeat(5 - stars as usize)} " " {order.rating_comment.clone()}</p>
            })}
            {order.can_change.then(|| view! {
                <div class="actions">
                    <a class="button" href=change_href>{t.canteen.change}</a>
                    <ActionForm action=actions.cancel attr:class="inline-form">
                        <input type="hidden" name="order_id" value=order.id.to_string() />
                        <button type="submit" class="button danger">{t.canteen.cancel_order}</button>
                    </ActionForm>
                </div>
            })}
            {order.can_rate.then(|| rating_form(order.id, actions.rate))}
        </li>
    }
}

fn rating_form(order_id: i64, rate: ServerAction<RateMealOrder>) -> impl IntoView {
    let t = use_texts();
    view! {
        <ActionForm action=rate attr:class="rating-form">
            {rating_fields(t.canteen.rate_meal, "order_id", order_id)}
        </ActionForm>
    }
}

fn standing_card(standing: StandingView, actions: OrderActions) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let (label, change) = if standing.paused {
        (t.canteen.resume, StandingChange::Resume)
    } else {
        (t.canteen.pause, StandingChange::Pause)
    };
    view! {
        <li class="card standing" class:paused=standing.paused>
            <h3>{weekdays_label(&standing.weekdays, locale)} " · " {standing.canteen.clone()} " · " {standing.meal.label_in(locale)}</h3>
            <p>
                {standing.paused.then(|| view! { <span class="badge badge-warn">{t.canteen.paused}</span> " " })}
                {standing.elder_name.clone()} " · " {standing.fulfilment.label_in(locale)}
            </p>
            <p>{list_label(&standing.lines, locale)}</p>
            {(!standing.problems.is_empty()).then(|| view! { <p class="allergy">"⚠ " {standing.problems.clone()}</p> })}
            <div class="actions">
                <ActionForm action=actions.standing attr:class="inline-form">
                    <input type="hidden" name="standing_id" value=standing.id.to_string() />
                    <input type="hidden" name="pause" value=change.code() />
                    <button type="submit" class="button">{label}</button>
                </ActionForm>
                <ActionForm action=actions.standing attr:class="inline-form">
                    <input type="hidden" name="standing_id" value=standing.id.to_string() />
                    <input type="hidden" name="pause" value=StandingChange::End.code() />
                    <button type="submit" class="button danger">{t.canteen.stop_standing}</button>
                </ActionForm>
            </div>
        </li>
    }
}
