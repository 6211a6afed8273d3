//! Hours and points: what a piece of volunteer work earns under the admin's rules, and the
//! categories and form of service requests. Pure functions.

use crate::ui::prefs::Locale;

/// Points for `minutes` of work at `points_per_hour`, rounded to the nearest point.
pub fn points_for(minutes: i64, points_per_hour: i64) -> i64 {
    (minutes * points_per_hour + 30) / 60
}

/// "1.5 小时" / "1.5 h" — minutes as hours with one decimal, without floating point.
pub fn hours_label(minutes: i64, locale: Locale) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    let unit = match locale {
        Locale::Zh => " 小时",
        Locale::En => " h",
    };
    format!("{}.{}{unit}", tenths / 10, tenths % 10)
}

/// Whether a rating earns the bonus.
pub fn earns_bonus(stars: i64) -> bool {
    stars >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_follow_the_hours_and_round_to_the_nearest() {
        assert_eq!(points_for(90, 10), 15);
        assert_eq!(points_for(60, 10), 10);
        assert_eq!(points_for(20, 10), 3);
        assert_eq!(points_for(0, 10), 0);
        assert_eq!(hours_label(90, Locale::Zh), "1.5 小时");
        assert_eq!(hours_label(150, Locale::Zh), "2.5 小时");
        assert_eq!(hours_label(0, Locale::Zh), "0.0 小时");
        assert_eq!(hours_label(90, Locale::En), "1.5 h");
    }

    #[test]
    fn four_or_five_stars_earn_the_bonus() {
        assert!(!earns_bonus(3));
        assert!(earns_bonus(4));
        assert!(earns_bonus(5));
    }
}
