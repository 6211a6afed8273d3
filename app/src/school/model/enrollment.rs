//! Classes, enrollments and their statuses as the pages see them.

use serde::{Deserialize, Serialize};

use crate::domain::code::coded_enum;
use crate::i18n::dates::weekday_name;
use crate::ui::prefs::Locale;

/// One weekly meeting of a class: its day, times, site and room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotView {
    /// ISO weekday, 1 = Monday.
    pub weekday: u32,
    pub start_time: String,
    pub end_time: String,
    pub site_id: i64,
    pub site: String,
    pub room: String,
}

impl SlotView {
    /// "周一 09:00–10:30 红河社区教学点 书画室"
    pub fn label_in(&self, locale: Locale) -> String {
        let day = weekday_name(self.weekday, locale);
        format!(
            "{day} {}–{} {} {}",
            self.start_time, self.end_time, self.site, self.room
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassView {
    pub id: i64,
    pub name: String,
    pub course: String,
    pub teacher: String,
    pub slots: Vec<SlotView>,
    pub capacity: i64,
    pub seats_left: i64,
    pub waiting: i64,
    pub fee_fen: i64,
    pub min_age: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollmentView {
    pub id: i64,
    pub elder_name: String,
    pub class_name: String,
    pub slots: Vec<SlotView>,
    pub status: EnrollmentStatus,
    /// Place on the waitlist (1 = next), or 0.
    pub position: i64,
    /// When an offer lapses (Unix seconds).
    pub offer_expires: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub semester: String,
    pub enroll_window: String,
    pub classes: Vec<ClassView>,
    /// The elders the caller may enroll: (id, name).
    pub elders: Vec<(i64, String)>,
    /// Teaching sites to filter by: (id, name).
    pub sites: Vec<(i64, String)>,
}

coded_enum!(wire = code; EnrollmentStatus {
    Enrolled = ("enrolled", "已报名", "Enrolled"),
    Waitlisted = ("waitlisted", "候补中", "On the waitlist"),
    Offered = ("offered", "有空位待确认", "Seat offered"),
    Dropped = ("dropped", "已退课", "Dropped"),
    Declined = ("declined", "已放弃", "Declined"),
    Lapsed = ("lapsed", "已过期", "Lapsed"),
});

impl EnrollmentStatus {
    /// Whether the enrollment holds a seat (an offer holds one until it lapses).
    pub fn holds_seat(self) -> bool {
        matches!(self, Self::Enrolled | Self::Offered)
    }
}

coded_enum!(wire = code;
    /// What a family does with an enrollment: drop the class, or answer a seat offer.
    EnrollmentAction {
    Drop = ("drop", "退课", "Drop"),
    Accept = ("accept", "接受", "Accept"),
    Decline = ("decline", "放弃", "Decline"),
});
