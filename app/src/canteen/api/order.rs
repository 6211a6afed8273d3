//! Ordering server functions under /api/canteen/: what can be ordered for an elder, placing
//! and changing orders, standing weekly orders. Each checks the session and that the caller
//! is the elder, their family, or staff of the elder's community (电话代办).

use leptos::prelude::*;

use crate::canteen::model::order::MealOrderForm;
use crate::canteen::model::order::OrderChoices;
#[cfg(feature = "ssr")]
use crate::canteen::policy::{authorize_order_form, require_order_form_access};
use crate::error::AppError;

/// The elders the caller may order for, the services, and — once both are chosen — the days
/// and dishes on offer with this elder's prices and allergy refusals.
#[server(endpoint = "canteen/order-options")]
pub async fn order_options(
    elder_id: Option<i64>,
    service_id: Option<i64>,
    replaces: Option<i64>,
) -> Result<OrderChoices, AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    require_order_form_access(&pool, &user, elder_id, replaces).await?;
    let scope = crate::household::policy::elder_scope(&user);
    crate::canteen::db::order_options::load(&pool, &scope, elder_id, service_id, replaces).await
}

/// Places the orders of the form, for each chosen date all or none, and sets up the weekly
/// standing order when weekdays are chosen.
#[server(endpoint = "canteen/order")]
pub async fn place_meal_order(form: MealOrderForm) -> Result<(), AppError> {
    use crate::canteen::db::{order_draft, standing};
    use crate::live::{bus::announce, model::LiveKind};
    let (user, pool) = crate::auth::session::caller().await?;
    let writer = crate::state::writer()?;
    // Refused as "not found" unless the caller may act for this elder (and the order replaced).
    let replacing = (form.replaces > 0).then_some(form.replaces);
    let elder = authorize_order_form(&pool, &user, form.elder_id, replacing).await?;
    let today = crate::clock::today_in_shanghai();
    let request = form.parse(today)?;
    let service = order_draft::service_info(&pool, form.service_id).await?;
    let replaces = if form.replaces > 0 {
        let owned = crate::canteen::db::history::order_for_change(&pool, form.replaces).await?;
        if owned.elder_id != form.elder_id || owned.service_id != form.service_id {
            return Err(AppError::invalid(crate::tr!(
                "修改订单时不能换长者或餐次，请取消后重新下单。",
                "A change cannot switch the elder or the meal. Please cancel and order again."
            )));
        }
        Some(form.replaces)
    } else {
        None
    };
    let draft = order_draft::OrderDraft {
        elder: &elder,
        service: &service,
        lines: &request.lines,
        fulfilment: request.fulfilment,
        placed_by: user.id,
        standing_order_id: None,
    };
    let now = chrono::Utc::now();
    let orders = draft.for_dates(&pool, &request.dates, now).await?;
    if !request.weekdays.is_empty() {
        crate::canteen::db::order_options::check_standing_lines(
            &pool,
            &elder,
            &service,
            &request.lines,
            request.fulfilment,
        )
        .await?;
    }
    if !orders.is_empty() {
        let placed = crate::state::order_queue()?.place(orders, replaces).await?;
        if let Some(old) = replaces {
            announce(LiveKind::OrderCancelled, &[old]).await;
            announce(LiveKind::OrderChanged, &placed).await;
        } else {
            announce(LiveKind::OrderPlaced, &placed).await;
        }
    }
    if !request.weekdays.is_empty() {
        let id = standing::create(
            &writer,
            &standing::NewStandingOrder {
                elder_id: elder.id,
                service_id: service.id,
                weekdays: &request.weekdays,
                fulfilment: request.fulfilment,
                lines: &request.lines,
                created_by: user.id,
            },
        )
        .await?;
        let (_, placed) = standing::run_listing(&writer, today, now, Some(id)).await?;
        announce(LiveKind::OrderPlaced, &placed).await;
    }
    leptos_axum::redirect("/canteen/orders");
    Ok(())
}
