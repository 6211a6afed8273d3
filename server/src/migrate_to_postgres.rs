//! `server migrate-to-postgres --from sqlite:FILE --to postgres://…` (the server built with the
//! `postgres` feature): copies a site's data from its SQLite database into a new, empty
//! PostgreSQL database, then checks that every table holds the same number of rows and the
//! same sums of money (every `…_fen` column) on both sides. It refuses a target that already
//! has tables, and a source at another migration than this build's.
//!
//! Tables are copied parents first, in batches: SQLite writes a batch of rows as one JSON
//! list, PostgreSQL reads it back into the table's own column kinds
//! (`json_populate_recordset`), so 0/1 become booleans and ISO text becomes dates. Triggers
//! are off while copying (their rows are copied too), and every identity is moved past the
//! largest id copied. All of it is one transaction: a failed copy leaves the target empty.

use std::collections::BTreeMap;
use std::str::FromStr;

use anyhow::{bail, Context};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::Connection;

use crate::database::{latest_migration, number_after_loaded_rows, MIGRATOR};

/// Rows per statement.
const BATCH: i64 = 2_000;

/// One table's figures, the same on both sides once the copy is checked.
#[derive(Debug, PartialEq)]
pub struct TableFigures {
    pub rows: i64,
    /// Sum of each money column (`…_fen`), by column.
    pub money: BTreeMap<String, i64>,
}

pub struct Report {
    pub tables: BTreeMap<String, TableFigures>,
}

impl Report {
    pub fn lines(&self) -> String {
        let mut out = String::new();
        for (table, figures) in &self.tables {
            out.push_str(&format!("  {table}: {} rows", figures.rows));
            for (column, sum) in &figures.money {
                out.push_str(&format!(", {column} {sum}"));
            }
            out.push('\n');
        }
        let rows: i64 = self.tables.values().map(|t| t.rows).sum();
        out.push_str(&format!(
            "{} tables, {rows} rows; counts and sums of money match on both sides\n",
            self.tables.len()
        ));
        out
    }
}

pub async fn migrate(from: &str, to: &str) -> anyhow::Result<Report> {
    let mut source = SqliteConnection::connect_with(
        &SqliteConnectOptions::from_str(from)
            .with_context(|| format!("{from} is not a sqlite: database URL"))?
            .read_only(true),
    )
    .await
    .with_context(|| format!("{from} cannot be opened"))?;
    let version: Option<i64> =
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut source)
            .await
            .with_context(|| format!("{from} is not a database of this app"))?;
    if version != Some(latest_migration()) {
        bail!(
            "{from} is at migration {}, this build at {}: start this version's server on it once first",
            version.unwrap_or(0),
            latest_migration()
        );
    }
    let target = PgPoolOptions::new().max_connections(1).connect(to).await?;
    let existing: i64 =
        sqlx::query_scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
            .fetch_one(&target)
            .await?;
    if existing > 0 {
        bail!("{to} already has {existing} tables; migrate into a new, empty database");
    }
    MIGRATOR.run(&target).await?;

    let tables = tables_parents_first(&mut source).await?;
    let mut tx = target.begin().await?;
    for table in tables.iter().rev() {
        // The rows the migrations seed (communities, points rules) come from the source too.
        sqlx::query(&format!("ALTER TABLE \"{table}\" DISABLE TRIGGER USER"))
            .execute(&mut *tx)
            .await?;
        sqlx::query(&format!("DELETE FROM \"{table}\""))
            .execute(&mut *tx)
            .await?;
    }
    for table in &tables {
        copy_table(&mut source, &mut tx, table).await?;
        sqlx::query(&format!("ALTER TABLE \"{table}\" ENABLE TRIGGER USER"))
            .execute(&mut *tx)
            .await?;
    }
    number_after_loaded_rows(&mut tx).await?;
    tx.commit().await?;

    let mut figures = BTreeMap::new();
    let mut target = target.acquire().await?;
    for table in &tables {
        let columns = money_columns(&mut source, table).await?;
        let there = table_figures::<sqlx::Sqlite>(&mut source, table, &columns).await?;
        let here = table_figures::<sqlx::Postgres>(&mut target, table, &columns).await?;
        if there != here {
            bail!("{table} differs after the copy: SQLite {there:?}, PostgreSQL {here:?}");
        }
        figures.insert(table.clone(), here);
    }
    Ok(Report { tables: figures })
}

