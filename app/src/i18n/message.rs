//! Messages raised by the server or by shared rules (validation, refusals, errors) are written
//! in both languages where they are raised, with `tr!`, and come out in the language of the
//! request being answered (server) or of the page (browser). Without a request, as in unit
//! tests and background jobs, they are Chinese.

use crate::ui::prefs::{Locale, UiPrefs};

#[cfg(feature = "ssr")]
tokio::task_local! {
    static REQUEST_LOCALE: Locale;
}

/// Runs the answer to a request with its language known to every message raised on the way,
/// including in plain handlers and layers that have no Leptos context.
#[cfg(feature = "ssr")]
pub async fn answer_in<F: std::future::Future>(locale: Locale, answer: F) -> F::Output {
    REQUEST_LOCALE.scope(locale, answer).await
}

/// Runs `f` with its messages in `locale`, to store a text in each language (`EachLanguage`)
/// that is made of messages raised by rules.
#[cfg(feature = "ssr")]
pub fn in_locale<R>(locale: Locale, f: impl FnOnce() -> R) -> R {
    REQUEST_LOCALE.sync_scope(locale, f)
}

/// The language of messages for this request (server) or this page (browser).
pub fn message_locale() -> Locale {
    #[cfg(feature = "ssr")]
    if let Ok(locale) = REQUEST_LOCALE.try_with(|locale| *locale) {
        return locale;
    }
    UiPrefs::current().locale
}

/// A message in the caller's language: `tr!("中文 {x}", "English {x}")`. Both texts are
/// format strings with the same arguments, inline (`{x}`) or listed after them. Where the
/// language is known otherwise (a plain handler reading the request's cookie), name it first:
/// `tr!(locale => "中文", "English")`.
#[macro_export]
macro_rules! tr {
    ($locale:expr => $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $locale {
            $crate::ui::prefs::Locale::En => ::std::format!($en $(, $arg)*),
            $crate::ui::prefs::Locale::Zh => ::std::format!($zh $(, $arg)*),
        }
    };
    ($zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $crate::i18n::message_locale() {
            $crate::ui::prefs::Locale::En => ::std::format!($en $(, $arg)*),
            $crate::ui::prefs::Locale::Zh => ::std::format!($zh $(, $arg)*),
        }
    };
}

/// A text in each language, for what is stored now and read later by someone whose language
/// is not known yet (notifications). Made with `tr_each!`, with the arguments of `tr!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EachLanguage {
    pub zh: String,
    pub en: String,
}

impl EachLanguage {
    /// A message raised by rules, made in each language.
    #[cfg(feature = "ssr")]
    pub fn of(message: impl Fn() -> String) -> Self {
        Self {
            zh: in_locale(Locale::Zh, &message),
            en: in_locale(Locale::En, &message),
        }
    }

    pub fn text(&self, locale: Locale) -> &str {
        match locale {
            Locale::Zh => &self.zh,
            Locale::En => &self.en,
        }
    }
}

/// Where an argument itself depends on the language (a date, a meal), name the language
/// first and use it in the arguments: `tr_each!(locale => "{}", "{}", day_label(d, locale))`.
#[macro_export]
macro_rules! tr_each {
    ($locale:ident => $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::i18n::message::EachLanguage {
            zh: {
                let $locale = $crate::ui::prefs::Locale::Zh;
                ::std::format!($zh $(, $arg)*)
            },
            en: {
                let $locale = $crate::ui::prefs::Locale::En;
                ::std::format!($en $(, $arg)*)
            },
        }
    };
    ($zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::i18n::message::EachLanguage {
            zh: ::std::format!($zh $(, $arg)*),
            en: ::std::format!($en $(, $arg)*),
        }
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn without_a_request_messages_are_chinese() {
        let places = 3;
        assert_eq!(
            crate::tr!("还剩 {places} 个名额。", "{places} places left."),
            "还剩 3 个名额。"
        );
        assert_eq!(crate::tr!("第 {} 周", "Week {}", 2), "第 2 周");
    }

    #[test]
    fn a_named_language_picks_its_text() {
        use crate::ui::prefs::Locale;
        assert_eq!(crate::tr!(Locale::En => "第 {} 周", "Week {}", 2), "Week 2");
        assert_eq!(
            crate::tr!(Locale::Zh => "第 {} 周", "Week {}", 2),
            "第 2 周"
        );
    }

    #[test]
    fn a_stored_text_keeps_each_language() {
        use crate::ui::prefs::Locale;
        let text = crate::tr_each!("第 {} 周", "Week {}", 2);
        assert_eq!(text.text(Locale::Zh), "第 2 周");
        assert_eq!(text.text(Locale::En), "Week 2");
        let hello = |locale| match locale {
            Locale::Zh => "你好",
            Locale::En => "Hello",
        };
        let text = crate::tr_each!(locale => "{}，{}", "{}, {}", hello(locale), "李军");
        assert_eq!(text.text(Locale::Zh), "你好，李军");
        assert_eq!(text.text(Locale::En), "Hello, 李军");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_message_of_the_rules_is_made_in_each_language() {
        use crate::ui::prefs::Locale;
        let text = super::EachLanguage::of(|| crate::tr!("满了", "Full"));
        assert_eq!(text.text(Locale::Zh), "满了");
        assert_eq!(text.text(Locale::En), "Full");
    }
}
