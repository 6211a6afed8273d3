//! Volunteer storage (server only): shifts and sign-ups, the points ledger, profiles and
//! service requests.

pub mod points;
pub mod profile;
pub mod requests;
pub mod shifts;
