//! Ordering server functions under /api/canteen/: what can be ordered for an elder, placing
//! and changing orders, standing weekly orders. Each checks the session and that the caller
//! is the elder, their family, or staff of the elder's community (电话代办).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::canteen::order_request::MealOrderForm;
use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElderChoice {
    pub id: i64,
    pub name: String,
    pub needs_delivery: bool,
    /// Allergy labels, "花生、海鲜".
    pub allergies: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceChoice {
    pub id: i64,
    /// "十九街社区幸福食堂 · 午餐"
    pub title: String,
    pub cutoff_time: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayChoice {
    pub date: String,
    pub label: String,
    pub places_left: i64,
    /// Why it cannot be chosen (cutoff passed, no menu, full), or empty.
    pub closed_because: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DishChoice {
    pub id: i64,
    pub name: String,
    pub is_set_meal: bool,
    pub price_fen: i64,
    /// What this elder pays for it alone (the subsidy applies to one set meal).
    pub elder_price_fen: i64,
    pub allergens: String,
    /// "王秀英对花生过敏" when the dish contains one of the elder's allergens.
    pub refused_because: String,
}

/// Everything the order form shows for one elder and one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderChoices {
    pub elders: Vec<ElderChoice>,
    pub services: Vec<ServiceChoice>,
    pub elder: Option<ElderChoice>,
    pub service: Option<ServiceChoice>,
    pub days: Vec<DayChoice>,
    pub dishes: Vec<DishChoice>,
    pub replacing: Option<Replacing>,
}

/// The order being changed, as the edit form starts out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replacing {
    pub order_id: i64,
    pub date: String,
    /// "dish_id:quantity"
    pub lines: Vec<String>,
    pub fulfilment: String,
}

/// The elders the caller may order for, the services, and — once both are chosen — the days
/// and dishes on offer with this elder's prices and allergy refusals.
#[server(endpoint = "canteen/order-options")]
pub async fn order_options(
    elder_id: Option<i64>,
    service_id: Option<i64>,
    replaces: Option<i64>,
) -> Result<OrderChoices, AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::canteen::order_options::load(&user, elder_id, service_id, replaces).await
}

/// Places the orders of the form, for each chosen date all or none, and sets up the weekly
/// standing order when weekdays are chosen.
#[server(endpoint = "canteen/order")]
pub async fn place_meal_order(form: MealOrderForm) -> Result<(), AppError> {
    use crate::canteen::{db, ordering, standing};
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    let writer = crate::state::writer()?;
    // The elder as the caller may see them: refused as "not found" unless the caller may act
    // for this elder.
    let elder = crate::canteen::order_options::elder_view(&pool, &user, form.elder_id).await?;
    let today = crate::clock::today_in_shanghai();
    let request = form.parse(today)?;
    let service = ordering::service_info(&pool, form.service_id).await?;
    let replaces = if form.replaces > 0 {
        let owned = crate::canteen::history::order_for_change(&pool, &user, form.replaces).await?;
        if owned.elder_id != form.elder_id || owned.service_id != form.service_id {
            return Err(AppError::invalid(
                "修改订单时不能换长者或餐次，请取消后重新下单。",
            ));
        }
        Some(form.replaces)
    } else {
        None
    };
    let draft = ordering::OrderDraft {
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
        crate::canteen::order_options::check_standing_lines(
            &pool,
            &elder,
            &service,
            &request.lines,
            request.fulfilment,
        )
        .await?;
    }
    if !orders.is_empty() {
        db::place_orders(&writer, &orders, replaces).await?;
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
        standing::run(&writer, today, now, Some(id)).await?;
    }
    leptos_axum::redirect("/canteen/orders");
    Ok(())
}
