//! Wire types and codes of the volunteer service, shared by the server and the pages.

pub mod points;
pub mod requests;
pub mod shifts;
