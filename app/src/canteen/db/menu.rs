//! Canteens, their published menus and the subsidy rules.

use crate::db::Pool;
use chrono::NaiveDate;

use crate::domain::age::AgeBand;
use crate::domain::elder::SubsidyCategory;
use crate::error::AppResult;

use crate::canteen::model::menu::{CanteenInfo, Meal, MenuRow};
use crate::canteen::rules::pricing::SubsidyRule;

/// Every canteen with its community.
pub async fn canteens(pool: &Pool) -> AppResult<Vec<CanteenInfo>> {
    let rows = sqlx::query_as!(
        CanteenInfo,
        r#"SELECT k.id AS "id!", k.name, k.address, k.opening_hours, c.name AS community, k.community_id
           FROM canteens k JOIN communities c ON c.id = k.community_id ORDER BY k.id"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// The published dishes of a canteen between two days (inclusive), by day and meal.
pub async fn published_menu(
    pool: &Pool,
    canteen_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<MenuRow>> {
    let rows = sqlx::query_as!(
        MenuRow,
        r#"SELECT m.date AS "date: NaiveDate", s.meal AS "meal: Meal", s.cutoff_time, d.name AS dish_name, d.is_set_meal AS "is_set_meal: bool",
                  d.price_fen, d.allergens, d.diet_tags
           FROM menu_items m
           JOIN meal_services s ON s.id = m.service_id
           JOIN dishes d ON d.id = m.dish_id
           WHERE s.canteen_id = $1 AND m.published = TRUE AND m.date BETWEEN $2 AND $3
           ORDER BY m.date, CASE s.meal WHEN 'lunch' THEN 0 ELSE 1 END, d.is_set_meal DESC, d.id"#,
        canteen_id,
        from,
        to
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// The subsidy rules the admin keeps.
pub async fn subsidy_rules(pool: &Pool) -> AppResult<Vec<SubsidyRule>> {
    let rows = sqlx::query!(
        r#"SELECT id AS "id!", age_band, subsidy_category, subsidy_fen FROM subsidy_rules ORDER BY id"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(SubsidyRule {
                id: r.id,
                age_band: AgeBand::from_code(&r.age_band)?,
                category: r
                    .subsidy_category
                    .as_deref()
                    .and_then(SubsidyCategory::from_code),
                subsidy_fen: r.subsidy_fen,
            })
        })
        .collect())
}
