//! Database helpers every feature's `db` layer shares: starting a write transaction, telling
//! a unique-key clash from other errors, and writing the admin audit log.

use crate::error::AppResult;

/// The database engine the server is built for: SQLite, or PostgreSQL with the `postgres`
/// feature. Database functions name the engine only through these, so that one set of them
/// serves both (docs/postgres.md).
#[cfg(not(feature = "postgres"))]
pub type Db = sqlx::Sqlite;
#[cfg(feature = "postgres")]
pub type Db = sqlx::Postgres;
/// A pool of connections to the database.
pub type Pool = sqlx::Pool<Db>;
/// One connection, or a transaction's (`&mut *tx`).
pub type Connection = <Db as sqlx::Database>::Connection;
/// A transaction on the database.
pub type Transaction<'c> = sqlx::Transaction<'c, Db>;

/// The migrations of the engine the server is built for (`migrations/`, or
/// `migrations/postgres/` with the `postgres` feature), kept in step by `scripts/check-schemas.py`.
#[cfg(not(feature = "postgres"))]
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");
#[cfg(feature = "postgres")]
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// The newest migration this build knows.
pub fn latest_migration() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// After rows were given their id explicitly (the demo data, a copied database, test
/// fixtures): SQLite numbers a new row after the largest id there is, so nothing is needed.
#[cfg(not(feature = "postgres"))]
pub async fn number_after_loaded_rows(_: &mut Connection) -> sqlx::Result<()> {
    Ok(())
}

/// After rows were given their id explicitly (the demo data, a copied database, test
/// fixtures), moves every table's identity past its largest id, so that the next new row does
/// not collide with them.
#[cfg(feature = "postgres")]
pub async fn number_after_loaded_rows(conn: &mut Connection) -> sqlx::Result<()> {
    sqlx::raw_sql(
        "DO $$
         DECLARE t record;
         BEGIN
           FOR t IN SELECT table_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'
           LOOP
             EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''),
                                           coalesce((SELECT max(id) FROM %I), 0) + 1, false)',
                            t.table_name, t.table_name);
           END LOOP;
         END $$",
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Starts a write transaction holding the database's write lock until it ends, recording how
/// long the caller waited for the writers' connection and the lock
/// (`xingfu_db_write_wait_seconds` in `/metrics`). Capacity checks (a count, then an insert)
/// are race-free only inside one.
pub async fn begin_immediate(pool: &Pool) -> Result<Transaction<'static>, sqlx::Error> {
    let started = std::time::Instant::now();
    let tx = take_write_lock(pool).await;
    metrics::histogram!("xingfu_db_write_wait_seconds").record(started.elapsed().as_secs_f64());
    tx
}

/// SQLite has one write lock per database, taken at once by `BEGIN IMMEDIATE`.
#[cfg(not(feature = "postgres"))]
async fn take_write_lock(pool: &Pool) -> Result<Transaction<'static>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

/// PostgreSQL locks rows, not the database, so writers that check a capacity take one
/// transaction-scoped advisory lock instead: one writer at a time, as on SQLite, across every
/// server instance on the database. It ends with the transaction.
#[cfg(feature = "postgres")]
async fn take_write_lock(pool: &Pool) -> Result<Transaction<'static>, sqlx::Error> {
    /// The advisory lock's key: any number, the same in every instance ("xingfu").
    const WRITE_LOCK: i64 = 0x78_69_6e_67_66_75;
    let mut tx = pool.begin().await?;
    sqlx::query!("SELECT pg_advisory_xact_lock($1)", WRITE_LOCK)
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

/// Whether an insert failed on a UNIQUE constraint.
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

/// Writes an audit entry (who, what, detail in each language) inside the caller's
/// transaction, so it exists exactly when the change it records does.
pub async fn record_audit(
    conn: &mut crate::db::Connection,
    actor: i64,
    action: &str,
    detail: &crate::i18n::message::EachLanguage,
) -> AppResult<()> {
    sqlx::query!(
        "INSERT INTO audit_log (actor_user_id, action, detail, detail_en) VALUES ($1, $2, $3, $4)",
        actor,
        action,
        detail.zh,
        detail.en
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// "[1,2,3]", for `json_each($n)` to turn into a list of integers in SQL (both engines read it:
/// PostgreSQL's schema defines `json_each(text)` as SQLite has it built in).
pub fn json_ids(ids: impl IntoIterator<Item = i64>) -> String {
    let list: Vec<String> = ids.into_iter().map(|id| id.to_string()).collect();
    format!("[{}]", list.join(","))
}

/// What SQL puts between the dishes of an order when it lists them in one column
/// (`string_agg(name || '×' || quantity, $n)` with this bound): a character no name contains.
pub const LINE_SEPARATOR: &str = "\u{1f}";

/// The dishes of an order as SQL lists them (see [`LINE_SEPARATOR`]): one entry per dish, for
/// the page to list in its language.
pub fn dish_lines(concatenated: &str) -> Vec<String> {
    concatenated
        .split(LINE_SEPARATOR)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_orders_dishes_come_apart_one_per_entry() {
        let lines = super::dish_lines("敬老套餐×1\u{1f}米饭×2");
        assert_eq!(lines, vec!["敬老套餐×1", "米饭×2"]);
        assert!(super::dish_lines("").is_empty());
    }
}
