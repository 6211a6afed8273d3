//! Canteen server functions under /api/canteen/. Menus are public: anyone may read them.

use leptos::prelude::*;

use crate::canteen::model::menu::{CanteenInfo, DayMenu};
use crate::error::AppError;

#[server(endpoint = "canteen/list")]
pub async fn list_canteens() -> Result<Vec<CanteenInfo>, AppError> {
    crate::canteen::db::menu::canteens(&crate::state::pool()?).await
}

/// The canteen and its published menu from today (Asia/Shanghai) for seven days.
#[server(endpoint = "canteen/week")]
pub async fn weekly_menu(canteen_id: i64) -> Result<(CanteenInfo, Vec<DayMenu>), AppError> {
    use crate::canteen::db::menu;
    use crate::canteen::rules::{menu::group_menu, pricing::subsidy_for};
    use crate::domain::{age::AgeBand, elder::SubsidyCategory};

    let pool = crate::state::pool()?;
    let canteen = menu::canteens(&pool)
        .await?
        .into_iter()
        .find(|c| c.id == canteen_id)
        .ok_or(AppError::NotFound)?;
    let today = crate::clock::today_in_shanghai();
    let to = today + chrono::Days::new(6);
    let rows = menu::published_menu(&pool, canteen_id, today, to).await?;
    let rules = menu::subsidy_rules(&pool).await?;
    let senior = subsidy_for(&rules, AgeBand::From60To79, SubsidyCategory::None);
    Ok((canteen, group_menu(rows, senior)))
}
