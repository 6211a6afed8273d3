//! One dashboard chart with its 下载 CSV link.

use leptos::prelude::*;

use crate::dashboard::charts::chart;
use crate::dashboard::model::{Dashboard, DashboardChart};
use crate::i18n::{use_locale, use_texts};
use crate::ui::chart::{BarChart, HBarChart, Series};

/// How a chart is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Bars {
    Columns,
    Stacked,
    Rows,
}

#[component]
pub fn ChartBlock(dashboard: Dashboard, which: DashboardChart, bars: Bars) -> impl IntoView {
    let t = use_texts();
    let data = chart(&dashboard, which, use_locale());
    let categories: Vec<String> = if which == DashboardChart::Meals {
        // "11-24": the year is in the period above the chart (and in the CSV).
        data.categories
            .iter()
            .map(|d| d.get(5..).unwrap_or(d).to_string())
            .collect()
    } else {
        data.categories.clone()
    };
    let series: Vec<Series> = data
        .series
        .into_iter()
        .map(|(name, values)| Series { name, values })
        .collect();
    let href = format!(
        "/dashboard/{}.csv?{}",
        which.code(),
        dashboard.filter.query_string()
    );
    let title = data.title.clone();
    let drawing = match bars {
        Bars::Rows => view! {
            <HBarChart title=data.title categories series unit=data.unit />
        }
        .into_any(),
        _ => view! {
            <BarChart title=data.title categories series unit=data.unit stacked=bars == Bars::Stacked />
        }
        .into_any(),
    };
    view! {
        <div class="dashboard-chart">
            {drawing}
            <a class="button small no-print" href=href download="">
                {t.dashboard.download_csv}
                <span class="visually-hidden">" · " {title}</span>
            </a>
        </div>
    }
}
