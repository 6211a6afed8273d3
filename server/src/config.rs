//! Settings from the environment, read once at start-up.
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `LEPTOS_SITE_ADDR` | address to listen on | `127.0.0.1:3000` (Cargo.toml) |
//! | `DATABASE_URL` | SQLite database | `sqlite:data/xingfu.db` |
//! | `XINGFU_DEMO_DATA` | `1`: load demo households, elders and staff into an empty database | off |
//! | `XINGFU_SECURE_COOKIES` | `1`: cookies with `Secure` and `__Host-` (serve over HTTPS) | off |
//! | `XINGFU_TRUSTED_PROXIES` | reverse proxies (addresses or networks) whose `X-Forwarded-For` names the client | none |
//! | `XINGFU_BACKUP_DIR` | a directory for scheduled backups (none taken without it) | none |
//! | `XINGFU_BACKUP_EVERY_HOURS` | hours between scheduled backups | 24 |
//! | `XINGFU_BACKUP_KEEP` | scheduled backups kept (the oldest are deleted) | 14 |

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use app::domain::client_address::TrustedProxies;
use app::state::Config;

pub const DEFAULT_DATABASE_URL: &str = "sqlite:data/xingfu.db";

fn flag(name: &str) -> bool {
    matches!(
        std::env::var(name).as_deref(),
        Ok("1" | "true" | "yes" | "on")
    )
}

pub fn database_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string())
}

pub fn demo_data_wanted() -> bool {
    flag("XINGFU_DEMO_DATA")
}

pub fn app_config() -> anyhow::Result<Config> {
    let proxies = std::env::var("XINGFU_TRUSTED_PROXIES").unwrap_or_default();
    let trusted_proxies = TrustedProxies::parse(&proxies)
        .map_err(|problem| anyhow::anyhow!("XINGFU_TRUSTED_PROXIES: {problem}"))?;
    Ok(Config {
        secure_cookies: flag("XINGFU_SECURE_COOKIES"),
        trusted_proxies,
        ..Config::default()
    })
}

/// Where and how often the server backs up its own database.
#[derive(Debug, Clone)]
pub struct BackupSchedule {
    pub dir: PathBuf,
    pub every: Duration,
    pub keep: usize,
}

fn number(name: &str, default: u64) -> anyhow::Result<u64> {
    match std::env::var(name) {
        Ok(value) => value
            .trim()
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .with_context(|| format!("{name} must be a whole number above 0, not {value:?}")),
        Err(_) => Ok(default),
    }
}

/// The scheduled backups, when `XINGFU_BACKUP_DIR` is set.
pub fn backup_schedule() -> anyhow::Result<Option<BackupSchedule>> {
    let Some(dir) = std::env::var_os("XINGFU_BACKUP_DIR").filter(|d| !d.is_empty()) else {
        return Ok(None);
    };
    if !database_url().starts_with("sqlite:") {
        anyhow::bail!(
            "XINGFU_BACKUP_DIR backs up a SQLite database; back up PostgreSQL with its own tools \
             (pg_dump, pg_basebackup)"
        );
    }
    Ok(Some(BackupSchedule {
        dir: dir.into(),
        every: Duration::from_secs(number("XINGFU_BACKUP_EVERY_HOURS", 24)? * 3600),
        keep: number("XINGFU_BACKUP_KEEP", 14)? as usize,
    }))
}
