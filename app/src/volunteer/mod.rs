//! 志愿服务: shifts (canteen delivery routes, class assistants, events) that volunteers sign up
//! for, with places that are never overfilled and a waitlist served in order.

pub mod api;
pub mod pages;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod shifts_db;
