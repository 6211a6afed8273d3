//! Delivery server functions under /api/canteen/: route sheets and their planning for staff,
//! and the deliverer's own stops. Addresses and phones reach only staff of the canteen's
//! community and the route's deliverer, from the day before to the day after.

use leptos::prelude::*;

use crate::canteen::model::delivery::{DeliveryOutcome, RouteSheet, RouteView};
use crate::error::AppError;

#[server(endpoint = "canteen/manage/routes")]
pub async fn load_route_sheet(
    service_id: Option<i64>,
    date: Option<String>,
) -> Result<RouteSheet, AppError> {
    use crate::canteen::policy::{first_managed_service, require_canteen_staff};
    use crate::clock::date_or_today;
    let (user, pool) = crate::auth::session::caller().await?;
    let service_id = first_managed_service(&pool, &user, service_id).await?;
    let service = require_canteen_staff(&pool, &user, service_id).await?;
    let date = date_or_today(date)?;
    let routes = crate::canteen::db::delivery::routes(&pool, service_id, date, None).await?;
    let unrouted = crate::canteen::db::delivery::unrouted(&pool, service_id, date).await?;
    Ok(RouteSheet {
        canteen_id: service.canteen_id,
        meal: service.meal_kind()?,
        canteen: service.canteen_name,
        routes,
        unrouted,
    })
}

#[server(endpoint = "canteen/manage/plan-routes")]
pub async fn plan_routes(service_id: i64, date: String, max_stops: String) -> Result<(), AppError> {
    use crate::canteen::policy::require_canteen_staff;
    use crate::clock::date_or_today;
    let (user, pool) = crate::auth::session::caller().await?;
    require_canteen_staff(&pool, &user, service_id).await?;
    let date = date_or_today(Some(date))?;
    let max_stops = crate::domain::number::whole_number(
        &max_stops,
        1..=50,
        &crate::tr!(
            "每条路线的站点数请填 1 到 50。",
            "Stops per route must be from 1 to 50."
        ),
    )?;
    crate::canteen::db::delivery::generate(&pool, service_id, date, max_stops as usize)
        .await
        .map(|_| ())
}

/// Moves a stop "up", "down", or to the end of route number `to`.
#[server(endpoint = "canteen/manage/move-stop")]
pub async fn move_stop(order_id: i64, to: String) -> Result<(), AppError> {
    use crate::canteen::db::delivery;
    let (user, pool) = crate::auth::session::caller().await?;
    let owner = delivery::stop_owner(&pool, order_id).await?;
    crate::canteen::policy::require_canteen_staff(&pool, &user, owner.service_id).await?;
    delivery::move_stop(&pool, order_id, &to).await
}

#[server(endpoint = "canteen/manage/assign")]
pub async fn assign_deliverer(route_id: i64, phone: String) -> Result<(), AppError> {
    use crate::canteen::db::delivery;
    let (user, pool) = crate::auth::session::caller().await?;
    let service_id = delivery::route_service(&pool, route_id).await?;
    crate::canteen::policy::require_canteen_staff(&pool, &user, service_id).await?;
    let phone = crate::domain::phone::PhoneNumber::parse(&phone)?;
    delivery::assign(&pool, route_id, phone.as_str())
        .await
        .map(|_| ())
}

/// The routes given to the caller, from yesterday to tomorrow.
#[server(endpoint = "canteen/my-deliveries")]
pub async fn my_deliveries() -> Result<Vec<RouteView>, AppError> {
    use crate::canteen::db::delivery;
    let (user, pool) = crate::auth::session::caller().await?;
    let today = crate::clock::today_in_shanghai();
    let mut routes = Vec::new();
    for (service_id, date) in delivery::my_route_days(&pool, user.id, today).await? {
        routes.extend(delivery::routes(&pool, service_id, date, Some(user.id)).await?);
    }
    Ok(routes)
}

/// Marks a stop "delivered" (已送达) or "no_answer" (无人应答): the route's deliverer within
/// a day of the meal, or staff of the canteen.
#[server(endpoint = "canteen/mark-stop")]
pub async fn mark_stop(order_id: i64, outcome: DeliveryOutcome) -> Result<(), AppError> {
    use crate::canteen::db::delivery;
    let (user, pool) = crate::auth::session::caller().await?;
    let owner = delivery::stop_owner(&pool, order_id).await?;
    let service = crate::canteen::db::order_draft::service_info(&pool, owner.service_id).await?;
    let today = crate::clock::today_in_shanghai();
    let within_a_day = (owner.date - today).num_days().abs() <= 1;
    let is_deliverer = owner.deliverer_id == Some(user.id) && within_a_day;
    if !is_deliverer && !user.runs_canteen_of(service.community_id) {
        return Err(AppError::NotFound);
    }
    let by = delivery::Deliverer {
        user_id: user.id,
        name: &user.display_name,
    };
    delivery::mark(&crate::state::writer()?, by, order_id, outcome.status()).await?;
    crate::figures::delivery_marked(outcome.code());
    crate::live::bus::announce(crate::live::model::LiveKind::DeliveryMarked, &[order_id]).await;
    Ok(())
}
