//! Who may see and change an elder's profile: the family who look after them, the elder
//! themselves, and staff (worker or admin) of the elder's community. Nobody else.

use crate::db::Pool;

use crate::auth::model::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::household::db::{elder_with_ownership, ownership, ElderOwnership, ElderScope};
use crate::household::model::ElderView;

/// The relation that grants access, or `NotFound` — an elder someone may not see is, to them,
/// an elder that does not exist.
pub async fn authorize(
    pool: &Pool,
    user: &CurrentUser,
    elder_id: i64,
) -> AppResult<ElderOwnership> {
    let owned = ownership(pool, elder_id, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    permit(user, owned).map(|()| owned)
}

/// As [`authorize`], and the elder as pages show them, in one lookup.
pub async fn authorize_view(
    pool: &Pool,
    user: &CurrentUser,
    elder_id: i64,
) -> AppResult<ElderView> {
    let today = crate::clock::today_in_shanghai();
    let (elder, owned) = elder_with_ownership(pool, elder_id, user.id, today)
        .await?
        .ok_or(AppError::NotFound)?;
    permit(user, owned).map(|()| elder)
}

fn permit(user: &CurrentUser, owned: ElderOwnership) -> AppResult<()> {
    if owned.is_family || owned.is_self || user.is_staff_of(owned.community_id) {
        Ok(())
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
