//! Bar charts drawn as SVG on the server, each followed by a table with the same numbers, so
//! they read with JavaScript off, in 长辈版, on paper and with a screen reader. Text sizes and
//! line colours come from the stylesheet (`.chart`); bars use the Okabe–Ito colours, which stay
//! apart for colour-blind readers, and the legend and table name every series.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::i18n::use_texts;

/// One named row of numbers, one value per category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// Okabe–Ito colours, in the order series take them.
pub const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 36.0;
const TICK_ROOM: f64 = 56.0;
const VALUE_ROOM: f64 = 56.0;
/// The largest text size the stylesheet gives chart labels (长辈版), in drawing units.
const FONT: f64 = 18.0;
const MAX_BAR: f64 = 64.0;
const ROW_BAR: f64 = 24.0;

/// A value axis from 0 up to `max`, ticked every `step`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub max: f64,
    pub step: f64,
}

impl Axis {
    /// A round axis over 0..=`highest`: at most about five steps of 1, 2 or 5 × 10ⁿ.
    pub fn nice(highest: f64) -> Axis {
        if !(highest > 0.0 && highest.is_finite()) {
            return Axis {
                max: 1.0,
                step: 1.0,
            };
        }
        let rough = highest / 5.0;
        let magnitude = 10f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * magnitude)
            .find(|step| *step >= rough * (1.0 - 1e-9))
            .unwrap_or(10.0 * magnitude);
        let steps = (highest / step - 1e-9).ceil().max(1.0);
        Axis {
            max: steps * step,
            step,
        }
    }

    pub fn ticks(&self) -> Vec<f64> {
        let steps = (self.max / self.step).round() as usize;
        (0..=steps).map(|i| i as f64 * self.step).collect()
    }

    /// Length of a bar for `value` on an axis drawn `length` long.
    pub fn scale(&self, value: f64, length: f64) -> f64 {
        value.clamp(0.0, self.max) / self.max * length
    }
}

/// Start and thickness of bar `lane` of `lanes` in slot `index` of `count` slots sharing
/// `length`: a fifth of a slot is gap, bars are at most `MAX_BAR` thick and centred in it.
pub fn bar_span(index: usize, count: usize, lane: usize, lanes: usize, length: f64) -> (f64, f64) {
    let slot = length / count.max(1) as f64;
    let lanes = lanes.max(1) as f64;
    let thickness = (slot * 0.8 / lanes).min(MAX_BAR);
    let start = index as f64 * slot + (slot - thickness * lanes) / 2.0;
    (start + lane as f64 * thickness, thickness)
}

/// Where each value's segment starts when the values are stacked: the sums below it.
pub fn stack_offsets(values: &[f64]) -> Vec<f64> {
    values
        .iter()
        .scan(0.0, |below, value| {
            let start = *below;
            *below += value;
            Some(start)
        })
        .collect()
}

/// Every how many categories a label fits under a slot `slot` wide without overlapping.
pub fn label_stride(labels: &[String], slot: f64) -> usize {
    let widest = labels.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    ((widest + FONT / 2.0) / slot).ceil().max(1.0) as usize
}

/// Estimated width of `c` at `FONT`: Chinese characters a full em, others about half.
fn char_width(c: char) -> f64 {
    if c.is_ascii() {
        0.6 * FONT
    } else {
        FONT
    }
}

fn text_width(text: &str) -> f64 {
    text.chars().map(char_width).sum()
}

/// `text` cut to fit `width`, marked with "…" when cut.
fn fit_label(text: &str, width: f64) -> String {
    if text_width(text) <= width {
        return text.to_string();
    }
    let mut used = FONT;
    let kept = text.chars().take_while(|c| {
        used += char_width(*c);
        used <= width
    });
    kept.collect::<String>() + "…"
}

