//! What staff set up: services, dishes, the week's menu, and their forms.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRow {
    pub id: i64,
    pub meal: String,
    pub cutoff_time: String,
    pub serve_time: String,
    pub capacity: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DishRow {
    pub id: i64,
    pub name: String,
    pub is_set_meal: bool,
    pub price_fen: i64,
    pub allergens: String,
    pub diet_tags: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CanteenSetup {
    pub canteen_id: i64,
    pub canteen: String,
    pub address: String,
    pub opening_hours: String,
    pub services: Vec<ServiceRow>,
    pub dishes: Vec<DishRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenuWeek {
    pub canteen_id: i64,
    pub canteen: String,
    /// ISO date of the Monday.
    pub monday: String,
    pub previous: String,
    pub next: String,
    /// The seven days, Monday first; the page labels them ("11月23日 周一").
    pub days: Vec<NaiveDate>,
    pub services: Vec<ServiceRow>,
    pub dishes: Vec<DishRow>,
    /// "service:date:dish"
    pub items: Vec<String>,
    /// "service:date" of published days.
    pub published: Vec<String>,
}

/// The week's menu as the editor posts it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenuWeekForm {
    pub canteen_id: i64,
    pub monday: String,
    #[serde(default)]
    pub items: Vec<String>,
    /// "1" to publish, "0" to keep as a draft.
    pub publish: String,
}

/// A dish as the staff form posts it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DishForm {
    pub name: String,
    /// "on" when ticked.
    #[serde(default)]
    pub is_set_meal: Option<String>,
    pub price: String,
    #[serde(default)]
    pub allergens: Vec<String>,
    #[serde(default)]
    pub diet_tags: Vec<String>,
}
