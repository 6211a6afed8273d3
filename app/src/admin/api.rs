//! Admin server functions under /api/admin/; who may act is in `admin::policy`.

use leptos::prelude::*;

use crate::admin::model::{AuditEntry, UserSummary};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::{
    admin::policy::{may_manage, require_admin},
    admin::rules::parse_grant,
    domain::role::{Role, RoleGrant},
};

#[server(endpoint = "admin/user")]
pub async fn find_user(phone: String) -> Result<Option<UserSummary>, AppError> {
    require_admin().await?;
    let phone = crate::domain::phone::PhoneNumber::parse(&phone)?;
    crate::admin::db::user_by_phone(&crate::state::pool()?, phone.as_str()).await
}

/// The audit entry of granting (`granted`) or revoking `grant` of `user_id`, in each language.
#[cfg(feature = "ssr")]
async fn describe(
    pool: &crate::db::Pool,
    user_id: i64,
    grant: &RoleGrant,
    granted: bool,
) -> Result<crate::i18n::message::EachLanguage, AppError> {
    let user = crate::auth::db::load_user(pool, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let community = match grant.community_id {
        Some(id) => Some(
            crate::community::db::all_communities(pool)
                .await?
                .into_iter()
                .find(|c| c.id == id)
                .map(|c| c.full_name())
                .ok_or_else(|| {
                    AppError::invalid(crate::tr!("请选择社区。", "Please choose a community."))
                })?,
        ),
        None => None,
    };
    let scope = |locale| {
        community
            .clone()
            .unwrap_or_else(|| crate::tr!(locale => "全部社区", "every community"))
    };
    let (name, phone) = (&user.display_name, &user.phone);
    Ok(if granted {
        crate::tr_each!(locale => "授予 {}（{}）{}：{}", "Granted {} ({}) {}: {}",
            name, phone, grant.role.label_in(locale), scope(locale))
    } else {
        crate::tr_each!(locale => "撤销 {}（{}）{}：{}", "Revoked {} ({}) {}: {}",
            name, phone, grant.role.label_in(locale), scope(locale))
    })
}

#[server(endpoint = "admin/grant")]
pub async fn grant_role(user_id: i64, role: String, community_id: String) -> Result<(), AppError> {
    let admin = require_admin().await?;
    let grant = parse_grant(&role, &community_id)?;
    if !may_manage(&admin, &grant) {
        return Err(AppError::Forbidden);
    }
    let pool = crate::state::pool()?;
    let detail = describe(&pool, user_id, &grant, true).await?;
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
        return Err(AppError::conflict(crate::tr!(
            "不能撤销自己的管理员身份，请让另一位管理员操作。",
            "You cannot revoke your own admin role. Please ask another admin to do it."
        )));
    }
    let pool = crate::state::pool()?;
    let detail = describe(&pool, user_id, &grant, false).await?;
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
