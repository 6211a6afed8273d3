//! 幸福食堂: meal services with cutoffs and capacity, subsidised pricing, allergy checks,
//! ordering (one-off and weekly), the kitchen's prep sheet, delivery routes, and orders placed
//! without ever selling more places than a service has.

pub mod allergy;
pub mod api;
pub mod cutoff;
pub mod delivery_api;
pub mod history_api;
pub mod kitchen_api;
pub mod menu;
pub mod model;
pub mod order_api;
pub mod order_request;
pub mod pages;
pub mod pricing;
pub mod route_plan;
pub mod settlement;
pub mod settlement_api;
pub mod setup;
pub mod setup_api;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod delivery;
#[cfg(feature = "ssr")]
pub mod history;
#[cfg(feature = "ssr")]
pub mod kitchen;
#[cfg(feature = "ssr")]
pub mod order_options;
#[cfg(feature = "ssr")]
pub mod ordering;
#[cfg(feature = "ssr")]
pub mod setup_db;
#[cfg(feature = "ssr")]
pub mod standing;
