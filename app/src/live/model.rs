//! What a live board is told: which order changed and where. Ids and codes only — never a
//! name, a phone number or an address — so an event says nothing a board could not load.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canteen::model::order::OrderStatus;

/// What happened to a meal order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LiveKind {
    /// Ordered by a family, an elder, staff on the phone, or a weekly standing order.
    OrderPlaced,
    /// Ordered again in place of an order changed before the cutoff.
    OrderChanged,
    OrderCancelled,
    /// Moved on by the kitchen: cooking, ready, out for delivery, collected.
    OrderAdvanced,
    /// Marked at the door: delivered or no answer.
    DeliveryMarked,
}

/// One change of one meal order, with where it belongs and its status afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveEvent {
    pub kind: LiveKind,
    pub order_id: i64,
    pub elder_id: i64,
    pub service_id: i64,
    pub canteen_id: i64,
    pub community_id: i64,
    pub date: NaiveDate,
    pub status: OrderStatus,
}

/// The data of a message that is not one change: the first of every stream, and the one a
/// board that fell behind gets. The board loads its whole current state again.
pub const RELOAD: &str = "reload";
