//! Who may see and change an elder's profile: the family who look after them, the elder
//! themselves, and staff (worker or admin) of the elder's community. Nobody else.

use sqlx::SqlitePool;

use crate::auth::model::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::household::db::{ownership, ElderOwnership, ElderScope};

/// The relation that grants access, or `NotFound` — an elder someone may not see is, to them,
/// an elder that does not exist.
pub async fn authorize(
    pool: &SqlitePool,
    user: &CurrentUser,
    elder_id: i64,
) -> AppResult<ElderOwnership> {
    let owned = ownership(pool, elder_id, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if owned.is_family || owned.is_self || user.is_staff_of(owned.community_id) {
        Ok(owned)
    } else {
        Err(AppError::NotFound)
    }
}

/// The elders the caller may list and act for: those they look after (or are), and every
/// elder of the communities they are staff of.
pub fn elder_scope(user: &CurrentUser) -> ElderScope {
    ElderScope {
        viewer: user.id,
        communities: user.staff_communities(),
    }
}
