//! Order history server functions under /api/canteen/: list, cancel, rate, and standing
//! orders. Each checks the session and the caller's relation to the order's elder.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: i64,
    pub elder_id: i64,
    pub service_id: i64,
    pub elder_name: String,
    /// "11月24日 周二"
    pub day: String,
    /// "十九街社区幸福食堂 · 午餐"
    pub meal: String,
    /// "敬老套餐×1、小米粥×1"
    pub lines: String,
    pub fulfilment: String,
    pub status: String,
    pub status_label: String,
    pub full_price_fen: i64,
    pub subsidy_fen: i64,
    pub pay_fen: i64,
    pub can_change: bool,
    pub can_rate: bool,
    pub rating: Option<i64>,
    pub rating_comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandingView {
    pub id: i64,
    pub elder_name: String,
    pub meal: String,
    /// "周一、周二、周三、周四、周五"
    pub weekdays: String,
    pub lines: String,
    pub fulfilment: String,
    pub paused: bool,
    /// Days of the last week the job could not order, with why.
    pub problems: String,
}

/// The elders whose orders the caller sees: one elder they may act for, or all they look after.
#[cfg(feature = "ssr")]
async fn elder_ids(
    pool: &sqlx::SqlitePool,
    user: &crate::auth::model::CurrentUser,
    elder_id: Option<i64>,
) -> Result<Vec<i64>, AppError> {
    if let Some(id) = elder_id {
        crate::household::policy::authorize(pool, user, id).await?;
        return Ok(vec![id]);
    }
    let filter = crate::household::db::ElderFilter {
        family_of: Some(user.id),
        ..Default::default()
    };
    let today = crate::clock::today_in_shanghai();
    Ok(
        crate::household::db::find_elders(pool, filter, user.id, today)
            .await?
            .into_iter()
            .map(|e| e.id)
            .collect(),
    )
}

#[server(endpoint = "canteen/orders")]
pub async fn my_orders(
    elder_id: Option<i64>,
) -> Result<(Vec<OrderView>, Vec<StandingView>), AppError> {
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    let ids = elder_ids(&pool, &user, elder_id).await?;
    let orders = crate::canteen::history::list(&pool, &ids).await?;
    let standing = crate::canteen::history::standing_list(&pool, &ids).await?;
    Ok((orders, standing))
}

#[server(endpoint = "canteen/cancel")]
pub async fn cancel_meal_order(order_id: i64) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::canteen::history::cancel(&crate::state::writer()?, &user, order_id).await
}

#[server(endpoint = "canteen/rate")]
pub async fn rate_meal_order(
    order_id: i64,
    stars: String,
    comment: String,
) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    let (stars, comment) = crate::domain::rating::parse_rating(&stars, &comment)?;
    crate::canteen::history::rate(&crate::state::pool()?, &user, order_id, stars, &comment).await
}

/// Pauses (`pause` = "1") or resumes a weekly standing order, or stops it (`pause` = "end").
#[server(endpoint = "canteen/standing")]
pub async fn change_standing_order(standing_id: i64, pause: String) -> Result<(), AppError> {
    use crate::canteen::standing;
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    let elder_id = standing::elder_of(&pool, standing_id).await?;
    crate::household::policy::authorize(&pool, &user, elder_id).await?;
    match pause.as_str() {
        "1" => standing::set_paused(&pool, standing_id, true).await,
        "0" => {
            standing::set_paused(&pool, standing_id, false).await?;
            let today = crate::clock::today_in_shanghai();
            standing::run(
                &crate::state::writer()?,
                today,
                chrono::Utc::now(),
                Some(standing_id),
            )
            .await
            .map(|_| ())
        }
        "end" => standing::end(&pool, standing_id).await,
        _ => Err(AppError::invalid("无法识别的操作。")),
    }
}
