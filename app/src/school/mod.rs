//! 老年学校: conflict-free weekly timetables across teaching sites with rotating teachers, and
//! enrollment with capacity, a waitlist served in order, and time-limited offers of freed seats.

pub mod api;
pub mod calendar;
pub mod enrollment;
pub mod pages;
pub mod proposals;
pub mod proposals_api;
pub mod roster_api;
pub mod sessions;
pub mod setup;
pub mod setup_api;
pub mod timetable;
pub mod timetable_api;

#[cfg(feature = "ssr")]
pub mod catalog_db;
#[cfg(feature = "ssr")]
pub mod enroll_db;
#[cfg(feature = "ssr")]
pub mod proposals_db;
#[cfg(feature = "ssr")]
pub mod roster_db;
#[cfg(feature = "ssr")]
pub mod setup_db;
#[cfg(feature = "ssr")]
pub mod timetable_db;
