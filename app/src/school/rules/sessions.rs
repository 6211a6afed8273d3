//! The dates a class meets: every week on its weekdays from the semester's start to its end.
//! Attendance is taken per meeting, and only for meetings that have happened.

use chrono::{Datelike, NaiveDate};

use crate::error::AppError;

/// Every meeting date of a class meeting on ISO `weekdays` between `starts` and `ends`.
pub fn session_dates(starts: NaiveDate, ends: NaiveDate, weekdays: &[u32]) -> Vec<NaiveDate> {
    starts
        .iter_days()
        .take_while(|d| *d <= ends)
        .filter(|d| weekdays.contains(&d.weekday().number_from_monday()))
        .collect()
}

/// The meeting to show first: the latest one up to today, or the first one before term.
pub fn current_session(dates: &[NaiveDate], today: NaiveDate) -> Option<NaiveDate> {
    dates
        .iter()
        .rev()
        .find(|d| **d <= today)
        .or_else(|| dates.first())
        .copied()
}

/// Whether attendance can be taken for `date`: a meeting of the class, and not in the future.
pub fn check_attendance_date(
    dates: &[NaiveDate],
    date: NaiveDate,
    today: NaiveDate,
) -> Result<(), AppError> {
    if !dates.contains(&date) {
        return Err(AppError::invalid(crate::tr!(
            "这一天这个班没有课。",
            "The class does not meet on this day."
        )));
    }
    if date > today {
        return Err(AppError::invalid(crate::tr!(
            "还没到这次课，不能记考勤。",
            "This class has not taken place yet, so attendance cannot be recorded."
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap()
    }

    #[test]
    fn a_class_meets_on_its_weekdays_through_the_semester() {
        // 2027-03-01 is a Monday; Mondays and Thursdays to 2027-03-15.
        let dates = session_dates(d(3, 1), d(3, 15), &[1, 4]);
        assert_eq!(dates, vec![d(3, 1), d(3, 4), d(3, 8), d(3, 11), d(3, 15)]);
        assert!(session_dates(d(3, 1), d(3, 15), &[]).is_empty());
    }

    #[test]
    fn the_current_session_is_the_latest_held_or_the_first() {
        let dates = [d(3, 1), d(3, 8), d(3, 15)];
        assert_eq!(current_session(&dates, d(3, 10)), Some(d(3, 8)));
        assert_eq!(current_session(&dates, d(3, 8)), Some(d(3, 8)));
        assert_eq!(current_session(&dates, d(2, 1)), Some(d(3, 1)));
        assert_eq!(current_session(&[], d(2, 1)), None);
    }

    #[test]
    fn attendance_only_for_meetings_that_have_happened() {
        let dates = [d(3, 1), d(3, 8)];
        assert!(check_attendance_date(&dates, d(3, 1), d(3, 5)).is_ok());
        assert_eq!(
            check_attendance_date(&dates, d(3, 2), d(3, 5))
                .unwrap_err()
                .to_string(),
            "这一天这个班没有课。"
        );
        assert_eq!(
            check_attendance_date(&dates, d(3, 8), d(3, 5))
                .unwrap_err()
                .to_string(),
            "还没到这次课，不能记考勤。"
        );
    }
}
