//! Kitchen server functions under /api/canteen/manage/: the prep sheet and moving orders on.
//! Only canteen staff, workers and admins of the canteen's community may call them.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::canteen::order_api::ServiceChoice;
use crate::error::AppError;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DishCount {
    pub dish: String,
    pub total: i64,
    pub dine_in: i64,
    pub pickup: i64,
    pub delivery: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: String,
    pub label: String,
    pub count: i64,
}

/// An order the cooks must look at: the elder has diet needs or allergies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialOrder {
    pub order_id: i64,
    pub elder_name: String,
    pub fulfilment: String,
    pub lines: String,
    pub diet_needs: String,
    pub allergies: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrepSheet {
    pub service_id: i64,
    pub title: String,
    /// ISO date
    pub date: String,
    pub day: String,
    pub orders_total: i64,
    pub counts: Vec<DishCount>,
    pub by_status: Vec<StatusCount>,
    pub special: Vec<SpecialOrder>,
}

/// The service, if the caller runs its canteen.
#[cfg(feature = "ssr")]
pub async fn require_canteen_staff(
    pool: &sqlx::SqlitePool,
    user: &crate::auth::model::CurrentUser,
    service_id: i64,
) -> Result<crate::canteen::ordering::ServiceInfo, AppError> {
    let service = crate::canteen::ordering::service_info(pool, service_id).await?;
    if user.runs_canteen_of(service.community_id) {
        Ok(service)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The chosen service, or the first service of a canteen the caller runs.
#[cfg(feature = "ssr")]
pub async fn first_managed_service(
    pool: &sqlx::SqlitePool,
    user: &crate::auth::model::CurrentUser,
    service_id: Option<i64>,
) -> Result<i64, AppError> {
    if let Some(id) = service_id {
        return Ok(id);
    }
    crate::canteen::ordering::all_services(pool)
        .await?
        .into_iter()
        .find(|s| user.runs_canteen_of(s.community_id))
        .map(|s| s.id)
        .ok_or(AppError::Forbidden)
}

/// An ISO date from a form, or today (Asia/Shanghai) when empty.
#[cfg(feature = "ssr")]
pub fn date_or_today(date: Option<String>) -> Result<String, AppError> {
    match date.as_deref().map(str::trim) {
        None | Some("") => Ok(crate::clock::today_in_shanghai()
            .format("%Y-%m-%d")
            .to_string()),
        Some(text) => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(|d| d.format("%Y-%m-%d").to_string())
            .map_err(|_| AppError::invalid("日期格式应为 2026-11-24。")),
    }
}

/// The services of the canteens the caller runs.
#[server(endpoint = "canteen/manage/services")]
pub async fn managed_services() -> Result<Vec<ServiceChoice>, AppError> {
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    let services = crate::canteen::ordering::all_services(&pool)
        .await?
        .into_iter()
        .filter(|s| user.runs_canteen_of(s.community_id))
        .map(|s| ServiceChoice {
            id: s.id,
            title: s.title(),
            cutoff_time: s.cutoff_time,
        })
        .collect::<Vec<_>>();
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
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    let service_id = first_managed_service(&pool, &user, service_id).await?;
    let service = require_canteen_staff(&pool, &user, service_id).await?;
    let date = date_or_today(date)?;
    crate::canteen::kitchen::prep_sheet(&pool, &service, &date).await
}

/// Moves the day's orders at status `from` one step on.
#[server(endpoint = "canteen/manage/advance")]
pub async fn advance_orders(service_id: i64, date: String, from: String) -> Result<(), AppError> {
    use crate::canteen::model::OrderStatus;
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    require_canteen_staff(&pool, &user, service_id).await?;
    let date = date_or_today(Some(date))?;
    let from = OrderStatus::from_code(&from)
        .filter(|s| {
            matches!(
                s,
                OrderStatus::Placed | OrderStatus::Cooking | OrderStatus::Ready
            )
        })
        .ok_or_else(|| AppError::invalid("无法识别的状态。"))?;
    crate::canteen::kitchen::advance(&crate::state::writer()?, service_id, &date, from)
        .await
        .map(|_| ())
}
