//! Display preferences kept in cookies so the server renders the right mode with no flash:
//! the 长辈版 (large text, high contrast, big targets) and the language.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cookies::{cookie_value, request_cookie_header};
use crate::error::AppError;

pub const MODE_COOKIE: &str = "xf_mode";
pub const LOCALE_COOKIE: &str = "xf_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DisplayMode {
    Standard,
    Elder,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Locale {
    Zh,
    En,
}

impl Locale {
    pub fn html_lang(self) -> &'static str {
        match self {
            Locale::Zh => "zh-CN",
            Locale::En => "en",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UiPrefs {
    pub mode: DisplayMode,
    pub locale: Locale,
}

impl UiPrefs {
    pub fn from_cookie_header(header: &str) -> Self {
        Self {
            mode: match cookie_value(header, MODE_COOKIE) {
                Some("elder") => DisplayMode::Elder,
                _ => DisplayMode::Standard,
            },
            locale: match cookie_value(header, LOCALE_COOKIE) {
                Some("en") => Locale::En,
                _ => Locale::Zh,
            },
        }
    }

    /// The preferences of this request (server) or this page (browser).
    pub fn current() -> Self {
        Self::from_cookie_header(&request_cookie_header().unwrap_or_default())
    }
}

/// The preferences signal every page reads; provided once by `App`.
pub fn use_prefs() -> RwSignal<UiPrefs> {
    expect_context::<RwSignal<UiPrefs>>()
}

#[cfg(feature = "ssr")]
fn remember(cookie: &str, value: &str) -> Result<(), AppError> {
    crate::cookies::set_cookie(format!(
        "{cookie}={value}; Path=/; Max-Age=31536000; SameSite=Lax"
    ))
}

/// Switches between the standard and the 长辈版 display.
#[server(endpoint = "prefs/mode")]
pub async fn set_display_mode(elder: bool) -> Result<(), AppError> {
    remember(MODE_COOKIE, if elder { "elder" } else { "standard" })
}

/// Switches the language.
#[server(endpoint = "prefs/locale")]
pub async fn set_locale(english: bool) -> Result<(), AppError> {
    remember(LOCALE_COOKIE, if english { "en" } else { "zh" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_cookies_the_display_is_standard_and_chinese() {
        let prefs = UiPrefs::from_cookie_header("");
        assert_eq!(
            prefs,
            UiPrefs {
                mode: DisplayMode::Standard,
                locale: Locale::Zh
            }
        );
    }

    #[test]
    fn cookies_select_the_elder_display_and_english() {
        let prefs = UiPrefs::from_cookie_header("xf_mode=elder; xf_lang=en");
        assert_eq!(
            prefs,
            UiPrefs {
                mode: DisplayMode::Elder,
                locale: Locale::En
            }
        );
    }
}
