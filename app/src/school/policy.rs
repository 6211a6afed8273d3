//! Who may act in the school: admins set it up and build timetables; staff of the running
//! community keep rosters.

use crate::db::Pool;

use crate::auth::model::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::school::model::setup::SchoolSetup;

/// Admins of the class's community (`None`: no community yet), or of every community.
pub fn may_run_class(user: &CurrentUser, community: Option<i64>) -> bool {
    community.is_some_and(|c| user.is_admin_of(c)) || user.is_global_admin()
}

/// Marks what of the school's set-up the caller may change: the semester if they administer
/// every community, sites and classes of the communities they administer; and keeps only
/// those communities to choose from.
pub fn mark_editable(user: &CurrentUser, setup: &mut SchoolSetup) {
    setup.may_edit_semester = user.is_global_admin();
    for site in &mut setup.sites {
        site.editable = user.is_admin_of(site.community_id);
    }
    for class in &mut setup.classes {
        let community = (class.community_id != 0).then_some(class.community_id);
        class.editable = may_run_class(user, community);
    }
    setup.communities.retain(|(id, _)| user.is_admin_of(*id));
}

/// Staff of the community running the class, or an admin of every community.
pub async fn require_class_staff(pool: &Pool, user: &CurrentUser, class_id: i64) -> AppResult<()> {
    let community = crate::school::db::setup::class_community(pool, class_id).await?;
    if community.is_some_and(|c| user.is_staff_of(c)) || user.is_global_admin() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The signed-in caller, if they are an admin of at least one community, with the pool.
pub async fn require_admin() -> AppResult<(CurrentUser, Pool)> {
    let user = crate::auth::session::require_user().await?;
    if !user.is_any_admin() {
        return Err(AppError::Forbidden);
    }
    Ok((user, crate::state::pool()?))
}

/// Admins of the class's community, or of every community.
pub async fn require_class_admin(pool: &Pool, class_id: i64) -> AppResult<CurrentUser> {
    let user = crate::auth::session::require_user().await?;
    let community = crate::school::db::setup::class_community(pool, class_id).await?;
    if may_run_class(&user, community) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Admins of the community the room belongs to.
pub async fn require_room_admin(pool: &Pool, user: &CurrentUser, room_id: i64) -> AppResult<()> {
    let community = crate::school::db::catalog::room_community(pool, room_id).await?;
    if user.is_admin_of(community) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
