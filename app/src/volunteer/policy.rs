//! Who may act in the volunteer service: volunteers sign up and take requests; staff of a
//! community create its shifts, confirm them done, dispatch its requests and download its
//! hours; admins of every community set the points rules. Who sees which request, and its place
//! and phones, is decided here; parties to a request (who posted it, who took it) are checked
//! inside the request's own statements in `db::requests`.

use crate::auth::model::CurrentUser;
use crate::domain::role::Role;
use crate::error::{AppError, AppResult};
use crate::volunteer::db::requests::RequestRow;
use crate::volunteer::model::requests::RequestView;
use crate::volunteer::rules::requests::Relation;

/// The caller holds the volunteer role; `doing` names what needs it ("报名班次").
pub fn require_volunteer(user: &CurrentUser, doing: &str) -> AppResult<()> {
    if user.has_role(Role::Volunteer) {
        Ok(())
    } else {
        Err(AppError::conflict(crate::tr!(
            "{doing}需要志愿者身份，请联系社区工作人员登记。",
            "{doing} needs the volunteer role. Please ask your community staff to register you."
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

/// The requests `viewer` may see — their own, those they took, open ones (volunteers), and all
/// of the communities they are staff of — with place and phones only for the parties, and what
/// the viewer may do with each (`volunteer::rules::requests::Relation`).
pub fn visible_requests(viewer: &CurrentUser, rows: Vec<RequestRow>) -> Vec<RequestView> {
    let volunteer = viewer.has_role(Role::Volunteer);
    rows.into_iter()
        .filter_map(|row| {
            let relation = Relation {
                mine: row.requester_id == viewer.id,
                taken_by_me: row.volunteer_id == Some(viewer.id),
                staff: viewer.is_staff_of(row.community_id),
                volunteer,
            };
            relation.sees(row.status).then(|| row.into_view(relation))
        })
        .collect()
}
