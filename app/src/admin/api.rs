//! Admin server functions under /api/admin/. A community admin manages roles within their
//! community; an admin of every community also grants admin roles without a community.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::role::{Role, RoleGrant};
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: i64,
    pub display_name: String,
    pub phone: String,
    pub roles: Vec<RoleGrant>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub actor: String,
    pub action: String,
    pub detail: String,
    pub at: String,
}

/// Parses the role form: a role code and, for scoped roles, a community ("" for none).
pub fn parse_grant(role: &str, community_id: &str) -> Result<RoleGrant, AppError> {
    let role = Role::from_code(role).ok_or_else(|| AppError::invalid("请选择要授予的身份。"))?;
    let community_id = match community_id.trim() {
        "" => None,
        text => Some(
            text.parse::<i64>()
                .map_err(|_| AppError::invalid("请选择社区。"))?,
        ),
    };
    match (role.is_scoped(), community_id) {
        (false, _) => Ok(RoleGrant {
            role,
            community_id: None,
        }),
        (true, None) if role != Role::Admin => Err(AppError::invalid(format!(
            "“{}”需要选择社区。",
            role.label()
        ))),
        (true, community_id) => Ok(RoleGrant { role, community_id }),
    }
}

/// Whether `admin` may grant or revoke `grant`.
pub fn may_manage(admin: &crate::auth::model::CurrentUser, grant: &RoleGrant) -> bool {
    match grant.community_id {
        None if grant.role == Role::Admin => admin.is_global_admin(),
        None => admin.is_any_admin(),
        Some(community) => admin.is_admin_of(community),
    }
}

#[cfg(feature = "ssr")]
async fn require_admin() -> Result<crate::auth::model::CurrentUser, AppError> {
    let user = crate::auth::session::require_user().await?;
    if user.is_any_admin() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

#[server(endpoint = "admin/user")]
pub async fn find_user(phone: String) -> Result<Option<UserSummary>, AppError> {
    require_admin().await?;
    let phone = crate::domain::phone::PhoneNumber::parse(&phone)?;
    crate::admin::db::user_by_phone(&crate::state::pool()?, phone.as_str()).await
}

#[cfg(feature = "ssr")]
async fn describe(
    pool: &sqlx::SqlitePool,
    user_id: i64,
    grant: &RoleGrant,
) -> Result<String, AppError> {
    let user = crate::auth::db::load_user(pool, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let scope = match grant.community_id {
        Some(id) => crate::community::db::all_communities(pool)
            .await?
            .into_iter()
            .find(|c| c.id == id)
            .map(|c| c.full_name())
            .ok_or_else(|| AppError::invalid("请选择社区。"))?,
        None => "全部社区".to_string(),
    };
    Ok(format!(
        "{}（{}）{}：{}",
        user.display_name,
        user.phone,
        grant.role.label(),
        scope
    ))
}

#[server(endpoint = "admin/grant")]
pub async fn grant_role(user_id: i64, role: String, community_id: String) -> Result<(), AppError> {
    let admin = require_admin().await?;
    let grant = parse_grant(&role, &community_id)?;
    if !may_manage(&admin, &grant) {
        return Err(AppError::Forbidden);
    }
    let pool = crate::state::pool()?;
    let detail = describe(&pool, user_id, &grant).await?;
    crate::admin::db::grant(&pool, admin.id, user_id, &grant, &detail).await
}

#[server(endpoint = "admin/revoke")]
pub async fn revoke_role(user_id: i64, role: String, community_id: String) -> Result<(), AppError> {
    let admin = require_admin().await?;
    let grant = parse_grant(&role, &community_id)?;
    if !may_manage(&admin, &grant) {
        return Err(AppError::Forbidden);
    }
    if user_id == admin.id && grant.role == Role::Admin {
        return Err(AppError::conflict(
            "不能撤销自己的管理员身份，请让另一位管理员操作。",
        ));
    }
    let pool = crate::state::pool()?;
    let detail = describe(&pool, user_id, &grant).await?;
    if crate::admin::db::revoke(&pool, admin.id, user_id, &grant, &detail).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

#[server(endpoint = "admin/audit")]
pub async fn audit_log() -> Result<Vec<AuditEntry>, AppError> {
    require_admin().await?;
    crate::admin::db::recent_audit(&crate::state::pool()?, 50).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::model::CurrentUser;

    fn admin(community_id: Option<i64>) -> CurrentUser {
        CurrentUser {
            id: 1,
            phone: "13800000000".into(),
            display_name: "管理员".into(),
            roles: vec![RoleGrant {
                role: Role::Admin,
                community_id,
            }],
        }
    }

    #[test]
    fn scoped_roles_need_a_community_but_family_roles_do_not() {
        assert!(parse_grant("worker", "")
            .unwrap_err()
            .to_string()
            .contains("需要选择社区"));
        assert_eq!(
            parse_grant("volunteer", "3").unwrap(),
            RoleGrant {
                role: Role::Volunteer,
                community_id: None
            }
        );
        assert_eq!(
            parse_grant("admin", "").unwrap(),
            RoleGrant {
                role: Role::Admin,
                community_id: None
            }
        );
        assert!(parse_grant("root", "").is_err());
    }

    #[test]
    fn a_community_admin_manages_only_their_own_community() {
        let local = admin(Some(3));
        assert!(may_manage(
            &local,
            &RoleGrant {
                role: Role::Worker,
                community_id: Some(3)
            }
        ));
        assert!(!may_manage(
            &local,
            &RoleGrant {
                role: Role::Worker,
                community_id: Some(4)
            }
        ));
        assert!(!may_manage(
            &local,
            &RoleGrant {
                role: Role::Admin,
                community_id: None
            }
        ));
        assert!(may_manage(
            &local,
            &RoleGrant {
                role: Role::Volunteer,
                community_id: None
            }
        ));
    }

    #[test]
    fn only_an_admin_of_every_community_grants_that_role() {
        assert!(may_manage(
            &admin(None),
            &RoleGrant {
                role: Role::Admin,
                community_id: None
            }
        ));
    }
}
