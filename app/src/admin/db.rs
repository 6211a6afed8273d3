//! Role administration and the audit log.

use crate::db::Pool;

use crate::admin::model::{AuditEntry, UserSummary};
use crate::auth::db::{insert_role, roles_of};
use crate::db::record_audit;
use crate::domain::role::RoleGrant;
use crate::error::AppResult;
use crate::i18n::message::EachLanguage;

pub async fn user_by_phone(pool: &Pool, phone: &str) -> AppResult<Option<UserSummary>> {
    let Some(row) = sqlx::query!(
        r#"SELECT id AS "id!", display_name, phone FROM users WHERE phone = $1"#,
        phone
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(UserSummary {
        id: row.id,
        display_name: row.display_name,
        phone: row.phone,
        roles: roles_of(pool, row.id).await?,
    }))
}

/// Grants a role and writes the audit entry in one transaction.
pub async fn grant(
    pool: &Pool,
    actor: i64,
    user_id: i64,
    grant: &RoleGrant,
    detail: &EachLanguage,
) -> AppResult<()> {
    let mut tx = pool.begin().await?;
    insert_role(&mut tx, user_id, grant).await?;
    record_audit(&mut tx, actor, "grant_role", detail).await?;
    tx.commit().await?;
    Ok(())
}

/// Revokes a role and writes the audit entry in one transaction; false when it was not held.
pub async fn revoke(
    pool: &Pool,
    actor: i64,
    user_id: i64,
    grant: &RoleGrant,
    detail: &EachLanguage,
) -> AppResult<bool> {
    let mut tx = pool.begin().await?;
    let role = grant.role.code();
    let removed = sqlx::query!(
        "DELETE FROM user_roles WHERE user_id = $1 AND role = $2 AND community_id IS NOT DISTINCT FROM $3",
        user_id,
        role,
        grant.community_id
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if removed == 0 {
        return Ok(false);
    }
    record_audit(&mut tx, actor, "revoke_role", detail).await?;
    tx.commit().await?;
    Ok(true)
}

pub async fn recent_audit(pool: &Pool, limit: i64) -> AppResult<Vec<AuditEntry>> {
    let rows = sqlx::query!(
        r#"SELECT a.id, coalesce(u.display_name, '系统') AS "actor!: String", a.action, a.detail,
                  a.detail_en, a.at
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
           ORDER BY a.id DESC LIMIT $1"#,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id,
            actor: r.actor,
            action: r.action,
            detail: r.detail,
            detail_en: r.detail_en,
            at: crate::clock::local_date_time(r.at),
        })
        .collect())
}