/// "137", "12.5", "0.25": at most two decimals, none for whole numbers.
pub fn number_label(value: f64) -> String {
    let hundredths = (value * 100.0).round();
    if hundredths % 100.0 == 0.0 {
        ((hundredths / 100.0) as i64).to_string()
    } else {
        let text = format!("{:.2}", hundredths / 100.0);
        text.trim_end_matches('0').to_string()
    }
}

/// Value of `series` for category `index`; missing, negative or invalid values count as 0.
fn value_at(series: &Series, index: usize) -> f64 {
    series
        .values
        .get(index)
        .copied()
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
        .max(0.0)
}

fn column(series: &[Series], index: usize) -> Vec<f64> {
    series.iter().map(|s| value_at(s, index)).collect()
}

fn highest(count: usize, series: &[Series], stacked: bool) -> f64 {
    (0..count)
        .map(|i| column(series, i).into_iter())
        .map(|col| {
            if stacked {
                col.sum()
            } else {
                col.fold(0.0, f64::max)
            }
        })
        .fold(0.0, f64::max)
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn color(lane: usize) -> &'static str {
    PALETTE[lane % PALETTE.len()]
}

/// Vertical bars, one group per category; `stacked` stacks the series, else side by side.
#[component]
pub fn BarChart(
    /// caption, also the accessible name
    title: String,
    /// x-axis labels (e.g. dates "11-01", months "2026-10", class names)
    categories: Vec<String>,
    series: Vec<Series>,
    /// unit shown in the axis/table header, e.g. "份", "元", "小时", "%"
    #[prop(into)]
    unit: String,
    #[prop(optional)] stacked: bool,
) -> impl IntoView {
    let drawing = (!categories.is_empty()).then(|| columns(&categories, &series, stacked));
    chart_figure(title, categories, series, unit, stacked, drawing)
}

/// Horizontal bars, one per category (long labels such as class names or request kinds).
#[component]
pub fn HBarChart(
    /// caption, also the accessible name
    title: String,
    categories: Vec<String>,
    series: Vec<Series>,
    #[prop(into)] unit: String,
) -> impl IntoView {
    let drawing = (!categories.is_empty()).then(|| rows(&categories, &series));
    chart_figure(title, categories, series, unit, false, drawing)
}

/// The drawing's height and its content.
type Drawing = (f64, AnyView);

fn columns(categories: &[String], series: &[Series], stacked: bool) -> Drawing {
    let (left, right, bottom) = (TICK_ROOM, WIDTH - 8.0, HEIGHT - BOTTOM);
    let (count, tall) = (categories.len(), bottom - TOP);
    let axis = Axis::nice(highest(count, series, stacked));
    let lanes = if stacked { 1 } else { series.len() };
    let ticks = axis.ticks().into_iter().map(|tick| {
        let y = round(bottom - axis.scale(tick, tall));
        view! {
            <line class="grid" x1=left x2=right y1=y y2=y />
            <text x=left - 6.0 y=y text-anchor="end" dominant-baseline="middle">{number_label(tick)}</text>
        }
    });
    let bars = (0..count).flat_map(|i| {
        let values = column(series, i);
        let starts = if stacked {
            stack_offsets(&values)
        } else {
            vec![0.0; values.len()]
        };
        let bars = values
            .into_iter()
            .zip(starts)
            .enumerate()
            .filter(|(_, (v, _))| *v > 0.0);
        bars.map(move |(lane, (value, start))| {
            let (x, width) = bar_span(
                i,
                count,
                if stacked { 0 } else { lane },
                lanes,
                right - left,
            );
            let (low, high) = (axis.scale(start, tall), axis.scale(start + value, tall));
            view! {
                <rect class="bar" x=round(left + x) y=round(bottom - high) width=round(width)
                    height=round(high - low) fill=color(lane) />
            }
        })
    });
    let slot = (right - left) / count as f64;
    let labels = categories
        .iter()
        .enumerate()
        .step_by(label_stride(categories, slot));
    let labels = labels.map(|(i, label)| {
        let x = round(left + (i as f64 + 0.5) * slot);
        view! { <text x=x y=bottom + FONT * 1.4 text-anchor="middle">{label.clone()}</text> }
    });
    let content = view! {
        {ticks.collect_view()}
        {bars.collect_view()}
        <line class="axis" x1=left x2=right y1=bottom y2=bottom />
        {labels.collect_view()}
    };
    (HEIGHT, content.into_any())
}

