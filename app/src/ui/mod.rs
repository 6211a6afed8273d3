//! Shared interface pieces: the page frame, form helpers and display preferences.

pub mod form;
pub mod home;
pub mod layout;
pub mod prefs;
pub mod rating;
