//! Weekly class slots and the week grid as the timetable pages see them.

use serde::{Deserialize, Serialize};

use crate::i18n::dates::weekday_name;
use crate::ui::prefs::Locale;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotRow {
    pub id: i64,
    pub room_id: i64,
    pub weekday: i64,
    pub start: String,
    pub end: String,
    pub site: String,
    pub room: String,
}

impl SlotRow {
    /// "周一 09:00–10:30 红河社区教学点 书画室" / "Mon 09:00–10:30 …".
    pub fn label_in(&self, locale: Locale) -> String {
        let day = weekday_name(u32::try_from(self.weekday).unwrap_or(0), locale);
        format!(
            "{day} {}–{} {} {}",
            self.start, self.end, self.site, self.room
        )
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_rows_read_in_each_language() {
        let row = SlotRow {
            id: 1,
            room_id: 1,
            weekday: 1,
            start: "09:00".into(),
            end: "10:30".into(),
            site: "红河社区教学点".into(),
            room: "书画室".into(),
        };
        assert_eq!(
            row.label_in(Locale::Zh),
            "周一 09:00–10:30 红河社区教学点 书画室"
        );
        assert_eq!(
            row.label_in(Locale::En),
            "Mon 09:00–10:30 红河社区教学点 书画室"
        );
    }
}
