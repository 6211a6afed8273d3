//! Wire types and codes of the school, shared by the server and the pages.

pub mod enrollment;
pub mod proposals;
pub mod roster;
pub mod setup;
pub mod timetable;
