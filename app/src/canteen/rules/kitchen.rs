//! The prep sheet as a spreadsheet (CSV).

use crate::canteen::model::kitchen::PrepSheet;
use crate::export::csv_field;

/// "低盐、软食": labels joined the way the sheet reads.
fn labels<T: Copy>(items: &[T], label: impl Fn(T) -> &'static str) -> String {
    items
        .iter()
        .map(|&item| label(item))
        .collect::<Vec<_>>()
        .join("、")
}

/// The prep sheet as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese).
pub fn prep_csv(sheet: &PrepSheet) -> String {
    let mut out = String::from("\u{feff}菜品,合计,堂食,自取,送餐\r\n");
    for c in &sheet.counts {
        out.push_str(&format!(
            "{},{},{},{},{}\r\n",
            csv_field(&c.dish),
            c.total,
            c.dine_in,
            c.pickup,
            c.delivery
        ));
    }
    out.push_str("\r\n长者,菜品,用餐方式,饮食要求,过敏,备注\r\n");
    for s in &sheet.special {
        out.push_str(&format!(
            "{},{},{},{},{},{}\r\n",
            csv_field(&s.elder_name),
            csv_field(&s.lines.join("、")),
            csv_field(s.fulfilment.label()),
            csv_field(&labels(&s.diet_needs, |d| d.label())),
            csv_field(&labels(&s.allergies, |a| a.label())),
            csv_field(&s.notes)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canteen::model::kitchen::DishCount;

    #[test]
    fn the_prep_csv_has_a_bom_and_one_row_per_dish() {
        let sheet = PrepSheet {
            service_id: 1,
            canteen_id: 1,
            canteen: "十九街社区幸福食堂".into(),
            meal: crate::canteen::model::menu::Meal::Lunch,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            orders_total: 3,
            counts: vec![DishCount {
                dish: "敬老套餐".into(),
                total: 3,
                dine_in: 1,
                pickup: 0,
                delivery: 2,
            }],
            by_status: vec![],
            special: vec![],
        };
        let csv = prep_csv(&sheet);
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("敬老套餐,3,1,0,2\r\n"));
    }
}
