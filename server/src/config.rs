//! Settings from the environment, read once at start-up.
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `LEPTOS_SITE_ADDR` | address to listen on | `127.0.0.1:3000` (Cargo.toml) |
//! | `DATABASE_URL` | SQLite database | `sqlite:data/xingfu.db` |
//! | `XINGFU_DEMO_DATA` | `1`: load demo households, elders and staff into an empty database | off |
//! | `XINGFU_SECURE_COOKIES` | `1`: cookies with `Secure` and `__Host-` (serve over HTTPS) | off |

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

pub fn app_config() -> Config {
    Config {
        secure_cookies: flag("XINGFU_SECURE_COOKIES"),
        ..Config::default()
    }
}
