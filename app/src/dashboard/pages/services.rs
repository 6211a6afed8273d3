//! A section per service: 幸福食堂, 老年学校, 志愿服务 — charts, then the lists to act on.

use leptos::prelude::*;

use crate::dashboard::model::{Dashboard, DashboardChart, NoAnswerOutcome};
use crate::dashboard::pages::chart_block::{Bars, ChartBlock};
use crate::dashboard::rules::stats::percent;
use crate::i18n::dates::{day_label, time_label};
use crate::i18n::{use_locale, use_texts};
use crate::ui::table::DataTable;

/// The period the figures cover.
#[component]
pub fn Period(dashboard: Dashboard) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let filter = dashboard.filter;
    view! {
        <p class="dashboard-period">
            {t.dashboard.period} ": " {day_label(filter.from, locale)} " – " {day_label(filter.to, locale)}
            " (" {filter.from.to_string()} " – " {filter.to.to_string()} ")"
        </p>
    }
}

#[component]
pub fn CanteenSection(dashboard: Dashboard) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let d = t.dashboard;
    let canteen = dashboard.canteen.clone();
    let rating = match canteen.average_rating {
        Some(stars) => format!("{stars:.1} ★ ({} {})", canteen.ratings, d.ratings),
        None => d.no_ratings.to_string(),
    };
    let no_answers = if canteen.no_answers.is_empty() {
        view! { <p class="muted">{d.no_no_answers}</p> }.into_any()
    } else {
        let headings = vec![
            d.date,
            d.meal,
            d.elder,
            d.address,
            d.noted_at,
            d.outcome,
            d.resolved_at,
        ];
        let rows = canteen.no_answers.iter().map(|case| view! {
            <tr>
                <td>{day_label(case.date, locale)}</td>
                <td>{case.meal.label_in(locale)}</td>
                <td>{case.elder_name.clone()}</td>
                <td>{case.address.clone()}</td>
                <td>{time_label(case.noted_at, locale)}</td>
                <td class=match case.outcome {
                    NoAnswerOutcome::Delivered => "status-delivered",
                    NoAnswerOutcome::Open => "status-no_answer",
                }>{case.outcome.label_in(locale)}</td>
                <td>{case.resolved_at.map_or(d.none.to_string(), |at| time_label(at, locale))}</td>
            </tr>
        }).collect_view();
        view! { <DataTable headings>{rows}</DataTable> }.into_any()
    };
    let lapsed = if canteen.lapsed.is_empty() {
        view! { <p class="muted">{d.no_lapsed}</p> }.into_any()
    } else {
        let rows = canteen
            .lapsed
            .iter()
            .map(|elder| {
                let phone = elder.phone.clone();
                view! {
                    <tr>
                        <td>{elder.name.clone()}</td>
                        <td>{elder.community.clone()}</td>
                        <td>{if phone.is_empty() {
                            d.none.into_any()
                        } else {
                            view! { <a href=format!("tel:{phone}")>{phone.clone()}</a> }.into_any()
                        }}</td>
                        <td>{day_label(elder.last_order, locale)}</td>
                    </tr>
                }
            })
            .collect_view();
        let headings = vec![d.name, d.community, d.phone, d.last_order];
        view! { <DataTable headings>{rows}</DataTable> }.into_any()
    };
    view! {
        <DashboardSection id="dashboard-canteen" title=t.canteen_title>
            <Period dashboard=dashboard.clone() />
            <p class="dashboard-headline">{d.average_rating} ": " {rating}</p>
            <ChartBlock dashboard=dashboard.clone() which=DashboardChart::Meals bars=Bars::Stacked />
            <ChartBlock dashboard=dashboard.clone() which=DashboardChart::Subsidy bars=Bars::Stacked />
            <div class="dashboard-list">
                <h3>{d.no_answer_title}</h3>
                {no_answers}
                {shortened_hint(canteen.no_answers.len(), canteen.no_answers_total)}
            </div>
            <div class="dashboard-list">
                <h3>{d.lapsed_title} " (" {canteen.last_month.clone()} " → " {canteen.this_month.clone()} ")"</h3>
                <p class="hint">{d.lapsed_hint}</p>
                {lapsed}
                {shortened_hint(canteen.lapsed.len(), canteen.lapsed_total)}
            </div>
        </DashboardSection>
    }
}

#[component]
pub fn SchoolSection(dashboard: Dashboard) -> impl IntoView {
    let t = use_texts();
    let d = t.dashboard;
    let body = match dashboard.school.semester.clone() {
        None => view! { <p class="muted">{d.no_semester}</p> }.into_any(),
        Some(semester) => view! {
            <p class="dashboard-headline">{d.semester} ": " {semester}</p>
            <ChartBlock dashboard=dashboard.clone() which=DashboardChart::Fill bars=Bars::Rows />
            <ChartBlock dashboard=dashboard.clone() which=DashboardChart::Sites bars=Bars::Rows />
            <ChartBlock dashboard=dashboard.clone() which=DashboardChart::Waitlist bars=Bars::Rows />
            <ChartBlock dashboard=dashboard.clone() which=DashboardChart::Attendance bars=Bars::Rows />
            <ChartBlock dashboard=dashboard.clone() which=DashboardChart::Fees bars=Bars::Rows />
        }
        .into_any(),
    };
    view! {
        <DashboardSection id="dashboard-school" title=t.school_title>{body}</DashboardSection>
    }
}

#[component]
pub fn VolunteerSection(dashboard: Dashboard) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let d = t.dashboard;
    let volunteer = dashboard.volunteer.clone();
    let minutes = move |value: Option<i64>| {
        value.map_or(d.none.to_string(), |m| format!("{m} {}", d.unit_minutes))
    };
    view! {
        <DashboardSection id="dashboard-volunteer" title=t.volunteer_title>
            <p class="dashboard-headline">
                {d.active_volunteers} ": " {volunteer.active_volunteers} " " {d.unit_people}
            </p>
            <ChartBlock dashboard=dashboard.clone() which=DashboardChart::Hours bars=Bars::Columns />
            <ChartBlock dashboard=dashboard.clone() which=DashboardChart::Requests bars=Bars::Rows />
            <div class="dashboard-list">
                <h3>{d.requests_title}</h3>
                <DataTable headings=vec![d.kind, d.posted, d.taken_median, d.done_median, d.good_share]>
                    {volunteer.requests.iter().map(|kind| view! {
                        <tr>
                            <th scope="row">{kind.category.label_in(locale)}</th>
                            <td>{kind.posted}</td>
                            <td>{minutes(kind.taken_median)}</td>
                            <td>{minutes(kind.done_median)}</td>
                            <td>{percent(kind.rated_good, kind.rated).map_or(d.none.to_string(), |p| format!("{p}%"))}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            </div>
        </DashboardSection>
    }
}

/// A service's part of the dashboard, named by its heading for screen readers.
#[component]
pub fn DashboardSection(
    id: &'static str,
    title: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="card dashboard-section" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {children()}
        </section>
    }
}

/// Under a list cut to its first rows: how many there are in all, and how to see them.
fn shortened_hint(shown: usize, total: usize) -> Option<impl IntoView> {
    (total > shown).then(|| {
        let text = crate::tr!(
            "共 {total} 条，这里列出前 {shown} 条；缩短时间段或只选一个社区，可以看到全部。",
            "{total} in all; the first {shown} are listed. A shorter period or a single community shows them all."
        );
        view! { <p class="hint">{text}</p> }
    })
}
