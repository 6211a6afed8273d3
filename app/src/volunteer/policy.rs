//! Who may act in the volunteer service: volunteers sign up and take requests; staff of a
//! community create its shifts, confirm them done, dispatch its requests and download its
//! hours; admins of every community set the points rules. Parties to a request (who posted it,
//! who took it) are checked inside the request's own statements in `db::requests`.

use crate::auth::model::CurrentUser;
use crate::domain::role::Role;
use crate::error::{AppError, AppResult};

/// The caller holds the volunteer role; `doing` names what needs it ("报名班次").
pub fn require_volunteer(user: &CurrentUser, doing: &str) -> AppResult<()> {
    if user.has_role(Role::Volunteer) {
        Ok(())
    } else {
        Err(AppError::conflict(format!(
            "{doing}需要志愿者身份，请联系社区工作人员登记。"
        )))
    }
}

/// The caller is staff (worker or admin) of `community_id`.
pub fn require_staff_of(user: &CurrentUser, community_id: i64) -> AppResult<()> {
    if user.is_staff_of(community_id) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Only an admin of every community changes the points rules.
pub fn require_rules_editor(user: &CurrentUser) -> AppResult<()> {
    if user.is_global_admin() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The communities whose shifts the caller manages: each community they are staff of, or
/// `[None]` (every community) for an admin of all of them.
pub fn managed_communities(user: &CurrentUser) -> AppResult<Vec<Option<i64>>> {
    match user.staff_communities() {
        Some(ids) if ids.is_empty() => Err(AppError::Forbidden),
        Some(ids) => Ok(ids.into_iter().map(Some).collect()),
        None => Ok(vec![None]),
    }
}

/// Whose hours the caller may download: the chosen community if they are its staff; without
/// one, their first community, or every community (`None`) for an admin of all of them.
pub fn hours_scope(user: &CurrentUser, community: Option<i64>) -> AppResult<Option<i64>> {
    match (community, user.staff_communities()) {
        (Some(id), _) if user.is_staff_of(id) => Ok(Some(id)),
        (None, Some(ids)) => Ok(Some(*ids.first().ok_or(AppError::Forbidden)?)),
        (None, None) => Ok(None),
        _ => Err(AppError::Forbidden),
    }
}
