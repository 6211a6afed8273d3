//! 幸福食堂: meal services with cutoffs and capacity, subsidised pricing, allergy checks,
//! ordering (one-off and weekly), the kitchen's prep sheet, delivery routes, and orders placed
//! without ever selling more places than a service has.

pub mod api;
pub mod model;
pub mod pages;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod policy;
