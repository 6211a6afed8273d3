//! Canteen types shared by the server and the pages.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fulfilment {
    DineIn,
    Pickup,
    Delivery,
}

impl Fulfilment {
    pub fn code(self) -> &'static str {
        match self {
            Fulfilment::DineIn => "dine_in",
            Fulfilment::Pickup => "pickup",
            Fulfilment::Delivery => "delivery",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Fulfilment::DineIn => "堂食",
            Fulfilment::Pickup => "自取",
            Fulfilment::Delivery => "送餐上门",
        }
    }
}
