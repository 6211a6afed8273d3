//! 幸福食堂: meal services with cutoffs and capacity, subsidised pricing, allergy checks, and
//! orders placed without ever selling more places than a service has.

pub mod allergy;
pub mod api;
pub mod cutoff;
pub mod menu;
pub mod model;
pub mod pages;
pub mod pricing;

#[cfg(feature = "ssr")]
pub mod db;
