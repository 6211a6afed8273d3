//! Enrollment rules without a database: the enrollment window (with an earlier one for
//! returning students), the minimum age, the per-person cap of classes a semester, and the
//! place a new enrollment gets.

use chrono::NaiveDate;

use crate::error::AppError;
use crate::school::model::enrollment::EnrollmentStatus;

/// The semester's enrollment dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Returning students may enroll from this day.
    pub returning_opens: NaiveDate,
    pub opens: NaiveDate,
    pub closes: NaiveDate,
}

/// Who wants to enroll, as far as the rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applicant {
    pub age: i32,
    pub returning: bool,
    /// Classes this semester the person holds a seat in or waits for.
    pub classes_this_semester: i64,
}

/// "02月20日" / "20 Feb", in the language of the message.
fn day(date: NaiveDate) -> String {
    match crate::i18n::message_locale() {
        crate::ui::prefs::Locale::Zh => date.format("%m月%d日").to_string(),
        crate::ui::prefs::Locale::En => date.format("%-d %b").to_string(),
    }
}

pub fn check_window(
    window: Window,
    applicant: Applicant,
    today: NaiveDate,
) -> Result<(), AppError> {
    let opens = if applicant.returning {
        window.returning_opens.min(window.opens)
    } else {
        window.opens
    };
    if today < opens {
        let note = if window.returning_opens < window.opens && !applicant.returning {
            crate::tr!(
                "（老学员可提前报名）",
                " (returning students may enroll earlier)"
            )
        } else {
            String::new()
        };
        return Err(AppError::conflict(crate::tr!(
            "报名 {} 才开始{note}。",
            "Enrollment opens on {}{note}.",
            day(opens)
        )));
    }
    if today > window.closes {
        return Err(AppError::conflict(crate::tr!(
            "报名已在 {} 截止。",
            "Enrollment closed on {}.",
            day(window.closes)
        )));
    }
    Ok(())
}

pub fn check_applicant(min_age: i32, cap: i64, applicant: Applicant) -> Result<(), AppError> {
    if applicant.age < min_age {
        return Err(AppError::conflict(crate::tr!(
            "这个班要求 {min_age} 岁以上，报名人现在 {} 岁。",
            "This class is for people aged {min_age} and over. The person signing up is {}.",
            applicant.age
        )));
    }
    if applicant.classes_this_semester >= cap {
        return Err(AppError::conflict(crate::tr!(
            "每人每学期最多报 {cap} 个班，已经报满了。",
            "Each person can take at most {cap} classes a semester, and that limit is reached."
        )));
    }
    Ok(())
}

/// A new enrollment gets a seat while seats remain (no one is waiting), else waits.
pub fn place_for(seats_held: i64, capacity: i64, waiting: i64) -> EnrollmentStatus {
    if seats_held < capacity && waiting == 0 {
        EnrollmentStatus::Enrolled
    } else {
        EnrollmentStatus::Waitlisted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap()
    }

    fn window() -> Window {
        Window {
            returning_opens: d(2, 10),
            opens: d(2, 20),
            closes: d(3, 5),
        }
    }

    fn applicant(returning: bool) -> Applicant {
        Applicant {
            age: 68,
            returning,
            classes_this_semester: 0,
        }
    }

    #[test]
    fn returning_students_may_enroll_earlier() {
        assert!(check_window(window(), applicant(true), d(2, 10)).is_ok());
        let err = check_window(window(), applicant(false), d(2, 10)).unwrap_err();
        assert!(err.to_string().contains("老学员可提前报名"), "{err}");
        assert!(check_window(window(), applicant(false), d(2, 20)).is_ok());
        assert!(
            check_window(window(), applicant(false), d(3, 5)).is_ok(),
            "the last day counts"
        );
        assert!(check_window(window(), applicant(true), d(3, 6)).is_err());
    }

    #[test]
    fn age_and_the_per_person_cap_are_enforced_with_reasons() {
        assert!(check_applicant(60, 3, applicant(false)).is_ok());
        let young = Applicant {
            age: 55,
            ..applicant(false)
        };
        assert!(check_applicant(60, 3, young)
            .unwrap_err()
            .to_string()
            .contains("60 岁以上"));
        let busy = Applicant {
            classes_this_semester: 3,
            ..applicant(false)
        };
        assert!(check_applicant(60, 3, busy)
            .unwrap_err()
            .to_string()
            .contains("最多报 3 个班"));
    }

    #[test]
    fn nobody_jumps_the_waitlist() {
        assert_eq!(place_for(29, 30, 0), EnrollmentStatus::Enrolled);
        assert_eq!(place_for(30, 30, 0), EnrollmentStatus::Waitlisted);
        assert_eq!(
            place_for(29, 30, 2),
            EnrollmentStatus::Waitlisted,
            "a free seat is offered to the waitlist first"
        );
        assert!(EnrollmentStatus::Offered.holds_seat());
        assert!(!EnrollmentStatus::Waitlisted.holds_seat());
    }
}
