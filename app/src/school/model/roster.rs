//! A class roster with fees and attendance, as staff see it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::school::model::enrollment::EnrollmentStatus;
use crate::ui::prefs::Locale;

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
    /// Meeting dates of the semester.
    pub sessions: Vec<NaiveDate>,
    /// The chosen meeting, none when the class has no times yet.
    pub session: Option<NaiveDate>,
    /// Meetings with attendance taken.
    pub taken: i64,
    pub students: Vec<RosterStudent>,
    /// Waiting or offered, in enrollment order.
    pub waiting: Vec<WaitingStudent>,
}

/// Someone on a class's waitlist, or offered a freed seat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingStudent {
    pub name: String,
    /// `Waitlisted` or `Offered`.
    pub status: EnrollmentStatus,
    /// Place on the waitlist (1 = next), or 0 when offered a seat.
    pub position: i64,
}

impl WaitingStudent {
    /// "候补第 2 位" / "Waitlist no. 2", or the status ("有空位待确认" / "Seat offered").
    pub fn label_in(&self, locale: Locale) -> String {
        if self.status == EnrollmentStatus::Waitlisted {
            let school = crate::i18n::texts(locale).school;
            format!(
                "{} {} {}",
                school.waitlist_place, self.position, school.waitlist_place_unit
            )
            .trim_end()
            .to_string()
        } else {
            self.status.label_in(locale).to_string()
        }
    }
}

/// The attendance form: the meeting and the students present (unticked are absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceForm {
    pub class_id: i64,
    pub session_date: String,
    #[serde(default)]
    pub present: Vec<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_students_are_labelled_in_each_language() {
        let waiting = WaitingStudent {
            name: "学员3".into(),
            status: EnrollmentStatus::Waitlisted,
            position: 2,
        };
        assert_eq!(waiting.label_in(Locale::Zh), "候补第 2 位");
        assert_eq!(waiting.label_in(Locale::En), "Waitlist no. 2");
        let offered = WaitingStudent {
            status: EnrollmentStatus::Offered,
            position: 0,
            ..waiting
        };
        assert_eq!(offered.label_in(Locale::Zh), "有空位待确认");
        assert_eq!(offered.label_in(Locale::En), "Seat offered");
    }
}
