//! The published menu of a canteen, grouped by day and meal for the menu page.

use crate::canteen::model::menu::{DayMenu, DishView, MealMenu, MenuRow};
use crate::domain::elder::{split_codes, Allergen, DietNeed};

/// Groups rows (ordered by date, then lunch before dinner) into days and meals, pricing set
/// meals for seniors with `senior_subsidy_fen`.
pub fn group_menu(rows: Vec<MenuRow>, senior_subsidy_fen: i64) -> Vec<DayMenu> {
    let mut days: Vec<DayMenu> = Vec::new();
    for row in rows {
        let dish = DishView {
            name: row.dish_name,
            is_set_meal: row.is_set_meal,
            price_fen: row.price_fen,
            senior_price_fen: row
                .is_set_meal
                .then(|| row.price_fen - senior_subsidy_fen.clamp(0, row.price_fen)),
            allergens: split_codes(&row.allergens, Allergen::from_code),
            diet_tags: split_codes(&row.diet_tags, DietNeed::from_code),
        };
        if days.last().is_none_or(|d| d.date != row.date) {
            days.push(DayMenu {
                date: row.date,
                meals: Vec::new(),
            });
        }
        let day = days.last_mut().expect("a day was just pushed");
        if day.meals.last().is_none_or(|m| m.meal != row.meal) {
            day.meals.push(MealMenu {
                meal: row.meal,
                cutoff_time: row.cutoff_time.clone(),
                dishes: Vec::new(),
            });
        }
        day.meals
            .last_mut()
            .expect("a meal was just pushed")
            .dishes
            .push(dish);
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(date: &str, meal: &str, name: &str, set: bool, price: i64) -> MenuRow {
        MenuRow {
            date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            meal: crate::canteen::model::menu::Meal::from_code(meal).unwrap(),
            cutoff_time: if meal == "lunch" {
                "09:30".into()
            } else {
                "15:00".into()
            },
            dish_name: name.into(),
            is_set_meal: set,
            price_fen: price,
            allergens: if name == "宫保鸡丁" {
                "peanut,soy".into()
            } else {
                String::new()
            },
            diet_tags: String::new(),
        }
    }

    #[test]
    fn rows_are_grouped_by_day_then_meal_in_order() {
        let rows = vec![
            row("2026-11-24", "lunch", "敬老套餐", true, 1500),
            row("2026-11-24", "lunch", "宫保鸡丁", false, 1000),
            row("2026-11-24", "dinner", "小米粥", false, 200),
            row("2026-11-25", "lunch", "敬老套餐", true, 1500),
        ];
        let days = group_menu(rows, 800);
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].meals.len(), 2);
        assert_eq!(days[0].meals[0].dishes.len(), 2);
        assert_eq!(days[0].meals[1].cutoff_time, "15:00");
        assert_eq!(days[1].meals[0].dishes[0].name, "敬老套餐");
    }

    #[test]
    fn set_meals_show_the_senior_price_and_single_dishes_do_not() {
        let days = group_menu(
            vec![
                row("2026-11-24", "lunch", "敬老套餐", true, 1500),
                row("2026-11-24", "lunch", "宫保鸡丁", false, 1000),
            ],
            800,
        );
        let dishes = &days[0].meals[0].dishes;
        assert_eq!(dishes[0].senior_price_fen, Some(700));
        assert_eq!(dishes[1].senior_price_fen, None);
        assert_eq!(dishes[1].allergens, vec![Allergen::Peanut, Allergen::Soy]);
    }
}
