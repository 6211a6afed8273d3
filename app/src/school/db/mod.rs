//! School storage (server only).

pub mod calendar;
pub mod catalog;
pub mod enrollment;
pub mod proposals;
pub mod roster;
pub mod semester;
pub mod setup;
pub mod timetable;
