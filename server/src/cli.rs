//! The command line: `server` (serve) and
//! `server create-admin --phone 13800000000 --name 张主任` (password from `XINGFU_ADMIN_PASSWORD`
//! or typed on standard input), which creates or promotes an admin of every community.

use anyhow::{bail, Context};
use app::auth::{db, hashing};
use app::domain::password::validate_new_password;
use app::domain::phone::PhoneNumber;
use app::domain::role::{Role, RoleGrant};
use sqlx::SqlitePool;

pub struct CreateAdminArgs {
    pub phone: String,
    pub name: String,
}

pub enum Command {
    Serve,
    CreateAdmin(CreateAdminArgs),
}

pub fn parse(mut args: impl Iterator<Item = String>) -> anyhow::Result<Command> {
    match args.next().as_deref() {
        None | Some("serve") => Ok(Command::Serve),
        Some("create-admin") => {
            let (mut phone, mut name) = (None, None);
            while let Some(flag) = args.next() {
                let value = args
                    .next()
                    .with_context(|| format!("{flag} needs a value"))?;
                match flag.as_str() {
                    "--phone" => phone = Some(value),
                    "--name" => name = Some(value),
                    other => bail!("unknown option {other}"),
                }
            }
            Ok(Command::CreateAdmin(CreateAdminArgs {
                phone: phone.context("--phone is required")?,
                name: name.unwrap_or_else(|| "管理员".to_string()),
            }))
        }
        Some(other) => {
            bail!("unknown command {other}; use `serve` or `create-admin --phone … --name …`")
        }
    }
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

pub async fn create_admin(pool: &SqlitePool, args: CreateAdminArgs) -> anyhow::Result<()> {
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
