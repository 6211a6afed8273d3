//! Interface text by language. Adding a language means adding one `Texts` table beside
//! `zh.rs` and `en.rs`; the compiler then insists that every text is translated.
//! Codes (statuses, meals, kinds) carry their labels in each language (`domain::code`), and
//! dates are labelled by `dates`. Messages raised by the server and by shared rules are written
//! in both languages with `tr!` (`message`).

mod canteen;
mod dashboard;
pub mod dates;
mod en;
pub mod message;
mod school;
mod volunteer;
mod zh;

pub use canteen::CanteenTexts;
pub use dashboard::DashboardTexts;
pub use message::message_locale;
pub use school::SchoolTexts;
pub use volunteer::VolunteerTexts;

use leptos::prelude::GetUntracked;

use crate::ui::prefs::{use_prefs, Locale};

pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_home: &'static str,
    pub nav_family: &'static str,
    pub nav_admin: &'static str,
    pub nav_account: &'static str,
    pub log_in: &'static str,
    pub log_out: &'static str,
    pub register: &'static str,
    pub elder_mode_on: &'static str,
    pub elder_mode_off: &'static str,
    pub switch_language: &'static str,
    pub submitting: &'static str,
    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub please_log_in: &'static str,
    pub hello: &'static str,
    pub canteen_title: &'static str,
    pub canteen_desc: &'static str,
    pub school_title: &'static str,
    pub school_desc: &'static str,
    pub volunteer_title: &'static str,
    pub volunteer_desc: &'static str,
    pub service_opening: &'static str,
    pub login_title: &'static str,
    pub phone: &'static str,
    pub phone_hint: &'static str,
    pub password: &'static str,
    pub no_account: &'static str,
    pub register_title: &'static str,
    pub display_name: &'static str,
    pub display_name_hint: &'static str,
    pub password_hint: &'static str,
    pub password_confirm: &'static str,
    pub have_account: &'static str,
    pub account_title: &'static str,
    pub current_password: &'static str,
    pub new_password: &'static str,
    pub new_password_confirm: &'static str,
    pub change_password: &'static str,
    pub password_changed: &'static str,
    pub roles: &'static str,
    pub family_title: &'static str,
    pub family_intro: &'static str,
    pub no_elders: &'static str,
    pub add_elder: &'static str,
    pub edit_elder: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub cancel: &'static str,
    pub elder_name: &'static str,
    pub birth_date: &'static str,
    pub community: &'static str,
    pub choose_community: &'static str,
    pub building: &'static str,
    pub unit: &'static str,
    pub room: &'static str,
    pub elder_phone: &'static str,
    pub needs_delivery: &'static str,
    pub meals: &'static str,
    pub can_walk: &'static str,
    pub allergies: &'static str,
    pub diet_needs: &'static str,
    pub subsidy_category: &'static str,
    pub notes: &'static str,
    pub notes_hint: &'static str,
    pub relation: &'static str,
    pub age_years: &'static str,
    pub link_login: &'static str,
    pub link_login_hint: &'static str,
    pub link: &'static str,
    pub linked_login: &'static str,
    pub staff_elders_title: &'static str,
    pub admin_title: &'static str,
    pub communities: &'static str,
    pub users: &'static str,
    pub search_phone: &'static str,
    pub find: &'static str,
    pub grant_role: &'static str,
    pub revoke: &'static str,
    pub role: &'static str,
    pub all_communities: &'static str,
    pub audit_log: &'static str,
    pub subdistrict: &'static str,
    pub new_community: &'static str,
    pub add_community: &'static str,
    pub opening_hours: &'static str,
    pub set_meal: &'static str,
    pub senior_price: &'static str,
    pub contains: &'static str,
    pub order_cutoff: &'static str,
    pub no_menu: &'static str,
    pub enter: &'static str,
    pub notifications_title: &'static str,
    pub nav_notifications: &'static str,
    pub mark_all_read: &'static str,
    pub no_notifications: &'static str,
    pub unread: &'static str,
    pub go_handle: &'static str,
    /// A live board's link that loads the page again (also without JavaScript).
    pub refresh: &'static str,
    /// Shown while a live board is connected and updates by itself.
    pub live_updates: &'static str,
    pub chart_no_data: &'static str,
    pub chart_category: &'static str,
    pub chart_total: &'static str,
    pub canteen: &'static CanteenTexts,
    pub volunteer: &'static VolunteerTexts,
    pub school: &'static SchoolTexts,
    pub dashboard: &'static DashboardTexts,
}

pub fn texts(locale: Locale) -> &'static Texts {
    match locale {
        Locale::Zh => &zh::TEXTS,
        Locale::En => &en::TEXTS,
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
