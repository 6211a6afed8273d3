//! The settlement report server function (/api/canteen/manage/settlement), for staff of the
//! canteen's community.

use leptos::prelude::*;

use crate::canteen::model::settlement::SettlementReport;
use crate::error::AppError;

#[server(endpoint = "canteen/manage/settlement")]
pub async fn load_settlement(
    canteen_id: Option<i64>,
    month: Option<String>,
) -> Result<SettlementReport, AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let canteen = crate::canteen::policy::managed_canteen(&pool, &user, canteen_id).await?;
    let month = crate::clock::month_or_this_month(month)?;
    crate::canteen::db::settlement::monthly(&pool, canteen, month).await
}
