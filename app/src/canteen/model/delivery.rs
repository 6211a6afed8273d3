//! Delivery routes and their stops.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canteen::model::menu::Meal;
use crate::canteen::model::order::OrderStatus;
use crate::domain::code::coded_enum;

coded_enum!(wire = code;
    /// How a delivery ended, as the deliverer marks the stop.
    DeliveryOutcome {
    Delivered = ("delivered", "已送达", "Delivered"),
    NoAnswer = ("no_answer", "无人应答", "No answer"),
});

impl DeliveryOutcome {
    /// The order's status after this outcome.
    pub fn status(self) -> OrderStatus {
        match self {
            DeliveryOutcome::Delivered => OrderStatus::Delivered,
            DeliveryOutcome::NoAnswer => OrderStatus::NoAnswer,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteStop {
    pub order_id: i64,
    pub position: i64,
    pub elder_name: String,
    pub address: String,
    pub phone: String,
    pub notes: String,
    /// Each dish with its quantity, "宫保鸡丁×2".
    pub lines: Vec<String>,
    pub status: OrderStatus,
    pub can_mark: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteView {
    pub id: i64,
    pub route_no: i64,
    pub service_id: i64,
    pub date: NaiveDate,
    pub deliverer: String,
    pub deliverer_phone: String,
    pub stops: Vec<RouteStop>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteSheet {
    /// The canteen whose live board (`/events/canteen/{id}`) keeps the sheet current.
    pub canteen_id: i64,
    /// The canteen's name; the page shows it with the meal's label.
    pub canteen: String,
    pub meal: Meal,
    pub routes: Vec<RouteView>,
    /// Delivery orders not on any route yet (ordered after the routes were planned).
    pub unrouted: i64,
}
