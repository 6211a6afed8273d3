//! /canteen/manage/routes — 送餐路线: the day's deliveries planned into routes by building,
//! stops in an order staff can adjust, a deliverer per route, and an A4 route sheet.

use leptos::prelude::*;

use crate::canteen::api::delivery::{
    load_route_sheet, AssignDeliverer, MarkStop, MoveStop, PlanRoutes,
};
use crate::ui::loaded::reloaded;

use crate::canteen::model::delivery::{RouteSheet, RouteView};
use crate::canteen::model::order::Fulfilment;
use crate::canteen::pages::deliver::stop_buttons;
use crate::canteen::pages::service_title;
use crate::canteen::pages::staff_picker::{follow_canteen, use_service_and_date, StaffPicker};
use crate::i18n::dates::day_label;
use crate::i18n::{list_label, use_locale, use_texts};
use crate::ui::form::{action_error, FormError};
use crate::ui::layout::WithUser;
use crate::ui::live::LiveStatus;
use crate::ui::page_head::PageHead;
use crate::ui::print::PrintButton;
use crate::ui::table::DataTable;
use crate::volunteer::api::shifts::OfferDeliveryRoutes;

#[derive(Clone, Copy)]
struct RouteActions {
    plan: ServerAction<PlanRoutes>,
    move_stop: ServerAction<MoveStop>,
    assign: ServerAction<AssignDeliverer>,
    mark: ServerAction<MarkStop>,
    offer: ServerAction<OfferDeliveryRoutes>,
}

#[component]
pub fn RoutesPage() -> impl IntoView {
    let t = use_texts();
    let (service, date) = use_service_and_date();
    let actions = RouteActions {
        plan: ServerAction::new(),
        move_stop: ServerAction::new(),
        assign: ServerAction::new(),
        mark: ServerAction::new(),
        offer: ServerAction::new(),
    };
    let sheet = Resource::new(
        move || {
            (
                service(),
                date(),
                actions.plan.version().get(),
                actions.move_stop.version().get(),
                actions.assign.version().get(),
                actions.mark.version().get(),
                actions.offer.version().get(),
            )
        },
        |(service, date, ..)| load_route_sheet(service, date),
    );
    let live = follow_canteen(sheet, |sheet| sheet.canteen_id);
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.canteen.delivery_routes links=vec![("/canteen/manage", t.canteen.prep_sheet)] sheet=true>
                <LiveStatus live />
            </PageHead>
            <StaffPicker action="/canteen/manage/routes" />
            <FormError error=action_error(actions.plan) />
            <FormError error=action_error(actions.move_stop) />
            <FormError error=action_error(actions.assign) />
            <FormError error=action_error(actions.mark) />
            <FormError error=action_error(actions.offer) />
            {reloaded(sheet, move |sheet| sheet_view(sheet, actions, service(), date()).into_any())}
        } />
    }
}

fn sheet_view(
    sheet: RouteSheet,
    actions: RouteActions,
    service: Option<i64>,
    date: Option<String>,
) -> impl IntoView {
    let t = use_texts();
    let service_id = service
        .or_else(|| sheet.routes.first().map(|r| r.service_id))
        .unwrap_or_default();
    let route_count = sheet.routes.len();
    let sheet_date = sheet
        .routes
        .first()
        .map(|r| r.date.to_string())
        .or(date.clone())
        .unwrap_or_default();
    view! {
        <section class="card no-print">
            <h2>{service_title(&sheet.canteen, sheet.meal, use_locale())}</h2>
            {(sheet.unrouted > 0).then(|| view! {
                <p class="notice notice-error">{t.canteen.unrouted} " " {sheet.unrouted}</p>
            })}
            <ActionForm action=actions.plan attr:class="inline-form">
                <input type="hidden" name="service_id" value=service_id.to_string() />
                <input type="hidden" name="date" value=date.clone().unwrap_or_default() />
                <label>{t.canteen.stops_per_route} " "
                    <input type="number" name="max_stops" value="8" min="1" max="50" inputmode="numeric" required=true />
                </label>
                <button type="submit" class="button primary">{t.canteen.plan_routes}</button>
            </ActionForm>
            {(route_count > 0).then(|| view! {
                <ActionForm action=actions.offer attr:class="inline-form">
                    <input type="hidden" name="service_id" value=service_id.to_string() />
                    <input type="hidden" name="date" value=sheet_date.clone() />
                    <button type="submit" class="button">{t.volunteer.offer_routes}</button>
                </ActionForm>
            })}
            <PrintButton label=t.canteen.print/>
        </section>
        {if sheet.routes.is_empty() {
            view! { <p class="card">{t.canteen.no_routes}</p> }.into_any()
        } else {
            sheet.routes.into_iter().map(|r| route_card(r, actions, route_count)).collect_view().into_any()
        }}
    }
}

