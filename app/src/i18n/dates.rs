//! Dates and weekdays as people read them, in each interface language: "11月24日 周二" or
//! "Tue 24 Nov". The one table of weekday names in the app.

use chrono::{Datelike, NaiveDate};

use crate::ui::prefs::Locale;

const WEEKDAYS_ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The seven weekday names, Monday first.
pub fn weekday_names(locale: Locale) -> &'static [&'static str; 7] {
    match locale {
        Locale::Zh => &WEEKDAYS_ZH,
        Locale::En => &WEEKDAYS_EN,
    }
}

/// The name of ISO `weekday` (1 = Monday … 7 = Sunday); empty for anything else.
pub fn weekday_name(weekday: u32, locale: Locale) -> &'static str {
    weekday_names(locale)
        .get((weekday as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// "周一、周三、周五" / "Mon, Wed, Fri".
pub fn weekdays_label(days: &[u32], locale: Locale) -> String {
    let names = days.iter().map(|&d| weekday_name(d, locale));
    super::list_label(names.filter(|name| !name.is_empty()), locale)
}

/// "11月24日 周二" / "Tue 24 Nov".
pub fn day_label(date: NaiveDate, locale: Locale) -> String {
    let weekday = weekday_name(date.weekday().number_from_monday(), locale);
    match locale {
        Locale::Zh => format!("{}月{}日 {weekday}", date.month(), date.day()),
        Locale::En => format!(
            "{weekday} {} {}",
            date.day(),
            MONTHS_EN[date.month0() as usize]
        ),
    }
}

/// "11月23日 14:05" / "23 Nov 14:05" in Asia/Shanghai, for a stored Unix time.
pub fn time_label(unix: i64, locale: Locale) -> String {
    match locale {
        Locale::Zh => crate::clock::local_time_label(unix),
        Locale::En => chrono::DateTime::from_timestamp(unix, 0)
            .map(|t| {
                let local = t.with_timezone(&crate::clock::shanghai());
                format!(
                    "{} {} {}",
                    local.day(),
                    MONTHS_EN[local.month0() as usize],
                    local.format("%H:%M")
                )
            })
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_naturally_in_each_language() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(day_label(date, Locale::Zh), "11月24日 周二");
        assert_eq!(day_label(date, Locale::En), "Tue 24 Nov");
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(day_label(monday, Locale::Zh), "11月23日 周一");
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(day_label(sunday, Locale::Zh), "11月29日 周日");
        assert_eq!(weekdays_label(&[1, 3, 5], Locale::Zh), "周一、周三、周五");
        assert_eq!(weekdays_label(&[1, 3, 5, 9], Locale::En), "Mon, Wed, Fri");
        // 2026-11-23 06:05 UTC
        assert_eq!(time_label(1_795_413_900, Locale::Zh), "11月23日 14:05");
        assert_eq!(time_label(1_795_413_900, Locale::En), "23 Nov 14:05");
    }
}
