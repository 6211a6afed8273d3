//! Who may act in the school: admins set it up and build timetables; staff of the running
//! community keep rosters.

use sqlx::SqlitePool;

use crate::auth::model::CurrentUser;
use crate::error::{AppError, AppResult};

/// Staff of the community running the class, or an admin of every community.
pub async fn require_class_staff(
    pool: &SqlitePool,
    user: &CurrentUser,
    class_id: i64,
) -> AppResult<()> {
    let community = crate::school::db::setup::class_community(pool, class_id).await?;
    if community.is_some_and(|c| user.is_staff_of(c)) || user.is_global_admin() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The signed-in caller, if they are an admin of at least one community, with the pool.
pub async fn require_admin() -> AppResult<(CurrentUser, SqlitePool)> {
    let user = crate::auth::session::require_user().await?;
    if !user.is_any_admin() {
        return Err(AppError::Forbidden);
    }
    Ok((user, crate::state::pool()?))
}

/// Admins of the class's community, or of every community.
pub async fn require_class_admin(pool: &SqlitePool, class_id: i64) -> AppResult<CurrentUser> {
    let user = crate::auth::session::require_user().await?;
    let community = crate::school::db::setup::class_community(pool, class_id).await?;
    if community.is_some_and(|c| user.is_admin_of(c)) || user.is_global_admin() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Admins of the community the room belongs to.
pub async fn require_room_admin(
    pool: &SqlitePool,
    user: &CurrentUser,
    room_id: i64,
) -> AppResult<()> {
    let community = crate::school::db::catalog::room_community(pool, room_id).await?;
    if user.is_admin_of(community) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
