//! Interface text by language. Every text is written once with its Chinese and English side
//! by side (`texts!`), as codes carry their labels in each language (`domain::code`) and
//! messages raised by the server and by shared rules are written with `tr!` (`message`); dates
//! are labelled by `dates`. A text without both languages does not compile.

/// Declares a table of interface texts with its Chinese (`ZH`) and English (`EN`) editions:
/// `key: ("中文", "English"),` for each text, then, `with`, the tables of other modules it
/// reaches (`canteen: CanteenTexts in canteen,`).
macro_rules! texts {
    (
        $name:ident {
            $($(#[$doc:meta])* $key:ident: ($zh:expr, $en:expr $(,)?)),* $(,)?
        }
        $(with { $($part:ident: $part_type:ident in $module:ident),* $(,)? })?
    ) => {
        pub struct $name {
            $($(#[$doc])* pub $key: &'static str,)*
            $($(pub $part: &'static super::$part_type,)*)?
        }

        pub const ZH: $name = $name {
            $($key: $zh,)*
            $($($part: &super::$module::ZH,)*)?
        };

        pub const EN: $name = $name {
            $($key: $en,)*
            $($($part: &super::$module::EN,)*)?
        };
    };
}

mod canteen;
mod common;
mod dashboard;
pub mod dates;
pub mod message;
mod school;
mod volunteer;

pub use canteen::CanteenTexts;
pub use common::Texts;
pub use dashboard::DashboardTexts;
pub use message::message_locale;
pub use school::SchoolTexts;
pub use volunteer::VolunteerTexts;

use leptos::prelude::GetUntracked;

use crate::ui::prefs::{use_prefs, Locale};

pub fn texts(locale: Locale) -> &'static Texts {
    match locale {
        Locale::Zh => &common::ZH,
        Locale::En => &common::EN,
    }
}

/// Items as a list in `locale`: "花生、海鲜" / "Peanut, Seafood".
pub fn list_label<S: AsRef<str>>(items: impl IntoIterator<Item = S>, locale: Locale) -> String {
    let separator = match locale {
        Locale::Zh => "、",
        Locale::En => ", ",
    };
    let mut list = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            list.push_str(separator);
        }
        list.push_str(item.as_ref());
    }
    list
}

/// The page's language.
pub fn use_locale() -> Locale {
    use_prefs().get_untracked().locale
}

/// The interface text in the page's language.
pub fn use_texts() -> &'static Texts {
    texts(use_prefs().get_untracked().locale)
}
