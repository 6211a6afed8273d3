//! A class roster with fees and attendance, as staff see it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterStudent {
    pub enrollment_id: i64,
    pub elder_id: i64,
    pub name: String,
    pub age: i32,
    pub phone: String,
    pub paid: bool,
    /// At the chosen meeting: present, absent, or not recorded yet.
    pub present: Option<bool>,
    /// Meetings attended so far.
    pub attended: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub class_id: i64,
    pub class_name: String,
    pub teacher: String,
    pub fee_fen: i64,
    /// Meeting dates of the semester, "2027-03-01".
    pub sessions: Vec<String>,
    /// The chosen meeting, or "" when the class has no times yet.
    pub session: String,
    /// Meetings with attendance taken.
    pub taken: i64,
    pub students: Vec<RosterStudent>,
    /// Waiting or offered: (name, "候补第 2 位" / "有空位待确认").
    pub waiting: Vec<(String, String)>,
}

/// The attendance form: the meeting and the students present (unticked are absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceForm {
    pub class_id: i64,
    pub session_date: String,
    #[serde(default)]
    pub present: Vec<i64>,
}
