//! A canteen's published menu as the menu page shows it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::code::coded_enum;
use crate::domain::elder::{Allergen, DietNeed};

coded_enum!(wire = code;
    /// The meals a canteen serves.
    Meal {
    Lunch = ("lunch", "午餐", "Lunch"),
    Dinner = ("dinner", "晚餐", "Dinner"),
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CanteenInfo {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub opening_hours: String,
    pub community: String,
    pub community_id: i64,
}

/// One published dish on one day's service, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuRow {
    pub date: NaiveDate,
    pub meal: Meal,
    pub cutoff_time: String,
    pub dish_name: String,
    pub is_set_meal: bool,
    pub price_fen: i64,
    pub allergens: String,
    pub diet_tags: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DishView {
    pub name: String,
    pub is_set_meal: bool,
    pub price_fen: i64,
    /// What an elder aged 60–79 without a subsidy category pays (set meals only).
    pub senior_price_fen: Option<i64>,
    pub allergens: Vec<Allergen>,
    pub diet_tags: Vec<DietNeed>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MealMenu {
    pub meal: Meal,
    pub cutoff_time: String,
    pub dishes: Vec<DishView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayMenu {
    pub date: NaiveDate,
    pub meals: Vec<MealMenu>,
}
