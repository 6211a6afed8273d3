//! Each dashboard chart's numbers, labelled in one language: what the page draws (in the
//! page's language) and what its CSV download holds (in Chinese, for the 街道 office).

use crate::canteen::model::order::Fulfilment;
use crate::dashboard::model::{ChartData, ClassFigures, Dashboard, DashboardChart};
use crate::dashboard::rules::stats::percent;
use crate::i18n::texts;
use crate::ui::prefs::Locale;

/// The numbers of `chart` in `locale`.
pub fn chart(dashboard: &Dashboard, chart: DashboardChart, locale: Locale) -> ChartData {
    let t = texts(locale).dashboard;
    let (category_header, unit, categories, series) = match chart {
        DashboardChart::Meals => {
            let days = &dashboard.canteen.meals_per_day;
            let way = |f: Fulfilment, pick: fn(&crate::dashboard::model::DayMeals) -> i64| {
                let values = days.iter().map(|d| pick(d) as f64).collect();
                (f.label_in(locale).to_string(), values)
            };
            (
                t.date,
                t.unit_meals,
                days.iter().map(|d| d.date.to_string()).collect(),
                vec![
                    way(Fulfilment::DineIn, |d| d.dine_in),
                    way(Fulfilment::Pickup, |d| d.pickup),
                    way(Fulfilment::Delivery, |d| d.delivery),
                ],
            )
        }
        DashboardChart::Subsidy => {
            let cells = &dashboard.canteen.subsidy;
            let mut months: Vec<String> = cells.iter().map(|c| c.month.clone()).collect();
            months.dedup();
            let mut groups: Vec<_> = cells.iter().map(|c| (c.age_band, c.category)).collect();
            groups.sort_by_key(|&(band, category)| (band as usize, category as usize));
            groups.dedup();
            let series = groups
                .into_iter()
                .map(|(band, category)| {
                    let name = format!("{} · {}", band.label_in(locale), category.label_in(locale));
                    let values = months
                        .iter()
                        .map(|month| {
                            let fen: i64 = cells
                                .iter()
                                .filter(|c| {
                                    &c.month == month
                                        && c.age_band == band
                                        && c.category == category
                                })
                                .map(|c| c.subsidy_fen)
                                .sum();
                            fen as f64 / 100.0
                        })
                        .collect();
                    (name, values)
                })
                .collect();
            (t.month, t.unit_yuan, months, series)
        }
        DashboardChart::Fill => per_class(dashboard, (t.class, t.fill_rate, t.unit_percent), |c| {
            percent(c.enrolled, c.capacity).unwrap_or(0.0)
        }),
        DashboardChart::Sites => {
            let sites = &dashboard.school.sites;
            (
                t.site,
                t.unit_percent,
                sites.iter().map(|s| s.site.clone()).collect(),
                vec![(
                    t.fill_rate.to_string(),
                    sites
                        .iter()
                        .map(|s| percent(s.enrolled, s.capacity).unwrap_or(0.0))
                        .collect(),
                )],
            )
        }
        DashboardChart::Waitlist => {
            per_class(dashboard, (t.class, t.waitlisted, t.unit_people), |c| {
                c.waitlisted as f64
            })
        }
        DashboardChart::Attendance => per_class(
            dashboard,
            (t.class, t.attendance_rate, t.unit_percent),
            |c| percent(c.present, c.marked).unwrap_or(0.0),
        ),
        DashboardChart::Fees => {
            let classes = &dashboard.school.classes;
            (
                t.class,
                t.unit_people,
                classes.iter().map(class_label).collect(),
                vec![
                    (
                        t.paid.to_string(),
                        classes.iter().map(|c| c.paid as f64).collect(),
                    ),
                    (
                        t.unpaid.to_string(),
                        classes.iter().map(|c| c.unpaid as f64).collect(),
                    ),
                ],
            )
        }
        DashboardChart::Hours => {
            let months = &dashboard.volunteer.hours_per_month;
            (
                t.month,
                t.unit_hours,
                months.iter().map(|m| m.month.clone()).collect(),
                vec![(
                    t.volunteer_hours.to_string(),
                    months
                        .iter()
                        .map(|m| (m.minutes as f64 / 6.0).round() / 10.0)
                        .collect(),
                )],
            )
        }
        DashboardChart::Requests => {
            let kinds = &dashboard.volunteer.requests;
            let minutes = |name: &str,
                           pick: fn(
                &crate::dashboard::model::RequestKindFigures,
            ) -> Option<i64>| {
                let values = kinds.iter().map(|k| pick(k).unwrap_or(0) as f64).collect();
                (name.to_string(), values)
            };
            (
                t.kind,
                t.unit_minutes,
                kinds
                    .iter()
                    .map(|k| k.category.label_in(locale).to_string())
                    .collect(),
                vec![
                    minutes(t.taken_median, |k| k.taken_median),
                    minutes(t.taken_p90, |k| k.taken_p90),
                    minutes(t.done_median, |k| k.done_median),
                    minutes(t.done_p90, |k| k.done_p90),
                ],
            )
        }
    };
    ChartData {
        chart,
        title: chart.label_in(locale).to_string(),
        category_header: category_header.to_string(),
        unit: unit.to_string(),
        categories,
        series,
    }
}

type Columns = (
    &'static str,
    &'static str,
    Vec<String>,
    Vec<(String, Vec<f64>)>,
);

/// One category per class of the semester (`header` names them), one series named `name`.
fn per_class(
    dashboard: &Dashboard,
    (header, name, unit): (&'static str, &str, &'static str),
    value: impl Fn(&ClassFigures) -> f64,
) -> Columns {
    let classes = &dashboard.school.classes;
    (
        header,
        unit,
        classes.iter().map(class_label).collect(),
        vec![(name.to_string(), classes.iter().map(value).collect())],
    )
}

/// "书法班 · 红河社区教学点"
fn class_label(class: &ClassFigures) -> String {
    if class.site.is_empty() {
        class.name.clone()
    } else {
        format!("{} · {}", class.name, class.site)
    }
}
