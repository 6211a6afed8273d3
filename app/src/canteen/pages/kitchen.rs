//! /canteen/manage — 备餐单: the kitchen's counts for one service and day, printable on A4 and
//! downloadable as CSV, with the buttons that move the day's orders on.

use leptos::prelude::*;

use crate::canteen::api::kitchen::{load_prep_sheet, AdvanceOrders};
use crate::ui::loaded::reloaded;

use crate::canteen::model::kitchen::PrepSheet;
use crate::canteen::model::order::{Fulfilment, OrderStatus};
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

#[component]
pub fn KitchenPage() -> impl IntoView {
    let t = use_texts();
    let (service, date) = use_service_and_date();
    let advance = ServerAction::<AdvanceOrders>::new();
    let sheet = Resource::new(
        move || (service(), date(), advance.version().get()),
        |(service, date, _)| load_prep_sheet(service, date),
    );
    let live = follow_canteen(sheet, |sheet| sheet.canteen_id);
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.canteen.kitchen_title links=vec![("/canteen/manage/menu", t.canteen.menu_editor), ("/canteen/manage/setup", t.canteen.setup_title), ("/canteen/manage/subsidies", t.canteen.subsidy_rules), ("/canteen/manage/settlement", t.canteen.settlement)] sheet=true>
                <LiveStatus live />
            </PageHead>
            <StaffPicker action="/canteen/manage" />
            <FormError error=action_error(advance) />
            {reloaded(sheet, move |sheet| prep_view(sheet, advance).into_any())}
        } />
    }
}

fn prep_view(sheet: PrepSheet, advance: ServerAction<AdvanceOrders>) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let query = format!("service={}&date={}", sheet.service_id, sheet.date);
    let steps = [
        (OrderStatus::Placed, t.canteen.start_cooking),
        (OrderStatus::Cooking, t.canteen.food_ready),
        (OrderStatus::Ready, t.canteen.send_out),
    ];
    view! {
        <article class="card sheet">
            <h2>{t.canteen.prep_sheet} " · " {service_title(&sheet.canteen, sheet.meal, locale)} " · " {day_label(sheet.date, locale)}</h2>
            <p>{t.canteen.orders_total} " " <strong>{sheet.orders_total}</strong>
                {sheet.by_status.iter().map(|s| view! { " · " {s.status.label_for_in(Fulfilment::Delivery, locale)} " " {s.count} }).collect_view()}
            </p>
            <div class="actions no-print">
                <PrintButton label=t.canteen.print/>
                <a class="button" href=format!("/canteen/manage/prep.csv?{query}") download="">{t.canteen.download_csv}</a>
                <a class="button" href=format!("/canteen/manage/routes?{query}")>{t.canteen.delivery_routes}</a>
            </div>
            <DataTable headings={
                let ways = [Fulfilment::DineIn, Fulfilment::Pickup, Fulfilment::Delivery].map(|way| way.label_in(locale));
                [t.canteen.dish, t.canteen.total].into_iter().chain(ways).collect()
            }>
                {sheet.counts.into_iter().map(|c| view! {
                    <tr><td>{c.dish}</td><td><strong>{c.total}</strong></td><td>{c.dine_in}</td><td>{c.pickup}</td><td>{c.delivery}</td></tr>
                }).collect_view()}
            </DataTable>
            {(!sheet.special.is_empty()).then(|| view! {
                <h3>{t.canteen.special_diets}</h3>
                <DataTable headings=vec![
                    t.canteen.elder, t.canteen.dish, t.canteen.how_served, t.diet_needs, t.allergies, t.notes,
                ]>
                    {sheet.special.into_iter().map(|s| view! {
                        <tr>
                            <td>{s.elder_name}</td><td>{list_label(&s.lines, locale)}</td><td>{s.fulfilment.label_in(locale)}</td>
                            <td>{list_label(s.diet_needs.iter().map(|d| d.label_in(locale)), locale)}</td>
                            <td class="allergy">{list_label(s.allergies.iter().map(|a| a.label_in(locale)), locale)}</td><td>{s.notes}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            })}
            <div class="actions no-print">
                {steps.into_iter().filter(|(code, _)| sheet.by_status.iter().any(|s| s.status == *code)).map(|(code, label)| {
                    let date = sheet.date.to_string();
                    view! {
                    <ActionForm action=advance attr:class="inline-form">
                        <input type="hidden" name="service_id" value=sheet.service_id.to_string() />
                        <input type="hidden" name="date" value=date />
                        <input type="hidden" name="from" value=code.code() />
                        <button type="submit" class="button primary">{label}</button>
                    </ActionForm>
                }}).collect_view()}
            </div>
        </article>
    }
}
