//! Who may administer what: a community admin manages roles within their community; an
//! admin of every community also grants admin roles without a community.

use crate::auth::model::CurrentUser;
use crate::domain::role::{Role, RoleGrant};
use crate::error::AppError;

/// Whether `admin` may grant or revoke `grant`.
pub fn may_manage(admin: &CurrentUser, grant: &RoleGrant) -> bool {
    match grant.community_id {
        None if grant.role == Role::Admin => admin.is_global_admin(),
        None => admin.is_any_admin(),
        Some(community) => admin.is_admin_of(community),
    }
}

/// The signed-in caller, if they are an admin of at least one community.
pub async fn require_admin() -> Result<CurrentUser, AppError> {
    let user = crate::auth::session::require_user().await?;
    if user.is_any_admin() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::model::{user_with, CurrentUser};

    fn admin(community_id: Option<i64>) -> CurrentUser {
        user_with(&[(Role::Admin, community_id)])
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
