//! Communities side by side: the headline numbers per community, when several are shown.

use leptos::prelude::*;

use crate::canteen::rules::pricing::yuan;
use crate::dashboard::model::Dashboard;
use crate::dashboard::pages::services::DashboardSection;
use crate::dashboard::rules::stats::percent;
use crate::i18n::{use_locale, use_texts};
use crate::ui::table::DataTable;
use crate::volunteer::rules::points::hours_label;

#[component]
pub fn Comparison(dashboard: Dashboard) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let d = t.dashboard;
    (!dashboard.comparison.is_empty()).then(|| view! {
        <DashboardSection id="dashboard-compare" title=d.compare_title>
            <DataTable headings=vec![d.community, d.meals_served, d.subsidy, d.fill_rate, d.volunteer_hours]>
                {dashboard.comparison.iter().map(|c| view! {
                    <tr>
                        <th scope="row">{c.name.clone()}</th>
                        <td>{c.meals}</td>
                        <td>{yuan(c.subsidy_fen)}</td>
                        <td>{percent(c.enrolled, c.capacity).map_or(d.none.to_string(), |p| format!("{p}%"))}</td>
                        <td>{hours_label(c.volunteer_minutes, locale)}</td>
                    </tr>
                }).collect_view()}
            </DataTable>
        </DashboardSection>
    })
}
