//! Shared interface pieces: the page frame, form helpers and display preferences.

pub mod address;
pub mod chart;
pub mod form;
#[cfg(feature = "ssr")]
pub mod form_store;
pub mod home;
pub mod layout;
pub mod live;
pub mod loaded;
pub mod page_head;
pub mod prefs;
pub mod print;
pub mod rating;
pub mod table;
