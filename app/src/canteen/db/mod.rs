//! Canteen storage (server only).

pub mod delivery;
pub mod history;
pub mod kitchen;
pub mod menu;
pub mod order;
pub mod order_draft;
pub mod order_options;
pub mod order_queue;
pub mod settlement;
pub mod setup;
pub mod standing;