fn route_card(route: RouteView, actions: RouteActions, route_count: usize) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let deliverer = if route.deliverer.is_empty() {
        t.canteen.no_deliverer.to_string()
    } else {
        format!("{} {}", route.deliverer, route.deliverer_phone)
    };
    view! {
        <article class="card sheet route" data-route=route.route_no.to_string()>
            <h2>{t.canteen.route} " " {route.route_no} " · " {day_label(route.date, locale)} " · " {t.canteen.deliverer} "：" {deliverer}</h2>
            <ActionForm action=actions.assign attr:class="inline-form no-print">
                <input type="hidden" name="route_id" value=route.id.to_string() />
                <label>{t.canteen.deliverer_phone} " "
                    <input type="tel" name="phone" inputmode="numeric" required=true />
                </label>
                <button type="submit" class="button">{t.canteen.assign}</button>
            </ActionForm>
            <DataTable headings=vec![
                "#", t.canteen.elder, t.canteen.address, t.phone, t.canteen.dish, t.notes, t.canteen.status, "",
            ]>
                    {route.stops.into_iter().map(|stop| {
                        let order_id = stop.order_id;
                        view! {
                            <tr>
                                <td>{stop.position}</td>
                                <td>{stop.elder_name.clone()}</td>
                                <td>{stop.address.clone()}</td>
                                <td><a href=format!("tel:{}", stop.phone)>{stop.phone.clone()}</a></td>
                                <td>{list_label(&stop.lines, use_locale())}</td>
                                <td>{stop.notes.clone()}</td>
                                <td>{stop.status.label_for_in(Fulfilment::Delivery, locale)}</td>
                                <td class="no-print stop-tools">
                                    {["up", "down"].into_iter().map(|dir| view! {
                                        <ActionForm action=actions.move_stop attr:class="inline-form">
                                            <input type="hidden" name="order_id" value=order_id.to_string() />
                                            <input type="hidden" name="to" value=dir />
                                            <button type="submit" class="button small" aria-label=if dir == "up" { t.canteen.move_up } else { t.canteen.move_down }>
                                                {if dir == "up" { "↑" } else { "↓" }}
                                            </button>
                                        </ActionForm>
                                    }).collect_view()}
                                    {(route_count > 1).then(|| view! {
                                        <ActionForm action=actions.move_stop attr:class="inline-form">
                                            <input type="hidden" name="order_id" value=order_id.to_string() />
                                            <select name="to" aria-label=t.canteen.move_to_route>
                                                {(1..=route_count).filter(|n| *n as i64 != route.route_no).map(|n| view! {
                                                    <option value=n.to_string()>{t.canteen.route} " " {n}</option>
                                                }).collect_view()}
                                            </select>
                                            <button type="submit" class="button small">{t.canteen.move_to_route}</button>
                                        </ActionForm>
                                    })}
                                    {stop_buttons(&stop, actions.mark)}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
            </DataTable>
        </article>
    }
}
