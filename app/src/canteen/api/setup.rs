//! Canteen set-up server functions under /api/canteen/setup/: services, dishes and weekly
//! menus for staff of the canteen's community; subsidy rules for admins of every community.

use leptos::prelude::*;

use crate::canteen::model::setup::DishForm;
use crate::canteen::model::setup::{CanteenSetup, MenuWeek, MenuWeekForm};
#[cfg(feature = "ssr")]
use crate::canteen::policy::managed_canteen;
use crate::canteen::rules::pricing::SubsidyRule;
use crate::error::AppError;

#[server(endpoint = "canteen/setup")]
pub async fn load_canteen_setup(canteen_id: Option<i64>) -> Result<CanteenSetup, AppError> {
    use crate::canteen::db::setup::{dishes_of, services_of};
    let (user, pool) = crate::auth::session::caller().await?;
    let canteen = managed_canteen(&pool, &user, canteen_id).await?;
    Ok(CanteenSetup {
        canteen_id: canteen.id,
        services: services_of(&pool, canteen.id).await?,
        dishes: dishes_of(&pool, canteen.id).await?,
        canteen: canteen.name,
        address: canteen.address,
        opening_hours: canteen.opening_hours,
    })
}

#[server(endpoint = "canteen/setup/canteen")]
pub async fn save_canteen(
    canteen_id: i64,
    name: String,
    address: String,
    opening_hours: String,
) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let canteen = managed_canteen(&pool, &user, Some(canteen_id)).await?;
    let checked = crate::canteen::rules::setup::parse_canteen(&name, &address, &opening_hours)?;
    crate::canteen::db::setup::update_canteen(&pool, canteen.id, &checked).await
}

#[server(endpoint = "canteen/setup/service")]
pub async fn save_service(
    service_id: i64,
    cutoff_time: String,
    serve_time: String,
    capacity: String,
) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    crate::canteen::policy::require_canteen_staff(&pool, &user, service_id).await?;
    let checked =
        crate::canteen::rules::setup::parse_service(&cutoff_time, &serve_time, &capacity)?;
    crate::canteen::db::setup::update_service(&pool, service_id, checked).await
}

/// Adds a dish (`dish_id` 0) or changes one.
#[server(endpoint = "canteen/setup/dish")]
pub async fn save_dish(canteen_id: i64, dish_id: i64, form: DishForm) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let canteen = managed_canteen(&pool, &user, Some(canteen_id)).await?;
    let dish = form.parse()?;
    crate::canteen::db::setup::save_dish(&pool, canteen.id, dish_id, &dish).await
}

#[server(endpoint = "canteen/setup/menu")]
pub async fn load_menu_week(
    canteen_id: Option<i64>,
    week: Option<String>,
) -> Result<MenuWeek, AppError> {
    use crate::canteen::db::setup::{dishes_of, services_of, week_items};
    use crate::canteen::rules::setup::{monday_of, week_dates};
    let (user, pool) = crate::auth::session::caller().await?;
    let canteen = managed_canteen(&pool, &user, canteen_id).await?;
    let day = crate::clock::date_or_today(week)?;
    let monday = monday_of(day);
    let (items, published) = week_items(&pool, canteen.id, &week_dates(monday)).await?;
    let iso = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    Ok(MenuWeek {
        canteen_id: canteen.id,
        canteen: canteen.name,
        monday: iso(monday),
        previous: iso(monday - chrono::Days::new(7)),
        next: iso(monday + chrono::Days::new(7)),
        days: (0..7).map(|d| monday + chrono::Days::new(d)).collect(),
        services: services_of(&pool, canteen.id).await?,
        dishes: dishes_of(&pool, canteen.id).await?,
        items,
        published,
    })
}

#[server(endpoint = "canteen/setup/menu/save")]
pub async fn save_menu_week(form: MenuWeekForm) -> Result<(), AppError> {
    use crate::canteen::rules::setup::{monday_of, parse_item, week_dates};
    let (user, pool) = crate::auth::session::caller().await?;
    let canteen = managed_canteen(&pool, &user, Some(form.canteen_id)).await?;
    let monday = chrono::NaiveDate::parse_from_str(&form.monday, "%Y-%m-%d").map_err(|_| {
        AppError::invalid(crate::tr!(
            "周次无法识别，请刷新后重试。",
            "The week could not be read. Please refresh and try again."
        ))
    })?;
    let week = week_dates(monday_of(monday));
    let items = form
        .items
        .iter()
        .map(|item| parse_item(item, &week))
        .collect::<Result<Vec<_>, _>>()?;
    crate::canteen::db::setup::save_week(&pool, canteen.id, &week, &items, form.publish == "1")
        .await
}

#[server(endpoint = "canteen/setup/menu/copy")]
pub async fn copy_last_week(canteen_id: i64, monday: String) -> Result<(), AppError> {
    use crate::canteen::rules::setup::monday_of;
    let (user, pool) = crate::auth::session::caller().await?;
    let canteen = managed_canteen(&pool, &user, Some(canteen_id)).await?;
    let monday = chrono::NaiveDate::parse_from_str(&monday, "%Y-%m-%d").map_err(|_| {
        AppError::invalid(crate::tr!(
            "周次无法识别，请刷新后重试。",
            "The week could not be read. Please refresh and try again."
        ))
    })?;
    crate::canteen::db::setup::copy_previous_week(&pool, canteen.id, monday_of(monday))
        .await
        .map(|_| ())
}

/// The subsidy rules (public policy: any signed-in account may read them), and whether the
/// caller — an admin of every community — may change them.
#[server(endpoint = "canteen/subsidy-rules")]
pub async fn subsidy_rules_view() -> Result<(Vec<SubsidyRule>, bool), AppError> {
    let user = crate::auth::session::require_user().await?;
    let rules = crate::canteen::db::menu::subsidy_rules(&crate::state::pool()?).await?;
    Ok((rules, user.is_global_admin()))
}

#[server(endpoint = "canteen/subsidy-rules/add")]
pub async fn add_subsidy_rule(
    age_band: String,
    category: String,
    subsidy: String,
) -> Result<(), AppError> {
    use crate::domain::{age::AgeBand, elder::SubsidyCategory};
    let user = crate::auth::session::require_user().await?;
    if !user.is_global_admin() {
        return Err(AppError::Forbidden);
    }
    let band = AgeBand::from_code(&age_band)
        .filter(|b| AgeBand::SUBSIDISED.contains(b))
        .ok_or_else(|| {
            AppError::invalid(crate::tr!("请选择年龄段。", "Please choose an age band."))
        })?;
    let category = match category.as_str() {
        "" => None,
        code => Some(
            SubsidyCategory::from_code(code)
                .filter(|c| *c != SubsidyCategory::None)
                .ok_or_else(|| {
                    AppError::invalid(crate::tr!(
                        "请选择补贴类别。",
                        "Please choose a subsidy category."
                    ))
                })?,
        ),
    };
    let subsidy_fen = crate::canteen::rules::setup::parse_yuan(&subsidy)?;
    crate::canteen::db::setup::add_subsidy_rule(
        &crate::state::pool()?,
        user.id,
        band.code(),
        category.map(|c| c.code()),
        subsidy_fen,
    )
    .await
}

#[server(endpoint = "canteen/subsidy-rules/delete")]
pub async fn delete_subsidy_rule(rule_id: i64) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    if !user.is_global_admin() {
        return Err(AppError::Forbidden);
    }
    crate::canteen::db::setup::delete_subsidy_rule(&crate::state::pool()?, user.id, rule_id).await
}
