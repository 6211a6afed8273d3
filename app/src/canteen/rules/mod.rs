//! Canteen rules without a database: allergies, cutoffs, prices and subsidies, menus,
//! the order form, delivery routes, set-up forms and the settlement.

pub mod allergy;
pub mod cutoff;
pub mod delivery;
pub mod kitchen;
pub mod menu;
pub mod order;
pub mod pricing;
pub mod settlement;
pub mod setup;
