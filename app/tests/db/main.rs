//! Database functions on fresh, migrated SQLite databases (`#[sqlx::test]`).
#![cfg(feature = "ssr")]

mod accounts;
mod canteen;
mod canteen_ops;
mod dashboard;
mod fixtures;
mod household;
mod housekeeping;
mod order_queue;
mod school;
mod school_running;
mod two_instances;
mod volunteer;
mod volunteer_points;
