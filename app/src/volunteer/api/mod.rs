//! Volunteer server functions under /api/volunteer/.

pub mod points;
pub mod requests;
pub mod shifts;
