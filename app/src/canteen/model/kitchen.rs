//! The kitchen's prep sheet.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canteen::model::menu::Meal;
use crate::canteen::model::order::{Fulfilment, OrderStatus};
use crate::domain::elder::{Allergen, DietNeed};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DishCount {
    pub dish: String,
    pub total: i64,
    pub dine_in: i64,
    pub pickup: i64,
    pub delivery: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: OrderStatus,
    pub count: i64,
}

/// An order the cooks must look at: the elder has diet needs or allergies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialOrder {
    pub order_id: i64,
    pub elder_name: String,
    pub fulfilment: Fulfilment,
    /// Each dish with its quantity, "宫保鸡丁×2".
    pub lines: Vec<String>,
    pub diet_needs: Vec<DietNeed>,
    pub allergies: Vec<Allergen>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrepSheet {
    pub service_id: i64,
    /// The canteen whose live board (`/events/canteen/{id}`) keeps the sheet current.
    pub canteen_id: i64,
    /// The canteen's name; the page shows it with the meal's label.
    pub canteen: String,
    pub meal: Meal,
    pub date: NaiveDate,
    pub orders_total: i64,
    pub counts: Vec<DishCount>,
    pub by_status: Vec<StatusCount>,
    pub special: Vec<SpecialOrder>,
}
