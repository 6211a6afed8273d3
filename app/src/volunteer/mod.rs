//! 志愿服务: shifts (canteen delivery routes, class assistants, events) that volunteers sign up
//! for, with places that are never overfilled and a waitlist served in order; service requests
//! (点单·派单·领单·评单); hours and points in a ledger credited once per piece of work.

pub mod api;
pub mod model;
pub mod pages;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod policy;
