//! The signed-in account as the pages see it.

use crate::domain::role::{self, Role, RoleGrant};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub phone: String,
    pub display_name: String,
    pub roles: Vec<RoleGrant>,
}

impl CurrentUser {
    pub fn has_role(&self, wanted: Role) -> bool {
        self.roles.iter().any(|grant| grant.role == wanted)
    }

    /// Worker or admin of `community_id` (or an admin of every community).
    pub fn is_staff_of(&self, community_id: i64) -> bool {
        role::is_staff_of(&self.roles, community_id)
    }

    /// Canteen staff, worker or admin of `community_id` (or an admin of every community).
    pub fn runs_canteen_of(&self, community_id: i64) -> bool {
        role::runs_canteen_of(&self.roles, community_id)
    }

    pub fn is_admin_of(&self, community_id: i64) -> bool {
        role::is_admin_of(&self.roles, community_id)
    }

    pub fn is_any_admin(&self) -> bool {
        self.has_role(Role::Admin)
    }

    pub fn is_global_admin(&self) -> bool {
        role::is_global_admin(&self.roles)
    }

    /// Communities this account is worker or admin of (`None`: all of them).
    pub fn staff_communities(&self) -> Option<Vec<i64>> {
        if self.is_global_admin() {
            return None;
        }
        let mut ids: Vec<i64> = self
            .roles
            .iter()
            .filter(|g| matches!(g.role, Role::Worker | Role::Admin))
            .filter_map(|g| g.community_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        Some(ids)
    }
}

/// An account holding `roles`, for the tests of who may act.
#[cfg(test)]
pub fn user_with(roles: &[(Role, Option<i64>)]) -> CurrentUser {
    CurrentUser {
        id: 1,
        phone: "13800138000".into(),
        display_name: "陈静".into(),
        roles: roles
            .iter()
            .map(|&(role, community_id)| RoleGrant { role, community_id })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_who_is_also_admin_of_the_community_lists_it_once() {
        let both = user_with(&[
            (Role::Worker, Some(7)),
            (Role::Admin, Some(7)),
            (Role::Worker, Some(1)),
        ]);
        assert_eq!(both.staff_communities(), Some(vec![1, 7]));
    }

    #[test]
    fn an_admin_of_every_community_is_not_limited_to_a_list() {
        assert_eq!(user_with(&[(Role::Admin, None)]).staff_communities(), None);
        assert_eq!(
            user_with(&[(Role::Family, None)]).staff_communities(),
            Some(vec![])
        );
    }
}