fn rows(categories: &[String], series: &[Series]) -> Drawing {
    let widest = categories.iter().map(|c| text_width(c)).fold(0.0, f64::max);
    let label_room = widest.min(WIDTH * 0.4) + 12.0;
    let (count, lanes) = (categories.len(), series.len());
    let (left, long) = (label_room, WIDTH - label_room - VALUE_ROOM);
    let tall = count as f64 * lanes.max(1) as f64 * ROW_BAR / 0.8;
    let bottom = TOP + tall;
    let axis = Axis::nice(highest(count, series, false));
    let ticks = axis.ticks().into_iter().map(|tick| {
        let x = round(left + axis.scale(tick, long));
        view! {
            <line class="grid" x1=x x2=x y1=TOP y2=bottom />
            <text x=x y=bottom + FONT * 1.4 text-anchor="middle">{number_label(tick)}</text>
        }
    });
    let bars = (0..count).flat_map(|i| {
        column(series, i).into_iter().enumerate().map(move |(lane, value)| {
            let (y, thickness) = bar_span(i, count, lane, lanes, tall);
            let (y, width) = (round(TOP + y), round(axis.scale(value, long)));
            view! {
                <rect class="bar" x=left y=y width=width height=round(thickness) fill=color(lane) />
                <text class="value" x=left + width + 6.0 y=round(y + thickness / 2.0) dominant-baseline="middle">
                    {number_label(value)}
                </text>
            }
        })
    });
    let labels = categories.iter().enumerate().map(|(i, label)| {
        let (y, thickness) = bar_span(i, count, 0, 1, tall);
        view! {
            <text x=left - 8.0 y=round(TOP + y + thickness / 2.0) text-anchor="end"
                dominant-baseline="middle">{fit_label(label, label_room - 12.0)}</text>
        }
    });
    let content = view! {
        {ticks.collect_view()}
        {bars.collect_view()}
        <line class="axis" x1=left x2=left y1=TOP y2=bottom />
        {labels.collect_view()}
    };
    (bottom + BOTTOM, content.into_any())
}

fn chart_figure(
    title: String,
    categories: Vec<String>,
    series: Vec<Series>,
    unit: String,
    stacked: bool,
    drawing: Option<Drawing>,
) -> impl IntoView {
    let t = use_texts();
    let Some((height, content)) = drawing else {
        return view! {
            <figure class="chart">
                <figcaption>{title}</figcaption>
                <p class="muted">{t.chart_no_data}</p>
            </figure>
        }
        .into_any();
    };
    let id: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let id = format!("chart-{id}");
    let labelled_by = id.clone();
    let legend = (series.len() > 1).then(|| {
        let entries = series.iter().enumerate().map(|(lane, one)| {
            view! {
                <li>
                    <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
                        <rect class="bar" width="10" height="10" fill=color(lane) />
                    </svg>
                    {one.name.clone()}
                </li>
            }
        });
        view! { <ul class="chart-legend">{entries.collect_view()}</ul> }
    });
    view! {
        <figure class="chart">
            <figcaption>{title.clone()}</figcaption>
            <svg role="img" aria-labelledby=labelled_by viewBox=format!("0 0 {WIDTH} {height}")>
                <title id=id>{title.clone()}</title>
                <text class="unit" x="4" y=FONT>{unit.clone()}</text>
                {content}
            </svg>
            {legend}
            {value_table(title, &categories, &series, &unit, stacked)}
        </figure>
    }
    .into_any()
}

