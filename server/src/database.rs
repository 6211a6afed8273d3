//! Opening the database the server is built for — SQLite, or PostgreSQL with the `postgres`
//! feature (docs/postgres.md) — and migrating it at start-up: the server does not start
//! without a migrated database.

#[cfg(feature = "postgres")]
mod postgres;
#[cfg(not(feature = "postgres"))]
mod sqlite;

#[cfg(feature = "postgres")]
pub use postgres::{number_after_loaded_rows, open, open_writer, MIGRATOR};
#[cfg(not(feature = "postgres"))]
pub use sqlite::{connect_options, number_after_loaded_rows, open, open_writer, MIGRATOR};

/// The newest migration this build knows.
pub fn latest_migration() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}
