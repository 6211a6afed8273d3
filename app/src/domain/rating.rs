//! A 1–5 star rating with an optional short comment, as meals and volunteer help are rated.

use crate::error::AppError;

pub const MAX_COMMENT_CHARS: usize = 200;

/// Checks the stars as posted ("1"–"5") and trims the comment.
pub fn parse_rating(stars: &str, comment: &str) -> Result<(i64, String), AppError> {
    let stars = crate::domain::number::whole_number(
        stars,
        1..=5,
        &crate::tr!("请选择 1 到 5 颗星。", "Please choose from 1 to 5 stars."),
    )?;
    let comment = comment.trim();
    if comment.chars().count() > MAX_COMMENT_CHARS {
        return Err(AppError::invalid(crate::tr!(
            "评价请不要超过 {MAX_COMMENT_CHARS} 个字。",
            "Please keep the comment to at most {MAX_COMMENT_CHARS} characters."
        )));
    }
    Ok((stars, comment.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_to_five_stars_and_a_short_comment() {
        assert_eq!(
            parse_rating(" 5 ", " 很好 ").unwrap(),
            (5, "很好".to_string())
        );
        for bad in ["0", "6", "", "五"] {
            assert!(parse_rating(bad, "").is_err(), "{bad}");
        }
        assert!(parse_rating("4", &"好".repeat(201)).is_err());
    }
}
