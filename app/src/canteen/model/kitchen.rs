//! The kitchen's prep sheet.

use serde::{Deserialize, Serialize};

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
    pub status: String,
    pub label: String,
    pub count: i64,
}

/// An order the cooks must look at: the elder has diet needs or allergies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialOrder {
    pub order_id: i64,
    pub elder_name: String,
    pub fulfilment: String,
    pub lines: String,
    pub diet_needs: String,
    pub allergies: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrepSheet {
    pub service_id: i64,
    pub title: String,
    /// ISO date
    pub date: String,
    pub day: String,
    pub orders_total: i64,
    pub counts: Vec<DishCount>,
    pub by_status: Vec<StatusCount>,
    pub special: Vec<SpecialOrder>,
}
