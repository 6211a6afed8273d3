//! SQLite: WAL, foreign keys, a busy timeout, `synchronous=FULL` so
//! that a write a user was told about survives a power cut, and migrations at start-up.

use std::str::FromStr;
use std::time::Duration;

use app::db::Pool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub fn connect_options(url: &str) -> Result<SqliteConnectOptions, sqlx::Error> {
    Ok(SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .statement_cache_capacity(STATEMENT_CACHE)
        .busy_timeout(Duration::from_secs(10)))
}

/// Prepared statements each connection keeps (the app has a few hundred distinct queries).
const STATEMENT_CACHE: usize = 512;

/// Both pools hand out a connection without first pinging it: an embedded database's
/// connection cannot have dropped, and the ping is a round trip to the connection's thread on
/// every query (about a third of a meal order's hops between threads).
fn pool_options() -> SqlitePoolOptions {
    SqlitePoolOptions::new().test_before_acquire(false)
}

/// Opens (creating if needed) and migrates the database. Any failure is returned, and the
/// server does not start without a migrated database.
pub async fn open(url: &str) -> anyhow::Result<Pool> {
    if let Some(path) = url
        .strip_prefix("sqlite:")
        .map(|p| p.trim_start_matches("//"))
    {
        let file = path.split('?').next().unwrap_or(path);
        if let Some(dir) = std::path::Path::new(file)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)?;
        }
    }
    let pool = pool_options()
        .max_connections(8)
        .connect_with(connect_options(url)?)
        .await?;
    app::db::MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// The writers' pool: one connection to the same database, so that writes queue in the
/// server, first come first served, rather than in SQLite's busy handler (which sleeps for
/// up to 100 ms between tries). Durability is unchanged: every commit is synced.
pub async fn open_writer(url: &str) -> anyhow::Result<Pool> {
    Ok(pool_options()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(30))
        .connect_with(connect_options(url)?)
        .await?)
}
