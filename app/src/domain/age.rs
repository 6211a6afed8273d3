//! Ages and the age bands that subsidy rules use (60–79, 80–89, 90+).

use chrono::{Datelike, NaiveDate};

use crate::domain::code::coded_enum;

/// Full years between `birth` and `today`.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> i32 {
    let mut years = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

coded_enum!(AgeBand {
    Under60 = ("under_60", "60 岁以下", "Under 60"),
    From60To79 = ("60_79", "60–79 岁", "60–79"),
    From80To89 = ("80_89", "80–89 岁", "80–89"),
    From90 = ("90_plus", "90 岁及以上", "90 and over"),
});

impl AgeBand {
    pub fn for_age(age: i32) -> Self {
        match age {
            ..=59 => Self::Under60,
            60..=79 => Self::From60To79,
            80..=89 => Self::From80To89,
            _ => Self::From90,
        }
    }

    /// The bands subsidy rules can name.
    pub const SUBSIDISED: [AgeBand; 3] = [Self::From60To79, Self::From80To89, Self::From90];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn age_turns_over_on_the_birthday_not_before() {
        let birth = date(1946, 5, 20);
        assert_eq!(age_on(birth, date(2026, 5, 19)), 79);
        assert_eq!(age_on(birth, date(2026, 5, 20)), 80);
    }

    #[test]
    fn a_leap_day_birthday_counts_from_the_first_of_march_in_other_years() {
        let birth = date(1944, 2, 29);
        assert_eq!(age_on(birth, date(2026, 2, 28)), 81);
        assert_eq!(age_on(birth, date(2026, 3, 1)), 82);
    }

    #[test]
    fn bands_have_inclusive_edges_at_60_80_and_90() {
        assert_eq!(AgeBand::for_age(59), AgeBand::Under60);
        assert_eq!(AgeBand::for_age(60), AgeBand::From60To79);
        assert_eq!(AgeBand::for_age(79), AgeBand::From60To79);
        assert_eq!(AgeBand::for_age(80), AgeBand::From80To89);
        assert_eq!(AgeBand::for_age(89), AgeBand::From80To89);
        assert_eq!(AgeBand::for_age(90), AgeBand::From90);
        assert_eq!(AgeBand::for_age(104), AgeBand::From90);
    }
}
