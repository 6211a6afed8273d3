//! The monthly subsidy settlement the sub-district pays against: meals served, by the elder's
//! age band on the day of the meal and subsidy category, with full price, subsidy and paid
//! totals in fen.

use crate::canteen::model::settlement::{ServedMeal, SettlementReport, SettlementRow};
use crate::domain::age::AgeBand;
use crate::domain::elder::SubsidyCategory;

/// Sums meals per (age band, category), bands from youngest, categories in their order.
pub fn aggregate(meals: &[ServedMeal]) -> (Vec<SettlementRow>, SettlementRow) {
    let bands = [
        AgeBand::Under60,
        AgeBand::From60To79,
        AgeBand::From80To89,
        AgeBand::From90,
    ];
    let mut rows = Vec::new();
    let mut total = row("合计", "");
    for band in bands {
        for category in SubsidyCategory::ALL.iter().copied() {
            let mut r = row(band.label(), category.label());
            for meal in meals
                .iter()
                .filter(|m| m.age_band == band && m.category == category)
            {
                add(&mut r, meal);
                add(&mut total, meal);
            }
            if r.meals > 0 {
                rows.push(r);
            }
        }
    }
    (rows, total)
}

fn row(age_band: &str, category: &str) -> SettlementRow {
    SettlementRow {
        age_band: age_band.to_string(),
        category: category.to_string(),
        meals: 0,
        full_price_fen: 0,
        subsidy_fen: 0,
        pay_fen: 0,
    }
}

fn add(row: &mut SettlementRow, meal: &ServedMeal) {
    row.meals += 1;
    row.full_price_fen += meal.full_price_fen;
    row.subsidy_fen += meal.subsidy_fen;
    row.pay_fen += meal.pay_fen;
}

/// "15.00" — yuan without the sign, for spreadsheets.
fn plain_yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// The report as CSV (UTF-8 with BOM).
pub fn settlement_csv(report: &SettlementReport) -> String {
    let mut out =
        String::from("\u{feff}年龄段,补贴类别,份数,原价合计(元),补贴合计(元),实收合计(元)\r\n");
    for r in report.rows.iter().chain(std::iter::once(&report.total)) {
        out.push_str(&format!(
            "{},{},{},{},{},{}\r\n",
            r.age_band,
            r.category,
            r.meals,
            plain_yuan(r.full_price_fen),
            plain_yuan(r.subsidy_fen),
            plain_yuan(r.pay_fen)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meal(age_band: AgeBand, category: SubsidyCategory, subsidy_fen: i64) -> ServedMeal {
        ServedMeal {
            age_band,
            category,
            full_price_fen: 1500,
            subsidy_fen,
            pay_fen: 1500 - subsidy_fen,
        }
    }

    #[test]
    fn meals_are_summed_per_band_and_category_with_a_total() {
        let meals = [
            meal(AgeBand::From80To89, SubsidyCategory::Dibao, 1000),
            meal(AgeBand::From60To79, SubsidyCategory::None, 800),
            meal(AgeBand::From80To89, SubsidyCategory::Dibao, 1000),
            meal(AgeBand::Under60, SubsidyCategory::None, 0),
        ];
        let (rows, total) = aggregate(&meals);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].age_band, "60 岁以下");
        assert_eq!(rows[2].meals, 2);
        assert_eq!(rows[2].subsidy_fen, 2000);
        assert_eq!(
            (
                total.meals,
                total.full_price_fen,
                total.subsidy_fen,
                total.pay_fen
            ),
            (4, 6000, 2800, 3200)
        );
    }

    #[test]
    fn the_csv_ends_with_the_total_in_yuan() {
        let (rows, total) = aggregate(&[meal(AgeBand::From60To79, SubsidyCategory::None, 800)]);
        let report = SettlementReport {
            canteen_id: 1,
            canteen: "十九街社区幸福食堂".into(),
            month: "2026-11".into(),
            rows,
            total,
        };
        let csv = settlement_csv(&report);
        assert!(csv.contains("60–79 岁,无,1,15.00,8.00,7.00\r\n"), "{csv}");
        assert!(csv.ends_with("合计,,1,15.00,8.00,7.00\r\n"));
    }
}