/// The chart's numbers as a table: one row per category, one column per series.
fn value_table(
    title: String,
    categories: &[String],
    series: &[Series],
    unit: &str,
    stacked: bool,
) -> impl IntoView {
    let t = use_texts();
    let heading = |name: &str| match unit {
        "" => name.to_string(),
        unit => format!("{name}（{unit}）"),
    };
    let headings = series.iter().map(|s| heading(&s.name));
    let headings = headings.chain(stacked.then(|| heading(t.chart_total)));
    let body = categories.iter().enumerate().map(|(i, category)| {
        let values = column(series, i);
        let total = stacked.then(|| values.iter().sum::<f64>());
        let cells = values.into_iter().chain(total);
        view! {
            <tr>
                <th scope="row">{category.clone()}</th>
                {cells.map(|v| view! { <td>{number_label(v)}</td> }).collect_view()}
            </tr>
        }
    });
    view! {
        <table class="data chart-table">
            <caption>{title}</caption>
            <thead>
                <tr>
                    <th scope="col">{t.chart_category}</th>
                    {headings.map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>{body.collect_view()}</tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_ends_on_a_round_number_with_a_few_ticks() {
        let axis = Axis::nice(137.0);
        assert_eq!(
            axis,
            Axis {
                max: 150.0,
                step: 50.0
            }
        );
        assert_eq!(axis.ticks(), vec![0.0, 50.0, 100.0, 150.0]);
        assert_eq!(
            Axis::nice(94.0),
            Axis {
                max: 100.0,
                step: 20.0
            }
        );
        assert_eq!(Axis::nice(3.0).ticks(), vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(
            Axis::nice(11.0),
            Axis {
                max: 15.0,
                step: 5.0
            }
        );
        let tenths: Vec<String> = Axis::nice(0.3)
            .ticks()
            .into_iter()
            .map(number_label)
            .collect();
        assert_eq!(tenths, ["0", "0.1", "0.2", "0.3"]);
        assert_eq!(
            Axis::nice(12_345.0),
            Axis {
                max: 15_000.0,
                step: 5_000.0
            }
        );
    }

    #[test]
    fn zero_or_invalid_data_gets_an_axis_from_0_to_1() {
        for highest in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            assert_eq!(
                Axis::nice(highest),
                Axis {
                    max: 1.0,
                    step: 1.0
                }
            );
        }
        assert_eq!(Axis::nice(0.0).scale(0.0, 200.0), 0.0);
    }

    #[test]
    fn scale_is_proportional_and_stays_on_the_axis() {
        let axis = Axis::nice(137.0);
        assert_eq!(axis.scale(75.0, 300.0), 150.0);
        assert_eq!(axis.scale(-3.0, 300.0), 0.0);
        assert_eq!(axis.scale(900.0, 300.0), 300.0);
    }

    #[test]
    fn bars_share_the_slots_and_leave_gaps() {
        assert_eq!(bar_span(0, 4, 0, 1, 400.0), (18.0, MAX_BAR));
        assert_eq!(bar_span(2, 10, 0, 2, 500.0), (105.0, 20.0));
        assert_eq!(bar_span(2, 10, 1, 2, 500.0), (125.0, 20.0));
        let (next, _) = bar_span(3, 10, 0, 2, 500.0);
        assert_eq!(next - (125.0 + 20.0), 500.0 / 10.0 / 5.0);
    }

    #[test]
    fn one_category_gets_one_centred_bar_not_a_wall() {
        let (x, width) = bar_span(0, 1, 0, 1, 576.0);
        assert_eq!(width, MAX_BAR);
        assert_eq!(x + width / 2.0, 288.0);
    }

    #[test]
    fn stacked_segments_start_on_the_ones_below() {
        assert_eq!(
            stack_offsets(&[3.0, 0.0, 2.5, 1.0]),
            vec![0.0, 3.0, 3.0, 5.5]
        );
        assert!(stack_offsets(&[]).is_empty());
        let series = [
            Series {
                name: "午餐".into(),
                values: vec![3.0, 4.0],
            },
            Series {
                name: "晚餐".into(),
                values: vec![2.0],
            },
        ];
        assert_eq!(highest(2, &series, true), 5.0);
        assert_eq!(highest(2, &series, false), 4.0);
    }

    #[test]
    fn many_categories_label_every_few() {
        let dates: Vec<String> = (1..=30).map(|d| format!("11-{d:02}")).collect();
        let stride = label_stride(&dates, 576.0 / 30.0);
        assert!(stride > 1 && stride as f64 * 576.0 / 30.0 >= text_width("11-01"));
        assert_eq!(label_stride(&dates[..5], 576.0 / 5.0), 1);
    }

    #[test]
    fn long_labels_are_cut_with_a_mark() {
        assert_eq!(fit_label("书法班", 100.0), "书法班");
        let cut = fit_label("社区老年大学书法与绘画提高班", 100.0);
        assert!(cut.ends_with('…') && text_width(&cut) <= 100.0 + FONT);
    }

    #[test]
    fn numbers_read_without_float_noise() {
        assert_eq!(number_label(137.0), "137");
        assert_eq!(number_label(0.30000000000000004), "0.3");
        assert_eq!(number_label(12.25), "12.25");
        assert_eq!(number_label(0.0), "0");
    }

    #[test]
    fn missing_negative_and_invalid_values_count_as_zero() {
        let series = Series {
            name: "x".into(),
            values: vec![-1.0, f64::NAN, 2.0],
        };
        assert_eq!(
            [0, 1, 2, 3].map(|i| value_at(&series, i)),
            [0.0, 0.0, 2.0, 0.0]
        );
    }

    fn render(view: impl FnOnce() -> AnyView) -> String {
        use crate::ui::prefs::{DisplayMode, Locale, UiPrefs};
        Owner::new().with(|| {
            let prefs = UiPrefs {
                mode: DisplayMode::Standard,
                locale: Locale::Zh,
            };
            provide_context(RwSignal::new(prefs));
            view().to_html()
        })
    }

    fn meals() -> Vec<Series> {
        let days = |n: f64| (0..30).map(|d| ((d * 37) % 23) as f64 + n).collect();
        ["堂食", "外送", "自取"]
            .into_iter()
            .zip([20.0, 8.0, 0.0])
            .map(|(name, n)| Series {
                name: name.into(),
                values: days(n),
            })
            .collect()
    }

    #[test]
    fn a_chart_is_an_svg_image_a_legend_and_a_table_with_totals() {
        let dates: Vec<String> = (1..=30).map(|d| format!("11-{d:02}")).collect();
        let html = render(|| {
            view! {
            <BarChart title="每日订餐".into() categories=dates series=meals() unit="份" stacked=true />
        }.into_any()
        });
        for part in [
            r#"role="img""#,
            r#"aria-labelledby="chart-每日订餐""#,
            r#"<title id="chart-每日订餐">"#,
            "chart-legend",
            "<caption>每日订餐</caption>",
            "堂食（份）",
            "合计（份）",
            r#"viewBox="0 0 640 300""#,
        ] {
            assert!(html.contains(part), "{part} missing");
        }
        assert!(!html.contains(r#"width="640""#));
    }

    #[test]
    fn horizontal_bars_and_no_data() {
        let classes = vec![
            "书法班".to_string(),
            "社区老年大学书法与绘画提高班".to_string(),
            "太极".to_string(),
        ];
        let html = render(|| {
            view! {
            <HBarChart title="各班出勤率".into() categories=classes series=vec![Series { name: "出勤率".into(), values: vec![92.5, 78.0, 100.0] }] unit="%" />
        }.into_any()
        });
        assert!(html.contains("92.5") && !html.contains("chart-legend"));
        let empty = render(|| {
            view! { <BarChart title="空".into() categories=vec![] series=vec![] unit="份" /> }
                .into_any()
        });
        assert!(empty.contains("没有数据") && !empty.contains("<svg"));
    }
}
