//! /canteen/manage/settlement — 补贴结算: the month's meals served by age band and subsidy
//! category, with totals, printable and as CSV.

use leptos::prelude::*;
use leptos_router::components::Form;

use crate::canteen::api::settlement::load_settlement;
use crate::canteen::rules::pricing::yuan;
use crate::i18n::{use_locale, use_texts};
use crate::ui::address::query_text;
use crate::ui::layout::WithUser;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;
use crate::ui::print::PrintButton;
use crate::ui::table::DataTable;

#[component]
pub fn SettlementPage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let month = query_text("month");
    let report = Resource::new(month, |month| load_settlement(None, month));
    view! {
        <WithUser view=move |_user| view! {
            <PageHead title=t.canteen.settlement links=vec![("/canteen/manage", t.canteen.prep_sheet)] sheet=true />
            <Form method="get" action="/canteen/manage/settlement" attr:class="card picker no-print">
                <div class="field">
                    <label for="pick-month">{t.canteen.month}</label>
                    <input id="pick-month" type="month" name="month" value=month().unwrap_or_default() />
                </div>
                <button type="submit" class="button">{t.canteen.show}</button>
            </Form>
            {loaded(report, move |report| view! {
                <article class="card sheet">
                    <h2>{report.canteen.clone()} " · " {report.month.clone()} " · " {t.canteen.settlement}</h2>
                    <div class="actions no-print">
                        <PrintButton label=t.canteen.print/>
                        <a class="button" download="" href=format!("/canteen/manage/settlement.csv?canteen={}&month={}", report.canteen_id, report.month)>{t.canteen.download_csv}</a>
                    </div>
                    <DataTable headings=vec![
                        t.canteen.age_band, t.subsidy_category, t.canteen.meals_served,
                        t.canteen.full_price, t.canteen.subsidy, t.canteen.paid,
                    ]>
                            {report.rows.iter().map(|r| view! {
                                <tr>
                                    <td>{r.age_band.label_in(locale)}</td><td>{r.category.label_in(locale)}</td><td>{r.meals}</td>
                                    <td>{yuan(r.full_price_fen)}</td><td>{yuan(r.subsidy_fen)}</td><td>{yuan(r.pay_fen)}</td>
                                </tr>
                            }).collect_view()}
                            <tr>
                                <td>{t.canteen.total}</td><td></td><td>{report.total.meals}</td>
                                <td>{yuan(report.total.full_price_fen)}</td><td>{yuan(report.total.subsidy_fen)}</td><td>{yuan(report.total.pay_fen)}</td>
                            </tr>
                    </DataTable>
                </article>
            }.into_any())}
        } />
    }
}
