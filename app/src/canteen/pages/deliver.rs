//! /canteen/deliver — 我的送餐: the deliverer's routes from yesterday to tomorrow, stop by
//! stop, with big 已送达 / 无人应答 buttons for a phone.

use leptos::prelude::*;

use crate::canteen::api::delivery::{my_deliveries, MarkStop};
use crate::ui::loaded::loaded_list;

use crate::canteen::model::delivery::{DeliveryOutcome, RouteStop};
use crate::canteen::model::order::Fulfilment;
use crate::i18n::dates::day_label;
use crate::i18n::{list_label, use_locale, use_texts};
use crate::ui::form::{action_error, FormError};
use crate::ui::layout::WithUser;
use crate::ui::page_head::PageHead;

/// The two outcome buttons of a stop, once the meal has left the kitchen.
pub fn stop_buttons(stop: &RouteStop, mark: ServerAction<MarkStop>) -> impl IntoView {
    let t = use_texts();
    let order_id = stop.order_id;
    stop.can_mark.then(|| {
        [
            (
                DeliveryOutcome::Delivered,
                t.canteen.delivered,
                "button primary",
            ),
            (
                DeliveryOutcome::NoAnswer,
                t.canteen.no_answer,
                "button danger",
            ),
        ]
        .into_iter()
        .map(|(outcome, label, class)| {
            view! {
                <ActionForm action=mark attr:class="inline-form">
                    <input type="hidden" name="order_id" value=order_id.to_string() />
                    <input type="hidden" name="outcome" value=outcome.code() />
                    <button type="submit" class=class>{label}</button>
                </ActionForm>
            }
        })
        .collect_view()
    })
}

#[component]
pub fn DeliverPage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let mark = ServerAction::<MarkStop>::new();
    let routes = Resource::new(move || mark.version().get(), |_| my_deliveries());
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.canteen.my_deliveries intro=t.canteen.my_deliveries_intro />
            <FormError error=action_error(mark) />
            {loaded_list(routes, t.canteen.no_deliveries, move |list| list.into_iter().map(|route| view! {
                <section class="route">
                    <h2>{day_label(route.date, locale)} " · " {t.canteen.route} " " {route.route_no}</h2>
                    <ol class="stops">
                        {route.stops.into_iter().map(|stop| view! {
                            <li class="card stop" data-status=stop.status.code()>
                                <h3>{stop.position} ". " {stop.elder_name.clone()}</h3>
                                <p class="address">{stop.address.clone()}</p>
                                <p><a class="button" href=format!("tel:{}", stop.phone)>"📞 " {stop.phone.clone()}</a></p>
                                <p>{list_label(&stop.lines, use_locale())}</p>
                                {(!stop.notes.is_empty()).then(|| view! { <p class="muted">{stop.notes.clone()}</p> })}
                                <p><span class="badge">{stop.status.label_for_in(Fulfilment::Delivery, locale)}</span></p>
                                <div class="actions">{stop_buttons(&stop, mark)}</div>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            }).collect_view().into_any())}
        } />
    }
}
