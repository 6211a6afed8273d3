//! The command line:
//!
//! - `server` (or `server serve`) serves the app;
//! - `server create-admin --phone 13800000000 --name 张主任` (password from
//!   `XINGFU_ADMIN_PASSWORD` or typed on standard input) creates or promotes an admin of every
//!   community;
//! - `server backup --to FILE` copies the database while the server runs, and checks the copy;
//! - `server restore --from FILE` puts a backup in place of the (stopped) server's database;
//! - `server healthcheck` asks the running server's `/healthz` (for container health checks);
//! - `server demo --scale year` fills a new, empty database with the demo and a year of
//!   generated data for 50 more communities (`--scale week`: 2 communities, 7 days);
//! - `server migrate-to-postgres --from sqlite:FILE --to postgres://…` (the server built for
//!   PostgreSQL) copies a site into a new PostgreSQL database and checks the copy.

use std::path::PathBuf;

use anyhow::{bail, Context};
use app::auth::{db, hashing};
use app::db::Pool;
use app::domain::password::validate_new_password;
use app::domain::phone::PhoneNumber;
use app::domain::role::{Role, RoleGrant};

pub struct CreateAdminArgs {
    pub phone: String,
    pub name: String,
}

pub enum Command {
    Serve,
    CreateAdmin(CreateAdminArgs),
    Backup { to: PathBuf },
    Restore { from: PathBuf },
    Healthcheck,
    Demo { scale: crate::demo_year::Scale },
    MigrateToPostgres { from: String, to: String },
}

const USAGE: &str = "use `serve`, `create-admin --phone … --name …`, `backup --to FILE`, \
                     `restore --from FILE`, `healthcheck`, `demo --scale year` or \
                     `migrate-to-postgres --from sqlite:FILE --to postgres://…`";

/// `--flag value` pairs, each flag one of `known`.
fn options(
    mut args: impl Iterator<Item = String>,
    known: &[&str],
) -> anyhow::Result<Vec<(String, String)>> {
    let mut found = Vec::new();
    while let Some(flag) = args.next() {
        if !known.contains(&flag.as_str()) {
            bail!("unknown option {flag}; expected {}", known.join(" or "));
        }
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        found.push((flag, value));
    }
    Ok(found)
}

fn option(found: &[(String, String)], flag: &str) -> Option<String> {
    found
        .iter()
        .find(|(f, _)| f == flag)
        .map(|(_, v)| v.clone())
}

pub fn parse(mut args: impl Iterator<Item = String>) -> anyhow::Result<Command> {
    match args.next().as_deref() {
        None | Some("serve") => Ok(Command::Serve),
        Some("create-admin") => {
            let found = options(args, &["--phone", "--name"])?;
            Ok(Command::CreateAdmin(CreateAdminArgs {
                phone: option(&found, "--phone").context("--phone is required")?,
                name: option(&found, "--name").unwrap_or_else(|| "管理员".to_string()),
            }))
        }
        Some("backup") => {
            let found = options(args, &["--to"])?;
            let to = option(&found, "--to").context("--to FILE is required")?;
            Ok(Command::Backup { to: to.into() })
        }
        Some("restore") => {
            let found = options(args, &["--from"])?;
            let from = option(&found, "--from").context("--from FILE is required")?;
            Ok(Command::Restore { from: from.into() })
        }
        Some("healthcheck") => Ok(Command::Healthcheck),
        Some("demo") => {
            let found = options(args, &["--scale"])?;
            let scale = option(&found, "--scale").context("--scale year (or week) is required")?;
            Ok(Command::Demo {
                scale: crate::demo_year::Scale::parse(&scale)?,
            })
        }
        Some("migrate-to-postgres") => {
            let found = options(args, &["--from", "--to"])?;
            Ok(Command::MigrateToPostgres {
                from: option(&found, "--from").context("--from sqlite:FILE is required")?,
                to: option(&found, "--to").context("--to postgres://… is required")?,
            })
        }
        Some(other) => bail!("unknown command {other}; {USAGE}"),
    }
}

/// Asks the server at `addr` for `/healthz`; fails unless it answers 200.
pub async fn healthcheck(addr: std::net::SocketAddr) -> anyhow::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = if addr.ip().is_unspecified() {
        std::net::SocketAddr::from(([127, 0, 0, 1], addr.port()))
    } else {
        addr
    };
    let mut stream = tokio::time::timeout(
        std::time::Duration::from_secs(3),
        tokio::net::TcpStream::connect(addr),
    )
    .await
    .context("the server did not answer in time")??;
    stream
        .write_all(b"GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .await?;
    let mut answer = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(3),
        stream.read_to_end(&mut answer),
    )
    .await
    .context("the server did not answer in time")??;
    let status_line = String::from_utf8_lossy(&answer);
    let status_line = status_line.lines().next().unwrap_or_default();
    if status_line.split(' ').nth(1) != Some("200") {
        bail!("unhealthy: {status_line}");
    }
    Ok(())
}

fn read_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("XINGFU_ADMIN_PASSWORD") {
        return Ok(password);
    }
    eprintln!(
        "Password for the new admin (input is shown; set XINGFU_ADMIN_PASSWORD to avoid typing):"
    );
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

pub async fn create_admin(pool: &Pool, args: CreateAdminArgs) -> anyhow::Result<()> {
    let phone = PhoneNumber::parse(&args.phone)?;
    let admin = RoleGrant {
        role: Role::Admin,
        community_id: None,
    };
    if let Some(user_id) = db::user_id_by_phone(pool, phone.as_str()).await? {
        let mut conn = pool.acquire().await?;
        db::insert_role(&mut conn, user_id, &admin).await?;
        println!("{} is now an admin of every community.", phone.as_str());
        return Ok(());
    }
    let password = read_password()?;
    validate_new_password(&password, phone.as_str())?;
    let hash = hashing::hash_password(&password)?;
    let account = db::NewAccount {
        phone: phone.as_str(),
        display_name: &args.name,
        password_hash: &hash,
        roles: &[admin],
    };
    db::create_user(pool, account).await?;
    println!("Created admin {} ({}).", args.name, phone.as_str());
    Ok(())
}
