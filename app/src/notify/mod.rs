//! 消息中心: short messages for one account (a delivery nobody answered, a standing order that
//! could not be placed), with a link to where to act.

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod db;