/// The app's tables, each after the tables its foreign keys point to.
async fn tables_parents_first(source: &mut SqliteConnection) -> anyhow::Result<Vec<String>> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table'
           AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut *source)
    .await?;
    let mut parents = BTreeMap::new();
    for name in &names {
        let refs: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list($1) WHERE \"table\" <> $1",
        )
        .bind(name)
        .fetch_all(&mut *source)
        .await?;
        parents.insert(name.clone(), refs);
    }
    let mut ordered: Vec<String> = Vec::with_capacity(names.len());
    while ordered.len() < names.len() {
        let ready: Vec<String> = names
            .iter()
            .filter(|n| !ordered.contains(n))
            .filter(|n| parents[*n].iter().all(|p| ordered.contains(p)))
            .cloned()
            .collect();
        if ready.is_empty() {
            bail!("the tables' foreign keys form a circle");
        }
        ordered.extend(ready);
    }
    Ok(ordered)
}

async fn copy_table(
    source: &mut SqliteConnection,
    target: &mut sqlx::PgConnection,
    table: &str,
) -> anyhow::Result<()> {
    let columns: Vec<String> =
        sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
            .bind(table)
            .fetch_all(&mut *source)
            .await?;
    let object = columns
        .iter()
        .map(|c| format!("'{c}', \"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let read = format!(
        "SELECT json_group_array(json_object({object})) FROM
           (SELECT * FROM \"{table}\" ORDER BY rowid LIMIT $1 OFFSET $2)"
    );
    let write = format!(
        "INSERT INTO \"{table}\" SELECT * FROM json_populate_recordset(NULL::\"{table}\", $1::json)"
    );
    let mut offset = 0;
    loop {
        let batch: String = sqlx::query_scalar(&read)
            .bind(BATCH)
            .bind(offset)
            .fetch_one(&mut *source)
            .await?;
        if batch == "[]" {
            return Ok(());
        }
        sqlx::query(&write)
            .bind(batch)
            .execute(&mut *target)
            .await
            .with_context(|| format!("copying {table}"))?;
        offset += BATCH;
    }
}

async fn money_columns(source: &mut SqliteConnection, table: &str) -> anyhow::Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT name FROM pragma_table_info($1) WHERE name LIKE '%\\_fen' ESCAPE '\\' ORDER BY cid",
    )
    .bind(table)
    .fetch_all(source)
    .await?)
}

/// Rows and money sums of a table, on either engine.
async fn table_figures<DB: sqlx::Database>(
    conn: &mut DB::Connection,
    table: &str,
    money: &[String],
) -> anyhow::Result<TableFigures>
where
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
    for<'q> DB::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    (i64,): for<'r> sqlx::FromRow<'r, DB::Row>,
{
    let count = format!("SELECT CAST(count(*) AS BIGINT) FROM \"{table}\"");
    let mut figures = TableFigures {
        rows: sqlx::query_scalar::<DB, i64>(&count)
            .fetch_one(&mut *conn)
            .await?,
        money: BTreeMap::new(),
    };
    for column in money {
        let sum = format!("SELECT CAST(coalesce(sum(\"{column}\"), 0) AS BIGINT) FROM \"{table}\"");
        let total = sqlx::query_scalar::<DB, i64>(&sum)
            .fetch_one(&mut *conn)
            .await?;
        figures.money.insert(column.clone(), total);
    }
    Ok(figures)
}
