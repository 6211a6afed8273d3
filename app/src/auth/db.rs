//! Account and session storage. No HTTP here: callers pass what they know.

use crate::db::Connection;
use crate::db::Pool;

use crate::auth::model::CurrentUser;
use crate::db::is_unique_violation;
use crate::domain::role::{Role, RoleGrant};
use crate::error::{AppError, AppResult};

pub struct NewAccount<'a> {
    pub phone: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub roles: &'a [RoleGrant],
}

/// Creates an account with its roles in one transaction.
pub async fn create_user(pool: &Pool, account: NewAccount<'_>) -> AppResult<i64> {
    let mut tx = pool.begin().await?;
    let inserted = sqlx::query!(
        r#"INSERT INTO users (phone, display_name, password_hash) VALUES ($1, $2, $3)
           RETURNING id AS "id!: i64""#,
        account.phone,
        account.display_name,
        account.password_hash
    )
    .fetch_one(&mut *tx)
    .await;
    let user_id = match inserted {
        Ok(row) => row.id,
        Err(e) if is_unique_violation(&e) => {
            return Err(AppError::conflict(crate::tr!(
                "这个手机号已经注册过了，请直接登录。",
                "This mobile number is already registered. Please log in."
            )));
        }
        Err(e) => return Err(e.into()),
    };
    for grant in account.roles {
        insert_role(&mut tx, user_id, grant).await?;
    }
    tx.commit().await?;
    Ok(user_id)
}

