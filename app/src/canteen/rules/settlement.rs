//! The monthly subsidy settlement the sub-district pays against: meals served, by the elder's
//! age band on the day of the meal and subsidy category, with full price, subsidy and paid
//! totals in fen.

use crate::canteen::model::settlement::{
    ServedMeal, SettlementReport, SettlementRow, SettlementTotal,
};
use crate::domain::age::AgeBand;
use crate::domain::elder::SubsidyCategory;

/// Sums meals per (age band, category), bands from youngest, categories in their order.
pub fn aggregate(meals: &[ServedMeal]) -> (Vec<SettlementRow>, SettlementTotal) {
    let bands = [
        AgeBand::Under60,
        AgeBand::From60To79,
        AgeBand::From80To89,
        AgeBand::From90,
    ];
    let mut rows = Vec::new();
    for band in bands {
        for category in SubsidyCategory::ALL.iter().copied() {
            let mut r = SettlementRow {
                age_band: band,
                category,
                meals: 0,
                full_price_fen: 0,
                subsidy_fen: 0,
                pay_fen: 0,
            };
            for meal in meals
                .iter()
                .filter(|m| m.age_band == band && m.category == category)
            {
                r.meals += 1;
                r.full_price_fen += meal.full_price_fen;
                r.subsidy_fen += meal.subsidy_fen;
                r.pay_fen += meal.pay_fen;
            }
            if r.meals > 0 {
                rows.push(r);
            }
        }
    }
    let total = SettlementTotal {
        meals: rows.iter().map(|r| r.meals).sum(),
        full_price_fen: rows.iter().map(|r| r.full_price_fen).sum(),
        subsidy_fen: rows.iter().map(|r| r.subsidy_fen).sum(),
        pay_fen: rows.iter().map(|r| r.pay_fen).sum(),
    };
    (rows, total)
}

/// "15.00" — yuan without the sign, for spreadsheets.
fn plain_yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// The report as CSV (UTF-8 with BOM), labelled in Chinese.
pub fn settlement_csv(report: &SettlementReport) -> String {
    let mut out =
        String::from("\u{feff}年龄段,补贴类别,份数,原价合计(元),补贴合计(元),实收合计(元)\r\n");
    let line = |band: &str, category: &str, meals: i64, full: i64, subsidy: i64, pay: i64| {
        format!(
            "{band},{category},{meals},{},{},{}\r\n",
            plain_yuan(full),
            plain_yuan(subsidy),
            plain_yuan(pay)
        )
    };
    for r in &report.rows {
        out.push_str(&line(
            r.age_band.label(),
            r.category.label(),
            r.meals,
            r.full_price_fen,
            r.subsidy_fen,
            r.pay_fen,
        ));
    }
    let total = &report.total;
    out.push_str(&line(
        "合计",
        "",
        total.meals,
        total.full_price_fen,
        total.subsidy_fen,
        total.pay_fen,
    ));
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
        assert_eq!(rows[0].age_band.label(), "60 岁以下");
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
