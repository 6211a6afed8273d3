//! Turning a checked order form into priced orders: the cutoff, the day's published menu,
//! the elder's allergies, delivery only for elders who need it, and the subsidy by age on the
//! day of the meal.

use crate::db::Pool;
use chrono::{DateTime, NaiveDate, Utc};

use crate::canteen::db::menu::subsidy_rules;
use crate::canteen::db::order::OrderForPlace;
use crate::canteen::model::menu::Meal;
use crate::canteen::model::order::Fulfilment;
use crate::canteen::rules::allergy::check_dish;
use crate::canteen::rules::cutoff::{check_cutoff, parse_time};
use crate::canteen::rules::pricing::elder_subsidy;
use crate::canteen::rules::pricing::{quote, PricedLine, SubsidyRule};
use crate::domain::elder::{split_codes, Allergen};
use crate::error::{AppError, AppResult};
use crate::household::model::ElderView;

/// The refusal of delivery for an elder not registered as needing it.
pub fn delivery_only_for_flagged() -> String {
    crate::tr!(
        "送餐上门只为登记了“需要送餐”的长者提供；请选择堂食或自取，或先在长者资料里登记。",
        "Delivery is only for elders registered as needing delivery. Please choose dine in or pick up, or register the need in the elder's details first."
    )
}

/// A meal service with its canteen.
#[derive(Debug, Clone)]
pub struct ServiceInfo {
    pub id: i64,
    pub meal: String,
    pub cutoff_time: String,
    pub capacity: i64,
    pub canteen_id: i64,
    pub canteen_name: String,
    pub community_id: i64,
}

impl ServiceInfo {
    /// The meal served, read from its stored code; pages show it with the canteen's name
    /// ("十九街社区幸福食堂 · 午餐").
    pub fn meal_kind(&self) -> AppResult<Meal> {
        Meal::from_code(&self.meal).ok_or_else(|| AppError::internal("stored meal", &self.meal))
    }
}

/// A dish on a service's published menu for one day.
#[derive(Debug, Clone)]
pub struct OfferedDish {
    pub id: i64,
    pub name: String,
    pub price_fen: i64,
    pub is_set_meal: bool,
    pub allergens: String,
}

pub async fn service_info(pool: &Pool, service_id: i64) -> AppResult<ServiceInfo> {
    sqlx::query_as!(
        ServiceInfo,
        r#"SELECT s.id AS "id!", s.meal, s.cutoff_time, s.capacity, k.id AS "canteen_id!",
                  k.name AS canteen_name, k.community_id
           FROM meal_services s JOIN canteens k ON k.id = s.canteen_id WHERE s.id = $1"#,
        service_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// Every meal service, canteen by canteen, lunch before dinner.
pub async fn all_services(pool: &Pool) -> AppResult<Vec<ServiceInfo>> {
    let rows = sqlx::query_as!(
        ServiceInfo,
        r#"SELECT s.id AS "id!", s.meal, s.cutoff_time, s.capacity, k.id AS "canteen_id!",
                  k.name AS canteen_name, k.community_id
           FROM meal_services s JOIN canteens k ON k.id = s.canteen_id
           ORDER BY k.id, CASE s.meal WHEN 'lunch' THEN 0 ELSE 1 END"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// The published dishes of a service on a day, set meals first.
pub async fn dishes_on(
    pool: &Pool,
    service_id: i64,
    date: NaiveDate,
) -> AppResult<Vec<OfferedDish>> {
    let rows = sqlx::query_as!(
        OfferedDish,
        r#"SELECT d.id AS "id!", d.name, d.price_fen, d.is_set_meal AS "is_set_meal: bool", d.allergens
           FROM menu_items m JOIN dishes d ON d.id = m.dish_id
           WHERE m.service_id = $1 AND m.date = $2 AND m.published = TRUE
           ORDER BY d.is_set_meal DESC, d.id"#,
        service_id,
        date
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// Orders placed (not cancelled) for a service on an ISO date.
pub async fn places_taken(pool: &Pool, service_id: i64, date: NaiveDate) -> AppResult<i64> {
    let taken = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM orders WHERE service_id = $1 AND date = $2 AND status <> 'cancelled'"#,
        service_id,
        date
    )
    .fetch_one(pool)
    .await?;
    Ok(taken)
}

/// Everything one order needs except the database's say on capacity.
pub struct OrderDraft<'a> {
    pub elder: &'a ElderView,
    pub service: &'a ServiceInfo,
    pub lines: &'a [(i64, i64)],
    pub fulfilment: Fulfilment,
    pub placed_by: i64,
    pub standing_order_id: Option<i64>,
}

impl OrderDraft<'_> {
    /// Checks and prices the meal on `date` against that day's published menu.
    pub async fn for_date(
        &self,
        pool: &Pool,
        rules: &[SubsidyRule],
        date: NaiveDate,
        now: DateTime<Utc>,
    ) -> AppResult<OrderForPlace> {
        if self.fulfilment == Fulfilment::Delivery && !self.elder.needs_delivery {
            return Err(AppError::invalid(delivery_only_for_flagged()));
        }
        let cutoff = parse_time(&self.service.cutoff_time)
            .ok_or_else(|| AppError::internal("stored cutoff time", &self.service.cutoff_time))?;
        check_cutoff(date, cutoff, now)?;
        let offered = dishes_on(pool, self.service.id, date).await?;
        let mut priced = Vec::with_capacity(self.lines.len());
        let mut lines = Vec::with_capacity(self.lines.len());
        for &(dish_id, quantity) in self.lines {
            let Some(dish) = offered.iter().find(|d| d.id == dish_id) else {
                let locale = crate::i18n::message_locale();
                let day = crate::i18n::dates::day_label(date, locale);
                let meal = Meal::from_code(&self.service.meal).map_or("", |m| m.label_in(locale));
                return Err(AppError::invalid(crate::tr!(
                    "{day}{meal}的菜单上没有您选的菜，请重新选择。",
                    "A dish you chose is not on the menu for {day}, {meal}. Please choose again."
                )));
            };
            let allergens = split_codes(&dish.allergens, Allergen::from_code);
            check_dish(
                &self.elder.name,
                &self.elder.allergies,
                &dish.name,
                &allergens,
            )?;
            priced.push(PricedLine {
                unit_price_fen: dish.price_fen,
                quantity,
                is_set_meal: dish.is_set_meal,
            });
            lines.push((dish.id, quantity, dish.price_fen));
        }
        Ok(OrderForPlace {
            elder_id: self.elder.id,
            service_id: self.service.id,
            date,
            fulfilment: self.fulfilment,
            placed_by: self.placed_by,
            lines,
            quote: quote(&priced, elder_subsidy(rules, self.elder, date)),
            standing_order_id: self.standing_order_id,
        })
    }

    /// Checks and prices the meal on every date; the first refusal names its day.
    pub async fn for_dates(
        &self,
        pool: &Pool,
        dates: &[NaiveDate],
        now: DateTime<Utc>,
    ) -> AppResult<Vec<OrderForPlace>> {
        let rules = subsidy_rules(pool).await?;
        let mut orders = Vec::with_capacity(dates.len());
        for &date in dates {
            orders.push(self.for_date(pool, &rules, date, now).await?);
        }
        Ok(orders)
    }
}
