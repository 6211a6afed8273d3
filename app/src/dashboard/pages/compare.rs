//! Communities side by side: the headline numbers per community, when several are shown.

use leptos::prelude::*;

use crate::canteen::rules::pricing::yuan;
use crate::dashboard::model::Dashboard;
use crate::dashboard::rules::stats::percent;
use crate::i18n::{use_locale, use_texts};
use crate::volunteer::rules::points::hours_label;

#[component]
pub fn Comparison(dashboard: Dashboard) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let d = t.dashboard;
    (!dashboard.comparison.is_empty()).then(|| view! {
        <section class="card dashboard-section" aria-labelledby="dashboard-compare">
            <h2 id="dashboard-compare">{d.compare_title}</h2>
            <div class="table-scroll">
                <table class="data">
                    <thead><tr>
                        <th scope="col">{d.community}</th>
                        <th scope="col">{d.meals_served}</th>
                        <th scope="col">{d.subsidy}</th>
                        <th scope="col">{d.fill_rate}</th>
                        <th scope="col">{d.volunteer_hours}</th>
                    </tr></thead>
                    <tbody>
                        {dashboard.comparison.iter().map(|c| view! {
                            <tr>
                                <th scope="row">{c.name.clone()}</th>
                                <td>{c.meals}</td>
                                <td>{yuan(c.subsidy_fen)}</td>
                                <td>{percent(c.enrolled, c.capacity).map_or(d.none.to_string(), |p| format!("{p}%"))}</td>
                                <td>{hours_label(c.volunteer_minutes, locale)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    })
}
