//! 志愿服务 pages: shifts to sign up for, one's own shifts, service requests, points, and the
//! staff's shift management.

mod manage;
mod points;
mod requests;
mod shift_card;
mod shifts;

pub use manage::ManageShiftsPage;
pub use points::PointsPage;
pub use requests::RequestsPage;
pub use shifts::{MyShiftsPage, ShiftsPage};
