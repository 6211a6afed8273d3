//! Mainland China mobile numbers, the login name of every account.

use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// An 11-digit mainland mobile number such as `13800138000`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Accepts the number with spaces or dashes and an optional `+86` prefix.
    pub fn parse(input: &str) -> Result<Self, AppError> {
        let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let digits = digits
            .strip_prefix("+86")
            .or_else(|| digits.strip_prefix("0086"))
            .unwrap_or(&digits);
        let bytes = digits.as_bytes();
        let valid = bytes.len() == 11
            && bytes.iter().all(u8::is_ascii_digit)
            && bytes[0] == b'1'
            && (b'3'..=b'9').contains(&bytes[1]);
        if valid {
            Ok(Self(digits.to_string()))
        } else {
            Err(AppError::invalid(crate::tr!(
                "请输入 11 位手机号码，例如 13800138000。",
                "Please enter an 11-digit mobile number, such as 13800138000."
            )))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number with the middle four digits hidden: `138****8000`.
    pub fn masked(&self) -> String {
        format!("{}****{}", &self.0[..3], &self.0[7..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_eleven_digit_number_is_accepted() {
        assert_eq!(
            PhoneNumber::parse("13800138000").unwrap().as_str(),
            "13800138000"
        );
    }

    #[test]
    fn spaces_dashes_and_the_country_code_are_removed() {
        for input in [
            "138 0013 8000",
            "138-0013-8000",
            "+86 138 0013 8000",
            "008613800138000",
        ] {
            assert_eq!(
                PhoneNumber::parse(input).unwrap().as_str(),
                "13800138000",
                "{input}"
            );
        }
    }

    #[test]
    fn wrong_length_letters_and_landlines_are_refused_in_chinese() {
        for input in [
            "1380013800",
            "138001380001",
            "1380013800a",
            "02712345678",
            "12800138000",
            "",
        ] {
            let err = PhoneNumber::parse(input).unwrap_err();
            assert!(err.to_string().contains("11 位手机号码"), "{input}");
        }
    }

    #[test]
    fn masking_hides_the_middle_four_digits() {
        assert_eq!(
            PhoneNumber::parse("13800138000").unwrap().masked(),
            "138****8000"
        );
    }
}
