//! 志愿服务 pages: shifts to sign up for, one's own shifts, and the staff's shift management.

mod manage;
mod shift_card;
mod shifts;

pub use manage::ManageShiftsPage;
pub use shifts::{MyShiftsPage, ShiftsPage};
