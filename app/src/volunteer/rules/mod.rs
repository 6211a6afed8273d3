//! Volunteer rules without a database: places and cutoffs, points, checked forms.

pub mod points;
pub mod requests;
pub mod shifts;
