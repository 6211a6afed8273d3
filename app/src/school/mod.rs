//! 老年学校: conflict-free weekly timetables across teaching sites with rotating teachers, and
//! enrollment with capacity, a waitlist served in order, and time-limited offers of freed seats.

pub mod api;
pub mod model;
pub mod pages;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod policy;
