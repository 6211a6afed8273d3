//! Canteen server functions under /api/canteen/.

pub mod delivery;
pub mod history;
pub mod kitchen;
pub mod menu;
pub mod order;
pub mod settlement;
pub mod setup;
