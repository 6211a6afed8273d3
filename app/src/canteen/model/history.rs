//! A family's orders and standing orders as the history page shows them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: i64,
    pub elder_id: i64,
    pub service_id: i64,
    pub elder_name: String,
    /// "11月24日 周二"
    pub day: String,
    /// "十九街社区幸福食堂 · 午餐"
    pub meal: String,
    /// "敬老套餐×1、小米粥×1"
    pub lines: String,
    pub fulfilment: String,
    pub status: String,
    pub status_label: String,
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
    pub meal: String,
    /// "周一、周二、周三、周四、周五"
    pub weekdays: String,
    pub lines: String,
    pub fulfilment: String,
    pub paused: bool,
    /// Days of the last week the job could not order, with why.
    pub problems: String,
}
