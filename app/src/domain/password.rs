//! Rules for a new password. Hashing (argon2id) happens on the server in `auth::password`.

use crate::error::AppError;

pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 64;

/// Passwords that appear at the top of every leaked-password list, plus local favourites.
const COMMON_PASSWORDS: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "11111111",
    "88888888",
    "66666666",
    "00000000",
    "12341234",
    "87654321",
    "password",
    "password1",
    "qwertyui",
    "qwerty123",
    "abc12345",
    "abcd1234",
    "a1234567",
    "iloveyou",
    "woaini520",
    "woaini1314",
    "5201314520",
    "1qaz2wsx",
    "aa123456",
    "admin123",
    "qq123456",
    "zxcvbnm1",
    "asdfghjk",
    "123123123",
    "147258369",
    "11223344",
    "12344321",
    "98765432",
    "13141314",
    "1314520520",
    "123456abc",
    "xingfu123",
];

/// Checks a new password; `phone` is the account's number, which must not be the password.
pub fn validate_new_password(password: &str, phone: &str) -> Result<(), AppError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(AppError::invalid(crate::tr!(
            "密码至少需要 {MIN_PASSWORD_CHARS} 位。",
            "The password needs at least {MIN_PASSWORD_CHARS} characters."
        )));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(AppError::invalid(crate::tr!(
            "密码不能超过 {MAX_PASSWORD_CHARS} 位。",
            "The password can have at most {MAX_PASSWORD_CHARS} characters."
        )));
    }
    let lower = password.to_lowercase();
    let one_repeated_char = password.chars().all(|c| password.starts_with(c));
    if one_repeated_char || COMMON_PASSWORDS.contains(&lower.as_str()) {
        return Err(AppError::invalid(crate::tr!(
            "这个密码太常见，容易被猜到，请换一个。",
            "This password is too common and easy to guess. Please choose another one."
        )));
    }
    if !phone.is_empty() && password.contains(phone) {
        return Err(AppError::invalid(crate::tr!(
            "密码不能包含手机号码。",
            "The password cannot contain your mobile number."
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_uncommon_password_is_accepted() {
        assert!(validate_new_password("红钢城wh2024!", "13800138000").is_ok());
    }

    #[test]
    fn short_passwords_are_refused_with_the_minimum_length() {
        let err = validate_new_password("abc123", "").unwrap_err();
        assert_eq!(err.to_string(), "密码至少需要 8 位。");
    }

    #[test]
    fn chinese_characters_count_as_one_each() {
        assert!(validate_new_password("幸福里社区食堂好", "").is_ok());
        assert!(validate_new_password("幸福里社区食堂", "").is_err());
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        for pw in [
            "12345678",
            "PASSWORD",
            "woaini1314",
            "88888888",
            "aaaaaaaaaa",
        ] {
            let err = validate_new_password(pw, "").unwrap_err();
            assert!(err.to_string().contains("太常见"), "{pw}");
        }
    }

    #[test]
    fn the_phone_number_cannot_be_the_password() {
        let err = validate_new_password("13800138000", "13800138000").unwrap_err();
        assert!(err.to_string().contains("手机号码"));
    }

    #[test]
    fn overly_long_passwords_are_refused() {
        assert!(validate_new_password(&"长".repeat(65), "").is_err());
    }
}
