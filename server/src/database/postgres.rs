//! PostgreSQL: a pool for the server's reads and writes and one connection for the meal
//! orders' group commit, as on SQLite. Capacity checks hold the advisory write lock
//! (`app::db::begin_immediate`), so several server instances on one database never oversell.

use std::time::Duration;

use app::db::Pool;
use sqlx::postgres::PgPoolOptions;

/// Opens and migrates the database. Two instances starting together migrate it once: sqlx
/// holds an advisory lock while it migrates.
pub async fn open(url: &str) -> anyhow::Result<Pool> {
    let pool = PgPoolOptions::new()
        .max_connections(16)
        // With the database unreachable, a request answers "系统繁忙" after this long rather
        // than waiting; the pool connects again by itself once it is back.
        .acquire_timeout(Duration::from_secs(5))
        .connect(url)
        .await?;
    app::db::MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// The connection meal orders are placed through, a batch at a time (`OrderQueue`).
pub async fn open_writer(url: &str) -> anyhow::Result<Pool> {
    Ok(PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(30))
        .connect(url)
        .await?)
}
