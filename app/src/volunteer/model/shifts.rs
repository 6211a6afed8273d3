//! Shifts and sign-ups as the pages and server functions exchange them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::canteen::model::menu::Meal;
use crate::domain::code::coded_enum;

coded_enum!(wire = code; ShiftKind {
    Delivery = ("delivery", "送餐", "Meal delivery"),
    ClassAssistant = ("class_assistant", "课堂助教", "Class assistant"),
    Event = ("event", "活动", "Event"),
});

coded_enum!(wire = code; SignupStatus {
    Confirmed = ("confirmed", "已确认", "Confirmed"),
    Waitlisted = ("waitlisted", "候补", "Waitlisted"),
    Cancelled = ("cancelled", "已取消", "Cancelled"),
});

/// A shift as staff post it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftForm {
    pub community_id: String,
    pub kind: String,
    pub title: String,
    pub place: String,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    pub needed: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftView {
    pub id: i64,
    pub community: String,
    pub kind: ShiftKind,
    /// As staff typed it; a delivery shift is named by its `route` instead.
    pub title: String,
    pub route: Option<DeliveryRoute>,
    pub place: String,
    pub date: NaiveDate,
    pub start_time: String,
    pub end_time: String,
    pub needed: i64,
    pub confirmed: i64,
    pub waitlisted: i64,
    /// Confirmed or waitlisted, when the viewer signed up.
    pub my_status: Option<SignupStatus>,
    /// The viewer's place on the waitlist (1 = next), or 0.
    pub my_position: i64,
    /// Whether sign-ups and cancellations are still open.
    pub open: bool,
    /// Whether the shift's day has come (today or earlier), so staff may confirm it done.
    pub day_has_come: bool,
}

/// The canteen delivery route a shift was offered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryRoute {
    pub meal: Meal,
    pub route_no: i64,
    /// Homes on the route now.
    pub stops: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupView {
    pub name: String,
    pub phone: String,
    pub status: SignupStatus,
}
