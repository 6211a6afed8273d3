//! 数据看板 (/dashboard): how the services are doing, for community workers and admins — the
//! figures a 街道 office reports each month and the ones a canteen watches at 11:30, for a
//! period and the communities the caller works for; an admin of every community compares
//! communities side by side.

pub mod api;
pub mod charts;
pub mod model;
pub mod pages;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod policy;
