//! Canteen types shared by the server and the pages.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canteen::model::menu::Meal;
use crate::domain::code::coded_enum;
use crate::domain::elder::Allergen;
use crate::ui::prefs::Locale;

coded_enum!(wire = code; Fulfilment {
    DineIn = ("dine_in", "堂食", "Dine in"),
    Pickup = ("pickup", "自取", "Pick up"),
    Delivery = ("delivery", "送餐上门", "Delivery"),
});

coded_enum!(wire = code;
    /// Where an order stands. Staff move it forward; the deliverer marks the end of a delivery.
    OrderStatus {
    Placed = ("placed", "已下单", "Placed"),
    Cooking = ("cooking", "制作中", "Cooking"),
    Ready = ("ready", "待取餐", "Ready"),
    OutForDelivery = ("out_for_delivery", "配送中", "Out for delivery"),
    Delivered = ("delivered", "已完成", "Served"),
    NoAnswer = ("no_answer", "无人应答", "No answer"),
    Cancelled = ("cancelled", "已取消", "Cancelled"),
});

impl OrderStatus {
    /// The label families see; a meal eaten or picked up at the canteen is 已取餐, not 已送达.
    pub fn label_for(self, fulfilment: Fulfilment) -> &'static str {
        self.label_for_in(fulfilment, Locale::Zh)
    }

    /// `label_for` in the page's language.
    pub fn label_for_in(self, fulfilment: Fulfilment, locale: Locale) -> &'static str {
        let (zh, en) = match (self, fulfilment) {
            (OrderStatus::Ready, Fulfilment::Delivery) => ("待配送", "Awaiting delivery"),
            (OrderStatus::Ready, _) => ("可取餐", "Ready to collect"),
            (OrderStatus::Delivered, Fulfilment::Delivery) => ("已送达", "Delivered"),
            (OrderStatus::Delivered, _) => ("已取餐", "Collected"),
            (other, _) => (other.label(), other.label_in(Locale::En)),
        };
        match locale {
            Locale::Zh => zh,
            Locale::En => en,
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
    /// The elder's allergies; the page labels them ("花生、海鲜").
    pub allergies: Vec<Allergen>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceChoice {
    pub id: i64,
    /// The canteen's name; the page shows "十九街社区幸福食堂 · 午餐" with the meal's label.
    pub canteen: String,
    pub meal: Meal,
    pub cutoff_time: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayChoice {
    pub date: NaiveDate,
    pub places_left: i64,
    /// Why it cannot be chosen, or `None` while it can.
    pub closed_because: Option<DayClosed>,
}

coded_enum!(wire = code;
    /// Why a day cannot be ordered.
    DayClosed {
    CutoffPassed = ("cutoff_passed", "已截止", "Closed"),
    NoMenu = ("no_menu", "菜单未发布", "No menu yet"),
    Full = ("full", "已订满", "Full"),
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DishChoice {
    pub id: i64,
    pub name: String,
    pub is_set_meal: bool,
    pub price_fen: i64,
    /// What this elder pays for it alone (the subsidy applies to one set meal).
    pub elder_price_fen: i64,
    pub allergens: Vec<Allergen>,
    /// The chosen elder's allergens this dish contains (the page says "王秀英对花生过敏");
    /// empty when the elder may order it.
    pub refused_because: Vec<Allergen>,
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
    pub date: NaiveDate,
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
        let mut seen = vec![status.label_for(Fulfilment::Delivery)];
        while let Some(next) = status.next(Fulfilment::Delivery) {
            status = next;
            seen.push(status.label_for(Fulfilment::Delivery));
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
        assert_eq!(
            OrderStatus::Delivered.label_for(Fulfilment::Pickup),
            "已取餐"
        );
        assert_eq!(OrderStatus::Delivered.next(Fulfilment::Pickup), None);
        assert_eq!(OrderStatus::Cancelled.next(Fulfilment::Delivery), None);
    }

    #[test]
    fn codes_round_trip() {
        for &s in OrderStatus::ALL {
            assert_eq!(OrderStatus::from_code(s.code()), Some(s));
        }
        for &f in Fulfilment::ALL {
            assert_eq!(Fulfilment::from_code(f.code()), Some(f));
        }
    }
}
