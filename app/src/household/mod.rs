//! Households: families register the elders they look after; community staff register and
//! act for elders without a smartphone (电话代办).

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod policy;
