//! Shifts and sign-ups as the pages and server functions exchange them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShiftKind {
    Delivery,
    ClassAssistant,
    Event,
}

impl ShiftKind {
    pub const ALL: [ShiftKind; 3] = [Self::Delivery, Self::ClassAssistant, Self::Event];

    pub fn code(self) -> &'static str {
        match self {
            Self::Delivery => "delivery",
            Self::ClassAssistant => "class_assistant",
            Self::Event => "event",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Delivery => "送餐",
            Self::ClassAssistant => "课堂助教",
            Self::Event => "活动",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignupStatus {
    Confirmed,
    Waitlisted,
    Cancelled,
}

impl SignupStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Waitlisted => "waitlisted",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Confirmed, Self::Waitlisted, Self::Cancelled]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

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
    pub kind: String,
    pub kind_label: String,
    pub title: String,
    pub place: String,
    pub date: String,
    pub day: String,
    pub start_time: String,
    pub end_time: String,
    pub needed: i64,
    pub confirmed: i64,
    pub waitlisted: i64,
    /// "confirmed" or "waitlisted" when the viewer signed up.
    pub my_status: Option<String>,
    /// The viewer's place on the waitlist (1 = next), or 0.
    pub my_position: i64,
    /// Whether sign-ups and cancellations are still open.
    pub open: bool,
    /// Whether the shift's day has come (today or earlier), so staff may confirm it done.
    pub day_has_come: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupView {
    pub name: String,
    pub phone: String,
    pub status: String,
}
