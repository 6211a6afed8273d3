//! Order history server functions under /api/canteen/: list, cancel, rate, and standing
//! orders. Each checks the session and the caller's relation to the order's elder.

use leptos::prelude::*;

use crate::canteen::model::history::{OrderView, StandingChange, StandingView};
#[cfg(feature = "ssr")]
use crate::canteen::policy::require_order_access;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::live::{bus::announce, model::LiveKind};

/// The elders whose orders the caller sees: one elder they may act for, or all they look after.
#[cfg(feature = "ssr")]
async fn elder_ids(
    pool: &crate::db::Pool,
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
    let (user, pool) = crate::auth::session::caller().await?;
    let ids = elder_ids(&pool, &user, elder_id).await?;
    let orders = crate::canteen::db::history::list(&pool, &ids).await?;
    let standing =
        crate::canteen::db::history::standing_list(&pool, &ids, crate::i18n::message_locale())
            .await?;
    Ok((orders, standing))
}

#[server(endpoint = "canteen/cancel")]
pub async fn cancel_meal_order(order_id: i64) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    require_order_access(&crate::state::pool()?, &user, order_id).await?;
    crate::canteen::db::history::cancel(&crate::state::writer()?, order_id).await?;
    announce(LiveKind::OrderCancelled, &[order_id]).await;
    Ok(())
}

#[server(endpoint = "canteen/rate")]
pub async fn rate_meal_order(
    order_id: i64,
    stars: String,
    comment: String,
) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    require_order_access(&pool, &user, order_id).await?;
    let (stars, comment) = crate::domain::rating::parse_rating(&stars, &comment)?;
    crate::canteen::db::history::rate(&pool, order_id, stars, &comment).await
}

/// Pauses or resumes a weekly standing order, or stops it.
#[server(endpoint = "canteen/standing")]
pub async fn change_standing_order(
    standing_id: i64,
    pause: StandingChange,
) -> Result<(), AppError> {
    use crate::canteen::db::standing;
    let (user, pool) = crate::auth::session::caller().await?;
    let elder_id = standing::elder_of(&pool, standing_id).await?;
    crate::household::policy::authorize(&pool, &user, elder_id).await?;
    match pause {
        StandingChange::Pause => standing::set_paused(&pool, standing_id, true).await,
        StandingChange::Resume => {
            standing::set_paused(&pool, standing_id, false).await?;
            let today = crate::clock::today_in_shanghai();
            let (_, placed) = standing::run_listing(
                &crate::state::writer()?,
                today,
                chrono::Utc::now(),
                Some(standing_id),
            )
            .await?;
            announce(LiveKind::OrderPlaced, &placed).await;
            Ok(())
        }
        StandingChange::End => standing::end(&pool, standing_id).await,
    }
}
