//! The roles an account can hold. Canteen staff, community workers and admins act within one
//! community; an admin without a community administers all of them.

use serde::{Deserialize, Serialize};

use crate::domain::code::coded_enum;

coded_enum!(
    /// A role an account holds. A community worker also takes phone bookings for elders
    /// (电话代办).
    Role {
    Family = ("family", "家属", "Family"),
    Elder = ("elder", "长者", "Elder"),
    Volunteer = ("volunteer", "志愿者", "Volunteer"),
    CanteenStaff = ("canteen_staff", "食堂工作人员", "Canteen staff"),
    Worker = ("worker", "社区工作者", "Community worker"),
    Admin = ("admin", "社区管理员", "Community admin"),
});

impl Role {
    /// Whether the role only applies within a community.
    pub fn is_scoped(self) -> bool {
        matches!(self, Role::CanteenStaff | Role::Worker | Role::Admin)
    }
}

/// One role an account holds, with its community for scoped roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub community_id: Option<i64>,
}

/// Whether `grants` let their holder act as staff (worker or admin) for `community_id`.
pub fn is_staff_of(grants: &[RoleGrant], community_id: i64) -> bool {
    grants.iter().any(|g| {
        matches!(g.role, Role::Worker | Role::Admin)
            && (g.community_id == Some(community_id)
                || (g.role == Role::Admin && g.community_id.is_none()))
    })
}

/// Whether `grants` let their holder run the canteen of `community_id`: its canteen staff, or
/// staff (worker or admin) of the community.
pub fn runs_canteen_of(grants: &[RoleGrant], community_id: i64) -> bool {
    is_staff_of(grants, community_id)
        || grants
            .iter()
            .any(|g| g.role == Role::CanteenStaff && g.community_id == Some(community_id))
}

/// Whether `grants` include an admin role covering every community.
pub fn is_global_admin(grants: &[RoleGrant]) -> bool {
    grants
        .iter()
        .any(|g| g.role == Role::Admin && g.community_id.is_none())
}

/// Whether `grants` include an admin role for `community_id` (or for every community).
pub fn is_admin_of(grants: &[RoleGrant], community_id: i64) -> bool {
    grants.iter().any(|g| {
        g.role == Role::Admin && (g.community_id.is_none() || g.community_id == Some(community_id))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(role: Role, community_id: Option<i64>) -> RoleGrant {
        RoleGrant { role, community_id }
    }

    #[test]
    fn canteen_staff_run_only_their_own_communitys_canteen() {
        let cook = [grant(Role::CanteenStaff, Some(7))];
        assert!(runs_canteen_of(&cook, 7));
        assert!(!runs_canteen_of(&cook, 8));
        assert!(!is_staff_of(&cook, 7), "a cook is not a community worker");
        assert!(runs_canteen_of(&[grant(Role::Worker, Some(8))], 8));
        assert!(runs_canteen_of(&[grant(Role::Admin, None)], 8));
        assert!(!runs_canteen_of(&[grant(Role::Volunteer, None)], 8));
    }

    #[test]
    fn codes_round_trip_for_every_role() {
        for &role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("root"), None);
    }

    #[test]
    fn a_worker_is_staff_only_of_their_own_community() {
        let grants = [grant(Role::Worker, Some(1))];
        assert!(is_staff_of(&grants, 1));
        assert!(!is_staff_of(&grants, 2));
        assert!(!is_admin_of(&grants, 1));
    }

    #[test]
    fn an_admin_without_community_covers_every_community() {
        let grants = [grant(Role::Admin, None)];
        assert!(is_staff_of(&grants, 7));
        assert!(is_admin_of(&grants, 7));
        assert!(is_global_admin(&grants));
    }

    #[test]
    fn family_volunteer_and_canteen_roles_are_not_community_staff() {
        let grants = [
            grant(Role::Family, None),
            grant(Role::Volunteer, None),
            grant(Role::CanteenStaff, Some(1)),
        ];
        assert!(!is_staff_of(&grants, 1));
    }
}
