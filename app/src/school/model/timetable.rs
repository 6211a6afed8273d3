//! Weekly class slots and the week grid as the timetable pages see them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotRow {
    pub id: i64,
    pub room_id: i64,
    pub weekday: i64,
    pub start: String,
    pub end: String,
    /// "周一 09:00–10:30 红河社区教学点 书画室"
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimetableClass {
    pub id: i64,
    pub name: String,
    pub teacher: String,
    pub slots: Vec<SlotRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timetable {
    /// Rooms the caller may schedule in: (id, "site · room").
    pub rooms: Vec<(i64, String)>,
    /// This semester's classes the caller runs.
    pub classes: Vec<TimetableClass>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridEntry {
    pub weekday: i64,
    pub start: String,
    pub end: String,
    pub class: String,
    pub teacher: String,
    /// "红河社区教学点 书画室"
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekGrid {
    pub semester: String,
    /// "site", "teacher" or "room".
    pub by: String,
    pub chosen: i64,
    pub title: String,
    /// What can be chosen for `by`: (id, name).
    pub options: Vec<(i64, String)>,
    pub entries: Vec<GridEntry>,
    /// The chosen teacher's calendar feed path, for `by` = "teacher".
    pub calendar: String,
}
