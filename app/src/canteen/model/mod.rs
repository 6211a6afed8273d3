//! Wire types and codes of the canteen, shared by the server and the pages.

pub mod delivery;
pub mod history;
pub mod kitchen;
pub mod menu;
pub mod order;
pub mod settlement;
pub mod setup;
