//! School rules without a database: enrollment windows and places, course votes, class
//! dates, set-up forms, timetable clashes and the calendar file.

#[cfg(feature = "ssr")]
pub mod calendar;
pub mod enrollment;
pub mod proposals;
pub mod sessions;
pub mod setup;
pub mod timetable;
