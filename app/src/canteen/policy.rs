//! Who may act in the canteen: staff, workers and admins of a canteen's community run it;
//! families act for the elders they look after (see `household::policy`).

use crate::db::Pool;

use crate::auth::model::CurrentUser;
use crate::canteen::db::order_draft::ServiceInfo;
use crate::canteen::model::menu::CanteenInfo;
use crate::error::{AppError, AppResult};
use crate::household::model::ElderView;

/// The service, if the caller runs its canteen.
pub async fn require_canteen_staff(
    pool: &Pool,
    user: &CurrentUser,
    service_id: i64,
) -> AppResult<ServiceInfo> {
    let service = crate::canteen::db::order_draft::service_info(pool, service_id).await?;
    if user.runs_canteen_of(service.community_id) {
        Ok(service)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The chosen service, or the first service of a canteen the caller runs.
pub async fn first_managed_service(
    pool: &Pool,
    user: &CurrentUser,
    service_id: Option<i64>,
) -> AppResult<i64> {
    if let Some(id) = service_id {
        return Ok(id);
    }
    crate::canteen::db::order_draft::all_services(pool)
        .await?
        .into_iter()
        .find(|s| user.runs_canteen_of(s.community_id))
        .map(|s| s.id)
        .ok_or(AppError::Forbidden)
}

/// The canteen the caller runs: the chosen one, or the first.
pub async fn managed_canteen(
    pool: &Pool,
    user: &CurrentUser,
    canteen_id: Option<i64>,
) -> AppResult<CanteenInfo> {
    crate::canteen::db::menu::canteens(pool)
        .await?
        .into_iter()
        .filter(|c| canteen_id.is_none_or(|id| id == c.id))
        .find(|c| user.runs_canteen_of(c.community_id))
        .ok_or(AppError::Forbidden)
}

/// The order's elder is one the caller may act for (`household::policy::authorize`); an
/// order of anyone else's is, to the caller, an order that does not exist.
pub async fn require_order_access(pool: &Pool, user: &CurrentUser, order_id: i64) -> AppResult<()> {
    let elder_id = crate::canteen::db::history::elder_of_order(pool, order_id).await?;
    crate::household::policy::authorize(pool, user, elder_id).await?;
    Ok(())
}

/// As [`require_order_form_access`] when placing an order: the elder as the form shows them.
pub async fn authorize_order_form(
    pool: &Pool,
    user: &CurrentUser,
    elder_id: i64,
    replaces: Option<i64>,
) -> AppResult<ElderView> {
    let elder = crate::household::policy::authorize_view(pool, user, elder_id).await?;
    if let Some(order_id) = replaces {
        require_order_access(pool, user, order_id).await?;
    }
    Ok(elder)
}

/// The order form for `elder_id`, changing order `replaces`: the caller may act for both.
pub async fn require_order_form_access(
    pool: &Pool,
    user: &CurrentUser,
    elder_id: Option<i64>,
    replaces: Option<i64>,
) -> AppResult<()> {
    if let Some(elder_id) = elder_id {
        crate::household::policy::authorize(pool, user, elder_id).await?;
    }
    if let Some(order_id) = replaces {
        require_order_access(pool, user, order_id).await?;
    }
    Ok(())
}
