//! Kitchen server functions under /api/canteen/manage/: the prep sheet and moving orders on.
//! Only canteen staff, workers and admins of the canteen's community may call them.

use leptos::prelude::*;

use crate::canteen::model::kitchen::PrepSheet;
use crate::canteen::model::order::{OrderStatus, ServiceChoice};
#[cfg(feature = "ssr")]
use crate::canteen::policy::{first_managed_service, require_canteen_staff};
#[cfg(feature = "ssr")]
use crate::clock::date_or_today;
use crate::error::AppError;

/// The services of the canteens the caller runs.
#[server(endpoint = "canteen/manage/services")]
pub async fn managed_services() -> Result<Vec<ServiceChoice>, AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let services = crate::canteen::db::order_draft::all_services(&pool)
        .await?
        .iter()
        .filter(|s| user.runs_canteen_of(s.community_id))
        .map(crate::canteen::db::order_options::service_choice)
        .collect::<Result<Vec<_>, _>>()?;
    if services.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(services)
}

#[server(endpoint = "canteen/manage/prep")]
pub async fn load_prep_sheet(
    service_id: Option<i64>,
    date: Option<String>,
) -> Result<PrepSheet, AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let service_id = first_managed_service(&pool, &user, service_id).await?;
    let service = require_canteen_staff(&pool, &user, service_id).await?;
    let date = date_or_today(date)?;
    crate::canteen::db::kitchen::prep_sheet(&pool, &service, date).await
}

/// Moves the day's orders at status `from` one step on.
#[server(endpoint = "canteen/manage/advance")]
pub async fn advance_orders(
    service_id: i64,
    date: String,
    from: OrderStatus,
) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    require_canteen_staff(&pool, &user, service_id).await?;
    let date = date_or_today(Some(date))?;
    if !matches!(
        from,
        OrderStatus::Placed | OrderStatus::Cooking | OrderStatus::Ready
    ) {
        return Err(AppError::invalid(crate::tr!(
            "无法识别的状态。",
            "Unknown status."
        )));
    }
    let moved = crate::canteen::db::kitchen::advance_listing(
        &crate::state::writer()?,
        service_id,
        date,
        from,
    )
    .await?;
    crate::live::bus::announce(crate::live::model::LiveKind::OrderAdvanced, &moved).await;
    Ok(())
}
