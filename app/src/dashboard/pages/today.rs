//! The "今天" strip: today's orders by meal and where today's deliveries stand. It has its
//! own resource and follows the orders of the communities shown as they are placed, cancelled
//! and delivered (`ui::live`), without reloading the rest of the page.

use leptos::prelude::*;

use crate::dashboard::model::TodayFigures;
use crate::error::AppResult;
use crate::i18n::dates::day_label;
use crate::i18n::{use_locale, use_texts};
use crate::ui::live::LiveStatus;
use crate::ui::loaded::reloaded;

#[component]
pub fn TodayStrip(
    today: Resource<AppResult<TodayFigures>>,
    live: ReadSignal<bool>,
) -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    view! {
        <section class="card dashboard-today" aria-labelledby="dashboard-today-title">
            {reloaded(today, move |today| {
                let ordered = today.ordered.iter().map(|m| {
                    let label = format!("{} · {}", m.meal.label_in(locale), t.dashboard.ordered);
                    (label, m.orders)
                });
                let figures: Vec<(String, i64)> = ordered
                    .chain([
                        (t.dashboard.out_for_delivery.to_string(), today.out_for_delivery),
                        (t.dashboard.delivered.to_string(), today.delivered),
                        (t.dashboard.no_answer.to_string(), today.no_answer),
                    ])
                    .collect();
                view! {
                    <h2 id="dashboard-today-title">{t.dashboard.today} " · " {day_label(today.date, locale)}</h2>
                    <dl class="today-figures">
                        {figures.into_iter().map(|(label, count)| view! {
                            <div><dt>{label}</dt><dd>{count}</dd></div>
                        }).collect_view()}
                    </dl>
                }
            })}
            <LiveStatus live />
        </section>
    }
}
