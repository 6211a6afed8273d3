//! Who sees the dashboard: community workers and admins, for the communities they work for;
//! an admin of every community sees all of them. A filter naming a community outside that
//! is refused, never widened or narrowed in silence.

use crate::db::Pool;

use crate::auth::model::CurrentUser;
use crate::dashboard::db::DashboardScope;
use crate::error::{AppError, AppResult};

/// The caller may open the dashboard: a worker or admin of some community, or of all.
pub fn require_viewer(user: &CurrentUser) -> AppResult<()> {
    match user.staff_communities() {
        Some(ids) if ids.is_empty() => Err(AppError::Forbidden),
        _ => Ok(()),
    }
}

/// The communities the figures cover: the one picked, or all the caller works for.
pub async fn scope(
    pool: &Pool,
    user: &CurrentUser,
    community: Option<i64>,
) -> AppResult<DashboardScope> {
    let all = match user.staff_communities() {
        Some(ids) => ids,
        None => crate::community::db::all_communities(pool)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect(),
    };
    scope_within(&all, community)
}

/// `community` if it is one of `allowed`, or every one of them when none is picked.
pub fn scope_within(allowed: &[i64], community: Option<i64>) -> AppResult<DashboardScope> {
    if allowed.is_empty() {
        return Err(AppError::Forbidden);
    }
    match community {
        None => Ok(DashboardScope::only(allowed.to_vec())),
        Some(id) if allowed.contains(&id) => Ok(DashboardScope::only(vec![id])),
        Some(_) => Err(AppError::Forbidden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::model::user_with as user;
    use crate::domain::role::Role;

    #[test]
    fn workers_and_admins_see_the_dashboard_and_families_and_cooks_do_not() {
        assert!(require_viewer(&user(&[(Role::Worker, Some(7))])).is_ok());
        assert!(require_viewer(&user(&[(Role::Admin, None)])).is_ok());
        assert_eq!(
            require_viewer(&user(&[
                (Role::Family, None),
                (Role::CanteenStaff, Some(7))
            ])),
            Err(AppError::Forbidden)
        );
    }

    #[test]
    fn a_community_outside_the_scope_is_refused_not_widened() {
        let mine = [7];
        assert_eq!(scope_within(&mine, None).unwrap().communities(), [7]);
        assert_eq!(scope_within(&mine, Some(7)).unwrap().communities(), [7]);
        assert_eq!(scope_within(&mine, Some(1)), Err(AppError::Forbidden));
        assert_eq!(scope_within(&[], None), Err(AppError::Forbidden));
        assert_eq!(scope_within(&[1, 7], Some(1)).unwrap().json(), "[1]");
    }
}
