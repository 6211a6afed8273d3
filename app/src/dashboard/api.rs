//! Dashboard server functions under /api/dashboard: the figures of a period, and today's
//! strip on its own so that it can be refreshed by itself.

use leptos::prelude::*;

use crate::dashboard::model::{Dashboard, DashboardQuery, TodayFigures};
use crate::error::AppError;

/// Every figure for the filter (GET form fields as typed; none sent: the defaults), for the
/// caller's communities.
#[server(endpoint = "dashboard")]
pub async fn get_dashboard(
    #[server(default)] filter: DashboardQuery,
) -> Result<Dashboard, AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::dashboard::policy::require_viewer(&user)?;
    let filter = filter.parse(crate::clock::today_in_shanghai())?;
    let pool = crate::state::pool()?;
    let scope = crate::dashboard::policy::scope(&pool, &user, filter.community).await?;
    crate::dashboard::db::dashboard(&pool, &scope, filter).await
}

/// Today's orders by meal and deliveries by status, for one community or all of the caller's.
#[server(endpoint = "dashboard/today")]
pub async fn get_dashboard_today(community: Option<i64>) -> Result<TodayFigures, AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::dashboard::policy::require_viewer(&user)?;
    let pool = crate::state::pool()?;
    let scope = crate::dashboard::policy::scope(&pool, &user, community).await?;
    let today = crate::clock::today_in_shanghai();
    crate::dashboard::db::today::today(&pool, &scope, today).await
}
