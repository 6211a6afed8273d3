//! A chart's numbers as CSV for the 街道 office: one row per category, one column per series.

use crate::dashboard::model::ChartData;
use crate::export::csv_field;

/// A number as a spreadsheet reads it: whole numbers without decimals.
fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// The chart as CSV (UTF-8 with BOM): a header row, then one row per category.
pub fn chart_csv(chart: &ChartData) -> String {
    let mut out = String::from("\u{feff}");
    let mut header = vec![csv_field(&chart.category_header)];
    header.extend(
        chart
            .series
            .iter()
            .map(|(name, _)| csv_field(&format!("{name}({})", chart.unit))),
    );
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (i, category) in chart.categories.iter().enumerate() {
        let mut row = vec![csv_field(category)];
        row.extend(
            chart
                .series
                .iter()
                .map(|(_, values)| values.get(i).map_or(String::new(), |v| number(*v))),
        );
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dashboard::model::DashboardChart;

    #[test]
    fn a_chart_becomes_one_row_per_category_with_units_in_the_header() {
        let chart = ChartData {
            chart: DashboardChart::Fill,
            title: "班级满员率".into(),
            category_header: "班级".into(),
            unit: "%".into(),
            categories: vec!["书法, 初级".into(), "=太极".into()],
            series: vec![("满员率".into(), vec![50.0, 33.3])],
        };
        assert_eq!(
            chart_csv(&chart),
            "\u{feff}班级,满员率(%)\r\n\"书法, 初级\",50\r\n'=太极,33.3\r\n"
        );
    }
}
