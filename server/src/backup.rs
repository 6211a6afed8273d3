//! Backups of the SQLite database while the server runs, and restoring one. (A PostgreSQL
//! database is backed up with PostgreSQL's own tools; these refuse its URL.)
//!
//! `server backup --to FILE` copies the database with `VACUUM INTO`: one read transaction, so
//! the copy is the database as it was at one instant, and writers are not held up (WAL). The
//! copy is written beside its final name, checked (`integrity_check`, the migration version,
//! rows per table) and only then renamed, so a half-written file never carries a backup's name.
//!
//! `server restore --from FILE` refuses while a server has the database open (the lock file
//! a serving process holds), refuses a file that is not a sound database of this app or that
//! a newer version made, keeps the database it replaces beside it, and says what it did.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{bail, Context};
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::Connection as _;

use crate::database::latest_migration;

/// What a checked database file holds.
#[derive(Debug)]
pub struct Summary {
    pub path: PathBuf,
    pub bytes: u64,
    /// The newest migration applied to it.
    pub migration: i64,
    /// Rows per table, by table name.
    pub rows: Vec<(String, i64)>,
}

impl Summary {
    pub fn rows_in(&self, table: &str) -> Option<i64> {
        self.rows.iter().find(|(t, _)| t == table).map(|(_, n)| *n)
    }

    /// The report printed after a backup or a restore.
    pub fn report(&self) -> String {
        let mut out = format!(
            "{} — {} bytes, migration {}, integrity ok\n",
            self.path.display(),
            self.bytes,
            self.migration
        );
        for (table, rows) in &self.rows {
            out.push_str(&format!("  {table:<28} {rows:>9} rows\n"));
        }
        out
    }
}

/// The file a `sqlite:` URL names.
pub fn database_path(url: &str) -> anyhow::Result<PathBuf> {
    let rest = url.strip_prefix("sqlite:").with_context(|| {
        format!("{url} is not a sqlite: database URL (back up PostgreSQL with pg_dump)")
    })?;
    let path = rest
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or("");
    if path.is_empty() || path == ":memory:" {
        bail!("{url} names no database file");
    }
    Ok(PathBuf::from(path))
}

/// The lock file a serving process holds for as long as it runs.
fn lock_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Taken by the server before it opens the database, and held until it exits: a second
/// server on the same file, or a restore, is refused while it is held.
pub fn lock_for_serving(url: &str) -> anyhow::Result<Option<File>> {
    let Ok(database) = database_path(url) else {
        return Ok(None);
    };
    if let Some(dir) = database.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let file = File::create(lock_path(&database))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(_) => bail!(
            "another server is already using {}; stop it first",
            database.display()
        ),
    }
}

async fn open_read_only(path: &Path) -> anyhow::Result<SqliteConnection> {
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .read_only(true)
        .create_if_missing(false);
    SqliteConnection::connect_with(&options)
        .await
        .with_context(|| format!("{} cannot be opened as a database", path.display()))
}

/// Checks a database file: SQLite's integrity check, that it is this app's database, and
/// which migration it has reached. Counts the rows of every table.
pub async fn check(path: &Path) -> anyhow::Result<Summary> {
    let mut header = [0u8; 16];
    let read = std::io::Read::read(
        &mut File::open(path).with_context(|| format!("{} cannot be read", path.display()))?,
        &mut header,
    )?;
    if read < 16 || &header != b"SQLite format 3\0" {
        bail!("{} is not a SQLite database", path.display());
    }
    let mut conn = open_read_only(path).await?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .with_context(|| format!("{} is damaged", path.display()))?;
    if integrity != "ok" {
        bail!("{} failed its integrity check: {integrity}", path.display());
    }
    let migration: Option<i64> =
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(&mut conn)
            .await
            .map_err(|_| anyhow::anyhow!("{} is not a 幸福里 database", path.display()))?;
    let migration =
        migration.with_context(|| format!("{} has no migrations applied", path.display()))?;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await?;
    let mut rows = Vec::with_capacity(tables.len());
    for table in tables {
        let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM \"{table}\""))
            .fetch_one(&mut conn)
            .await?;
        rows.push((table, count));
    }
    conn.close().await?;
    Ok(Summary {
        path: path.to_path_buf(),
        bytes: std::fs::metadata(path)?.len(),
        migration,
        rows,
    })
}

/// Copies the database at `url` into `to` (which must not exist yet) and checks the copy.
pub async fn backup(url: &str, to: &Path) -> anyhow::Result<Summary> {
    let source = database_path(url)?;
    if !source.exists() {
        bail!("there is no database at {}", source.display());
    }
    if to.exists() {
        bail!("{} already exists; choose a new file name", to.display());
    }
    let dir = to.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir.filter(|d| !d.is_dir()) {
        bail!("the directory {} does not exist", dir.display());
    }
    let mut partial = to.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);

    let mut conn = open_read_only(&source).await?;
    let copied = sqlx::query("VACUUM INTO $1")
        .bind(partial.to_string_lossy().into_owned())
        .execute(&mut conn)
        .await;
    conn.close().await?;
    if let Err(error) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(error).context(format!("could not write {}", to.display()));
    }
    match check(&partial).await {
        Ok(_) => {
            std::fs::rename(&partial, to)?;
            check(to).await
        }
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            Err(error.context("the copy failed its check and was removed"))
        }
    }
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    pub summary: Summary,
    /// Where the database that was replaced now is, if there was one.
    pub kept_previous: Option<PathBuf>,
}

/// Puts the backup `from` in place of the database at `url`, which no server may have open.
/// Migrations newer than the backup run when the server next starts.
pub async fn restore(from: &Path, url: &str) -> anyhow::Result<Restored> {
    let target = database_path(url)?;
    let summary = check(from).await?;
    if summary.migration > latest_migration() {
        bail!(
            "{} was made by a newer version (migration {}, this version knows up to {}); \
             restore it with that version",
            from.display(),
            summary.migration,
            latest_migration()
        );
    }
    let _lock = lock_for_serving(url).map_err(|_| {
        anyhow::anyhow!(
            "a server is running on {}; stop it before restoring",
            target.display()
        )
    })?;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let staged = sibling(&target, ".restoring");
    std::fs::copy(from, &staged)
        .with_context(|| format!("could not write {}", staged.display()))?;
    File::open(&staged)?.sync_all()?;

    let kept_previous = if target.exists() {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let kept = sibling(&target, &format!(".before-restore-{stamp}"));
        std::fs::rename(&target, &kept)?;
        for suffix in ["-wal", "-shm"] {
            let side = sibling(&target, suffix);
            if side.exists() {
                std::fs::rename(&side, sibling(&kept, suffix))?;
            }
        }
        Some(kept)
    } else {
        None
    };
    std::fs::rename(&staged, &target)?;
    let summary = Summary {
        path: target,
        ..summary
    };
    Ok(Restored {
        summary,
        kept_previous,
    })
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The scheduled backups (`XINGFU_BACKUP_DIR`): one file per run, named by its time, and
/// only the newest `keep` kept.
pub async fn scheduled_backup(url: &str, dir: &Path, keep: usize) -> anyhow::Result<Summary> {
    let name = format!("xingfu-{}.db", chrono::Utc::now().format("%Y%m%dT%H%M%SZ"));
    let summary = backup(url, &dir.join(name)).await?;
    let mut backups: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("xingfu-") && n.ends_with(".db"))
        })
        .collect();
    backups.sort();
    let excess = backups.len().saturating_sub(keep.max(1));
    for old in &backups[..excess] {
        std::fs::remove_file(old)?;
    }
    Ok(summary)
}
