//! A family's orders and standing orders as the history page shows them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canteen::model::menu::Meal;
use crate::canteen::model::order::{Fulfilment, OrderStatus};
use crate::domain::code::coded_enum;

coded_enum!(wire = code;
    /// What a family does with a weekly standing order (the form's `pause` field).
    StandingChange {
    Pause = ("1", "暂停", "Pause"),
    Resume = ("0", "恢复", "Resume"),
    End = ("end", "停止", "Stop"),
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: i64,
    pub elder_id: i64,
    pub service_id: i64,
    pub elder_name: String,
    pub date: NaiveDate,
    pub canteen: String,
    pub meal: Meal,
    /// "敬老套餐×1、小米粥×1"
    /// Each dish with its quantity, "宫保鸡丁×2".
    pub lines: Vec<String>,
    pub fulfilment: Fulfilment,
    pub status: OrderStatus,
    pub full_price_fen: i64,
    pub subsidy_fen: i64,
    pub pay_fen: i64,
    pub can_change: bool,
    pub can_rate: bool,
    pub rating: Option<i64>,
    pub rating_comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandingView {
    pub id: i64,
    pub elder_name: String,
    pub canteen: String,
    pub meal: Meal,
    /// ISO weekdays, 1 = Monday.
    pub weekdays: Vec<u32>,
    /// Each dish with its quantity, "宫保鸡丁×2".
    pub lines: Vec<String>,
    pub fulfilment: Fulfilment,
    pub paused: bool,
    /// Days of the last week the job could not order, with why.
    pub problems: String,
}
