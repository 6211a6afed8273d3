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
        Some(
            self.roles
                .iter()
                .filter(|g| matches!(g.role, Role::Worker | Role::Admin))
                .filter_map(|g| g.community_id)
                .collect(),
        )
    }
}
