//! Account rules without a database: where to go after logging in, and display names.

use crate::error::AppError;

/// Where to go after logging in: only paths on this site, never another host.
pub fn safe_next_path(next: Option<&str>) -> &str {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path
        }
        _ => "/",
    }
}

/// A display name: 1–20 characters after trimming.
pub fn parse_display_name(input: &str) -> Result<String, AppError> {
    let name = input.trim();
    match name.chars().count() {
        0 => Err(AppError::invalid(crate::tr!(
            "请填写您的称呼。",
            "Please fill in your name."
        ))),
        1..=20 => Ok(name.to_string()),
        _ => Err(AppError::invalid(crate::tr!(
            "称呼不能超过 20 个字。",
            "Your name can have at most 20 characters."
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_paths_stay_on_this_site() {
        assert_eq!(safe_next_path(Some("/family")), "/family");
        assert_eq!(safe_next_path(Some("//evil.example")), "/");
        assert_eq!(safe_next_path(Some("https://evil.example")), "/");
        assert_eq!(safe_next_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_next_path(None), "/");
    }

    #[test]
    fn display_names_are_trimmed_and_limited() {
        assert_eq!(parse_display_name("  李军 ").unwrap(), "李军");
        assert!(parse_display_name("   ").is_err());
        assert!(parse_display_name(&"长".repeat(21)).is_err());
    }
}
