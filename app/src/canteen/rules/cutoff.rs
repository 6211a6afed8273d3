//! Order cutoffs: a meal can be ordered, changed or cancelled until its service's cutoff time
//! on the day of the meal, Asia/Shanghai time.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::clock::shanghai_wall_clock;
use crate::error::AppError;

/// Whether `now` is still before the cutoff for the meal on `date`.
pub fn before_cutoff(date: NaiveDate, cutoff: NaiveTime, now: DateTime<Utc>) -> bool {
    shanghai_wall_clock(now) < date.and_time(cutoff)
}

/// Refuses with a message naming the cutoff once it has passed.
pub fn check_cutoff(
    date: NaiveDate,
    cutoff: NaiveTime,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if before_cutoff(date, cutoff, now) {
        Ok(())
    } else {
        let day = match crate::i18n::message_locale() {
            crate::ui::prefs::Locale::Zh => date.format("%m月%d日"),
            crate::ui::prefs::Locale::En => date.format("%-d %b"),
        };
        let time = cutoff.format("%H:%M");
        Err(AppError::conflict(crate::tr!(
            "{day} 的订餐已在 {time} 截止，不能再下单或修改。",
            "Orders for {day} closed at {time}, so they can no longer be placed or changed."
        )))
    }
}

/// Parses a stored 'HH:MM' time.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn lunch_day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn the_cutoff_is_shanghai_time_not_utc() {
        let cutoff = parse_time("09:30").unwrap();
        // 01:29 UTC is 09:29 in Shanghai: still open.
        assert!(before_cutoff(lunch_day(), cutoff, utc(2026, 11, 24, 1, 29)));
        // 01:30 UTC is 09:30: closed, the minute itself included.
        assert!(!before_cutoff(
            lunch_day(),
            cutoff,
            utc(2026, 11, 24, 1, 30)
        ));
    }

    #[test]
    fn the_evening_before_counts_as_before_the_cutoff_across_midnight_utc() {
        let cutoff = parse_time("09:30").unwrap();
        // 17:00 UTC on the 23rd is 01:00 on the 24th in Shanghai.
        assert!(before_cutoff(lunch_day(), cutoff, utc(2026, 11, 23, 17, 0)));
        assert!(!before_cutoff(lunch_day(), cutoff, utc(2026, 11, 25, 0, 0)));
    }

    #[test]
    fn a_late_order_is_refused_with_the_day_and_time() {
        let cutoff = parse_time("09:30").unwrap();
        let err = check_cutoff(lunch_day(), cutoff, utc(2026, 11, 24, 2, 0)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "11月24日 的订餐已在 09:30 截止，不能再下单或修改。"
        );
    }

    #[test]
    fn malformed_stored_times_are_rejected() {
        assert_eq!(parse_time("9:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert!(parse_time("25:00").is_none());
        assert!(parse_time("").is_none());
    }
}
