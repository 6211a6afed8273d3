//! Opening the database the server is built for — SQLite, or PostgreSQL with the `postgres`
//! feature (docs/postgres.md) — and migrating it at start-up: the server does not start
//! without a migrated database.

#[cfg(feature = "postgres")]
mod postgres;
#[cfg(not(feature = "postgres"))]
mod sqlite;

#[cfg(feature = "postgres")]
pub use postgres::{open, open_writer};
#[cfg(not(feature = "postgres"))]
pub use sqlite::{connect_options, open, open_writer};

pub use app::db::{latest_migration, number_after_loaded_rows, MIGRATOR};