/// Adds a role; granting one the account already holds changes nothing.
pub async fn insert_role(conn: &mut Connection, user_id: i64, grant: &RoleGrant) -> AppResult<()> {
    let role = grant.role.code();
    sqlx::query!(
        "INSERT INTO user_roles (user_id, role, community_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        user_id,
        role,
        grant.community_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub struct LoginRecord {
    pub user_id: i64,
    pub password_hash: String,
}

pub async fn find_login(pool: &Pool, phone: &str) -> AppResult<Option<LoginRecord>> {
    let row = sqlx::query_as!(
        LoginRecord,
        r#"SELECT id AS "user_id!", password_hash FROM users WHERE phone = $1"#,
        phone
    )
    .fetch_optional(pool)
    .await?;
    Ok(row)
}

pub async fn password_hash_of(pool: &Pool, user_id: i64) -> AppResult<String> {
    let row = sqlx::query!("SELECT password_hash FROM users WHERE id = $1", user_id)
        .fetch_one(pool)
        .await?;
    Ok(row.password_hash)
}

pub async fn set_password_hash(pool: &Pool, user_id: i64, password_hash: &str) -> AppResult<()> {
    sqlx::query!(
        "UPDATE users SET password_hash = $1 WHERE id = $2",
        password_hash,
        user_id
    )
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn roles_of(pool: &Pool, user_id: i64) -> AppResult<Vec<RoleGrant>> {
    let rows = sqlx::query!(
        "SELECT role, community_id FROM user_roles WHERE user_id = $1 ORDER BY id",
        user_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Role::from_code(&row.role).map(|role| RoleGrant {
                role,
                community_id: row.community_id,
            })
        })
        .collect())
}

pub async fn load_user(pool: &Pool, user_id: i64) -> AppResult<Option<CurrentUser>> {
    let Some(row) = sqlx::query!(
        r#"SELECT id AS "id!", phone, display_name FROM users WHERE id = $1"#,
        user_id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(CurrentUser {
        id: row.id,
        phone: row.phone,
        display_name: row.display_name,
        roles: roles_of(pool, user_id).await?,
    }))
}

pub async fn user_id_by_phone(pool: &Pool, phone: &str) -> AppResult<Option<i64>> {
    let row = sqlx::query!(r#"SELECT id AS "id!" FROM users WHERE phone = $1"#, phone)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| r.id))
}

pub struct SessionTimes {
    pub now: i64,
    pub idle_secs: i64,
    pub absolute_secs: i64,
}

pub async fn insert_session(
    pool: &Pool,
    token_hash: &str,
    user_id: i64,
    times: &SessionTimes,
) -> AppResult<()> {
    let expires_at = times.now + times.absolute_secs;
    sqlx::query!(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        token_hash,
        user_id,
        times.now,
        times.now,
        expires_at
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// How often a session's idle timer is written back, at most.
const TOUCH_EVERY_SECS: i64 = 60;

/// The account of a live session with its roles, refreshing the idle timer. Every signed-in
/// request starts here, so it is one query: the roles come along as a list "worker:7,admin:".
pub async fn session_account(
    pool: &Pool,
    token_hash: &str,
    times: &SessionTimes,
) -> AppResult<Option<CurrentUser>> {
    let Some(row) = sqlx::query!(
        r#"SELECT s.user_id, s.last_seen_at, s.expires_at, u.phone, u.display_name,
                  coalesce((SELECT string_agg(r.role || ':' || coalesce(CAST(r.community_id AS TEXT), ''),
                                              ',' ORDER BY r.id)
                            FROM user_roles r WHERE r.user_id = s.user_id), '') AS "roles!: String"
           FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1"#,
        token_hash
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    if !keep_alive(pool, token_hash, row.last_seen_at, row.expires_at, times).await? {
        return Ok(None);
    }
    Ok(Some(CurrentUser {
        id: row.user_id,
        phone: row.phone,
        display_name: row.display_name,
        roles: roles_from_list(&row.roles),
    }))
}

/// Roles as `session_account` lists them ("worker:7,admin:", no community after an admin of
/// every community); codes no longer known are left out, as in [`roles_of`].
fn roles_from_list(list: &str) -> Vec<RoleGrant> {
    list.split(',')
        .filter_map(|grant| {
            let (code, community) = grant.split_once(':')?;
            Some(RoleGrant {
                role: Role::from_code(code)?,
                community_id: community.parse().ok(),
            })
        })
        .collect()
}

/// Whether a session is still live: an expired one is removed, a live one's idle timer is
/// written back at most every `TOUCH_EVERY_SECS`.
async fn keep_alive(
    pool: &Pool,
    token_hash: &str,
    last_seen_at: i64,
    expires_at: i64,
    times: &SessionTimes,
) -> AppResult<bool> {
    if expires_at <= times.now || last_seen_at <= times.now - times.idle_secs {
        delete_session(pool, token_hash).await?;
        return Ok(false);
    }
    if times.now - last_seen_at >= TOUCH_EVERY_SECS {
        sqlx::query!(
            "UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2",
            times.now,
            token_hash
        )
        .execute(pool)
        .await?;
    }
    Ok(true)
}

pub async fn delete_session(pool: &Pool, token_hash: &str) -> AppResult<()> {
    sqlx::query!("DELETE FROM sessions WHERE token_hash = $1", token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// Ends every session of the account except `keep` (after a password change).
pub async fn delete_other_sessions(pool: &Pool, user_id: i64, keep: &str) -> AppResult<()> {
    sqlx::query!(
        "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
        user_id,
        keep
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Deletes sessions that have ended, by age or by idleness (the housekeeping job); returns
/// how many.
pub async fn delete_expired_sessions(pool: &Pool, times: &SessionTimes) -> AppResult<u64> {
    let idle_since = times.now - times.idle_secs;
    let done = sqlx::query!(
        "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2",
        times.now,
        idle_since
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// Deletes failed log-ins older than `before`, long past the throttling window.
pub async fn delete_login_failures_before(pool: &Pool, before: i64) -> AppResult<u64> {
    let done = sqlx::query!("DELETE FROM login_failures WHERE at < $1", before)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sessions_roles_are_read_from_their_list() {
        let roles = roles_from_list("worker:7,admin:,gone:1");
        assert_eq!(
            roles,
            [
                RoleGrant {
                    role: Role::Worker,
                    community_id: Some(7)
                },
                RoleGrant {
                    role: Role::Admin,
                    community_id: None
                }
            ]
        );
        assert_eq!(roles_from_list(""), []);
    }
}
