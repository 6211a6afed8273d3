//! School server functions under /api/school/.

pub mod enrollment;
pub mod proposals;
pub mod roster;
pub mod setup;
pub mod timetable;
