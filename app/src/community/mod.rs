//! The 街道 → 社区 tree every service is organised by.

pub mod api;
pub mod model;

#[cfg(feature = "ssr")]
pub mod db;
