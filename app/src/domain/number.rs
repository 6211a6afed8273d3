//! Whole numbers as people type them into forms: places, stars, minutes, points.

use std::ops::RangeInclusive;

use crate::error::AppError;

/// The whole number in `text` if it lies in `range`; otherwise `message`, which says what to
/// enter.
pub fn whole_number(
    text: &str,
    range: RangeInclusive<i64>,
    message: &str,
) -> Result<i64, AppError> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| AppError::invalid(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_in_range_is_read_with_spaces_around_it() {
        assert_eq!(whole_number(" 30 ", 1..=500, "x"), Ok(30));
        assert_eq!(whole_number("1", 1..=500, "x"), Ok(1));
        assert_eq!(whole_number("500", 1..=500, "x"), Ok(500));
    }

    #[test]
    fn out_of_range_fractions_and_words_get_the_message() {
        for text in ["0", "501", "2.5", "三十", "", "-1"] {
            assert_eq!(
                whole_number(text, 1..=500, "名额请填 1–500。"),
                Err(AppError::invalid("名额请填 1–500。")),
                "{text}"
            );
        }
    }
}
