//! /dashboard — 数据看板: the filter, today's strip, then a section per service and, for
//! several communities, the communities side by side. Printable on A4 (`?print=1` shows the
//! sheet without the site frame) and each chart downloadable as CSV.

mod chart_block;
mod compare;
mod filter;
mod services;
mod today;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::dashboard::api::{get_dashboard, get_dashboard_today};
use crate::dashboard::model::DashboardQuery;
use crate::i18n::use_texts;
use crate::ui::layout::WithUser;
use crate::ui::live::refetch_on_events;
use crate::ui::loaded::loaded;
use crate::ui::page_head::PageHead;

use compare::Comparison;
use filter::{FilterForm, PrintLink};
use services::{CanteenSection, SchoolSection, VolunteerSection};
use today::TodayStrip;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let field = move |name: &str| query.with(|q| q.get(name).filter(|v| !v.is_empty()));
    let filter = move || DashboardQuery {
        from: field("from"),
        to: field("to"),
        community: field("community"),
    };
    let printing = move || field("print").as_deref() == Some("1");
    let figures = Resource::new(filter, get_dashboard);
    let today_community = move || field("community").and_then(|c| c.parse::<i64>().ok());
    let today = Resource::new(today_community, get_dashboard_today);
    let live = refetch_on_events(
        move || Some(today_events(today_community())),
        move || today.refetch(),
    );
    view! {
        <WithUser view=move |user| view! {
            <div class="dashboard" class:print-view=printing>
                <PageHead title=t.dashboard.title>
                    <PrintLink query=filter() />
                </PageHead>
                <p class="lead no-print">{t.dashboard.intro}</p>
                <FilterForm user query=filter() />
                <TodayStrip today live />
                {loaded(figures, move |dashboard| view! {
                    <Comparison dashboard=dashboard.clone() />
                    <CanteenSection dashboard=dashboard.clone() />
                    <SchoolSection dashboard=dashboard.clone() />
                    <VolunteerSection dashboard />
                })}
            </div>
        } />
    }
}

/// The event stream of the "today" strip: the community picked, or every one shown.
fn today_events(community: Option<i64>) -> String {
    match community {
        Some(id) => format!("/events/dashboard?community={id}"),
        None => "/events/dashboard".to_string(),
    }
}
