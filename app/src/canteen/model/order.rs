//! Canteen types shared by the server and the pages.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fulfilment {
    DineIn,
    Pickup,
    Delivery,
}

impl Fulfilment {
    pub const ALL: [Fulfilment; 3] = [Fulfilment::DineIn, Fulfilment::Pickup, Fulfilment::Delivery];

    pub fn code(self) -> &'static str {
        match self {
            Fulfilment::DineIn => "dine_in",
            Fulfilment::Pickup => "pickup",
            Fulfilment::Delivery => "delivery",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Fulfilment::DineIn => "堂食",
            Fulfilment::Pickup => "自取",
            Fulfilment::Delivery => "送餐上门",
        }
    }
}

/// Where an order stands. Staff move it forward; the deliverer marks the end of a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderStatus {
    Placed,
    Cooking,
    Ready,
    OutForDelivery,
    Delivered,
    NoAnswer,
    Cancelled,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 7] = [
        OrderStatus::Placed,
        OrderStatus::Cooking,
        OrderStatus::Ready,
        OrderStatus::OutForDelivery,
        OrderStatus::Delivered,
        OrderStatus::NoAnswer,
        OrderStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrderStatus::Placed => "placed",
            OrderStatus::Cooking => "cooking",
            OrderStatus::Ready => "ready",
            OrderStatus::OutForDelivery => "out_for_delivery",
            OrderStatus::Delivered => "delivered",
            OrderStatus::NoAnswer => "no_answer",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The label families see; a meal eaten or picked up at the canteen is 已取餐, not 已送达.
    pub fn label(self, fulfilment: Fulfilment) -> &'static str {
        match (self, fulfilment) {
            (OrderStatus::Placed, _) => "已下单",
            (OrderStatus::Cooking, _) => "制作中",
            (OrderStatus::Ready, Fulfilment::Delivery) => "待配送",
            (OrderStatus::Ready, _) => "可取餐",
            (OrderStatus::OutForDelivery, _) => "配送中",
            (OrderStatus::Delivered, Fulfilment::Delivery) => "已送达",
            (OrderStatus::Delivered, _) => "已取餐",
            (OrderStatus::NoAnswer, _) => "无人应答",
            (OrderStatus::Cancelled, _) => "已取消",
        }
    }

    /// The status staff may move an order to from this one, for its way of being served.
    pub fn next(self, fulfilment: Fulfilment) -> Option<OrderStatus> {
        match (self, fulfilment) {
            (OrderStatus::Placed, _) => Some(OrderStatus::Cooking),
            (OrderStatus::Cooking, _) => Some(OrderStatus::Ready),
            (OrderStatus::Ready, Fulfilment::Delivery) => Some(OrderStatus::OutForDelivery),
            (OrderStatus::Ready, _) => Some(OrderStatus::Delivered),
            _ => None,
        }
    }

    /// Whether a deliverer may mark this order 已送达 or 无人应答 now.
    pub fn can_mark_delivery(self) -> bool {
        matches!(
            self,
            OrderStatus::Ready
                | OrderStatus::OutForDelivery
                | OrderStatus::Delivered
                | OrderStatus::NoAnswer
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElderChoice {
    pub id: i64,
    pub name: String,
    pub needs_delivery: bool,
    /// Allergy labels, "花生、海鲜".
    pub allergies: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceChoice {
    pub id: i64,
    /// "十九街社区幸福食堂 · 午餐"
    pub title: String,
    pub cutoff_time: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayChoice {
    pub date: String,
    pub label: String,
    pub places_left: i64,
    /// Why it cannot be chosen (cutoff passed, no menu, full), or empty.
    pub closed_because: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DishChoice {
    pub id: i64,
    pub name: String,
    pub is_set_meal: bool,
    pub price_fen: i64,
    /// What this elder pays for it alone (the subsidy applies to one set meal).
    pub elder_price_fen: i64,
    pub allergens: String,
    /// "王秀英对花生过敏" when the dish contains one of the elder's allergens.
    pub refused_because: String,
}

/// Everything the order form shows for one elder and one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderChoices {
    pub elders: Vec<ElderChoice>,
    pub services: Vec<ServiceChoice>,
    pub elder: Option<ElderChoice>,
    pub service: Option<ServiceChoice>,
    pub days: Vec<DayChoice>,
    pub dishes: Vec<DishChoice>,
    pub replacing: Option<Replacing>,
}

/// The order being changed, as the edit form starts out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replacing {
    pub order_id: i64,
    pub date: String,
    /// "dish_id:quantity"
    pub lines: Vec<String>,
    pub fulfilment: String,
}

/// The order form as posted. Dishes arrive as "dish_id:quantity" ("" for none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MealOrderForm {
    pub elder_id: i64,
    pub service_id: i64,
    #[serde(default)]
    pub dates: Vec<String>,
    /// ISO weekdays ("1" = Monday) for a weekly standing order.
    #[serde(default)]
    pub weekdays: Vec<String>,
    #[serde(default)]
    pub dishes: Vec<String>,
    #[serde(default)]
    pub fulfilment: String,
    /// The order this one replaces (editing before the cutoff), or 0.
    #[serde(default)]
    pub replaces: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delivery_goes_through_cooking_ready_and_out_for_delivery() {
        let mut status = OrderStatus::Placed;
        let mut seen = vec![status.label(Fulfilment::Delivery)];
        while let Some(next) = status.next(Fulfilment::Delivery) {
            status = next;
            seen.push(status.label(Fulfilment::Delivery));
        }
        assert_eq!(seen, vec!["已下单", "制作中", "待配送", "配送中"]);
        assert!(status.can_mark_delivery());
    }

    #[test]
    fn a_meal_at_the_canteen_ends_picked_up_without_a_deliverer() {
        assert_eq!(
            OrderStatus::Ready.next(Fulfilment::DineIn),
            Some(OrderStatus::Delivered)
        );
        assert_eq!(OrderStatus::Delivered.label(Fulfilment::Pickup), "已取餐");
        assert_eq!(OrderStatus::Delivered.next(Fulfilment::Pickup), None);
        assert_eq!(OrderStatus::Cancelled.next(Fulfilment::Delivery), None);
    }

    #[test]
    fn codes_round_trip() {
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::from_code(s.code()), Some(s));
        }
        for f in Fulfilment::ALL {
            assert_eq!(Fulfilment::from_code(f.code()), Some(f));
        }
    }
}
