//! Gathering what the order form offers: the caller's elders, the services, and for one elder
//! and service the next two weeks' days and dishes with this elder's prices.

use crate::db::Pool;
use chrono::Utc;

use crate::canteen::db::menu::subsidy_rules;
use crate::canteen::db::order_draft::{
    all_services, delivery_only_for_flagged, dishes_on, places_taken, service_info, ServiceInfo,
};
use crate::canteen::model::order::{
    DayChoice, DishChoice, ElderChoice, OrderChoices, Replacing, ServiceChoice,
};
use crate::canteen::model::order::{DayClosed, Fulfilment};
use crate::canteen::rules::allergy::{check_dish, conflicts};
use crate::canteen::rules::cutoff::{before_cutoff, parse_time};
use crate::canteen::rules::order::ORDER_WINDOW_DAYS;
use crate::canteen::rules::pricing::elder_subsidy;
use crate::domain::elder::{split_codes, Allergen};
use crate::error::{AppError, AppResult};
use crate::household::db::{elders_in_scope, find_elders, ElderFilter, ElderScope};
use crate::household::model::ElderView;

fn elder_choice(elder: &ElderView) -> ElderChoice {
    ElderChoice {
        id: elder.id,
        name: elder.name.clone(),
        needs_delivery: elder.needs_delivery,
        allergies: elder.allergies.clone(),
    }
}

/// A service as the pickers offer it: the canteen's name and the meal, labelled by the page.
pub fn service_choice(service: &ServiceInfo) -> AppResult<ServiceChoice> {
    Ok(ServiceChoice {
        id: service.id,
        canteen: service.canteen_name.clone(),
        meal: service.meal_kind()?,
        cutoff_time: service.cutoff_time.clone(),
    })
}

/// One elder's full profile as `viewer` sees it (their access is checked by
/// `household::policy::authorize`).
pub async fn elder_view(pool: &Pool, viewer: i64, elder_id: i64) -> AppResult<ElderView> {
    let filter = ElderFilter {
        elder_id: Some(elder_id),
        ..Default::default()
    };
    find_elders(pool, filter, viewer, crate::clock::today_in_shanghai())
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

/// Checks a standing order's dishes: on this canteen's list and safe for the elder.
pub async fn check_standing_lines(
    pool: &Pool,
    elder: &ElderView,
    service: &ServiceInfo,
    lines: &[(i64, i64)],
    fulfilment: Fulfilment,
) -> AppResult<()> {
    if fulfilment == Fulfilment::Delivery && !elder.needs_delivery {
        return Err(AppError::invalid(delivery_only_for_flagged()));
    }
    for (dish_id, _) in lines {
        let dish = sqlx::query!(
            "SELECT name, allergens FROM dishes WHERE id = $1 AND canteen_id = $2",
            dish_id,
            service.canteen_id
        )
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| {
            AppError::invalid(crate::tr!(
                "所选的菜不在这个食堂的菜单上。",
                "A dish you chose is not on this canteen's menu."
            ))
        })?;
        let allergens = split_codes(&dish.allergens, Allergen::from_code);
        check_dish(&elder.name, &elder.allergies, &dish.name, &allergens)?;
    }
    Ok(())
}

/// What the order form offers; the caller's access to `elder_id` and `replaces` is checked
/// before (`canteen::policy::require_order_form_access`).
pub async fn load(
    pool: &Pool,
    scope: &ElderScope,
    elder_id: Option<i64>,
    service_id: Option<i64>,
    replaces: Option<i64>,
) -> AppResult<OrderChoices> {
    let elders = elders_in_scope(pool, scope).await?;
    let services = all_services(pool).await?;
    let mut options = OrderChoices {
        elders: elders.iter().map(elder_choice).collect(),
        services: services
            .iter()
            .map(service_choice)
            .collect::<AppResult<_>>()?,
        elder: None,
        service: None,
        days: Vec::new(),
        dishes: Vec::new(),
        replacing: None,
    };
    let elder = match elder_id {
        Some(id) => Some(elder_view(pool, scope.viewer, id).await?),
        None => None,
    };
    let service = match service_id {
        Some(id) => Some(service_info(pool, id).await?),
        None => None,
    };
    options.elder = elder.as_ref().map(elder_choice);
    options.service = service.as_ref().map(service_choice).transpose()?;
    if let Some(order_id) = replaces {
        let owned = crate::canteen::db::history::order_for_change(pool, order_id).await?;
        options.replacing = Some(Replacing {
            order_id,
            date: owned.date,
            lines: owned.lines,
            fulfilment: owned.fulfilment,
        });
    }
    let (Some(elder), Some(service)) = (elder, service) else {
        return Ok(options);
    };
    let today = crate::clock::today_in_shanghai();
    let now = Utc::now();
    let cutoff = parse_time(&service.cutoff_time)
        .ok_or_else(|| AppError::internal("stored cutoff time", &service.cutoff_time))?;
    let rules = subsidy_rules(pool).await?;
    let subsidy = elder_subsidy(&rules, &elder, today);
    for offset in 0..ORDER_WINDOW_DAYS {
        let date = today + chrono::Days::new(offset);
        let offered = dishes_on(pool, service.id, date).await?;
        let places_left = service.capacity - places_taken(pool, service.id, date).await?;
        let closed_because = if !before_cutoff(date, cutoff, now) {
            Some(DayClosed::CutoffPassed)
        } else if offered.is_empty() {
            Some(DayClosed::NoMenu)
        } else if places_left <= 0 {
            Some(DayClosed::Full)
        } else {
            None
        };
        if closed_because.is_none() {
            for dish in &offered {
                if options.dishes.iter().any(|d| d.id == dish.id) {
                    continue;
                }
                let allergens = split_codes(&dish.allergens, Allergen::from_code);
                let found = conflicts(&elder.allergies, &allergens);
                options.dishes.push(DishChoice {
                    id: dish.id,
                    name: dish.name.clone(),
                    is_set_meal: dish.is_set_meal,
                    price_fen: dish.price_fen,
                    elder_price_fen: if dish.is_set_meal {
                        dish.price_fen - subsidy.clamp(0, dish.price_fen)
                    } else {
                        dish.price_fen
                    },
                    allergens,
                    refused_because: found,
                });
            }
        }
        options.days.push(DayChoice {
            date,
            places_left: places_left.max(0),
            closed_because,
        });
    }
    Ok(options)
}
