//! Storing what staff set up: meal services, dishes, the week's menu (saved as a draft or
//! published, or copied from the week before), and the subsidy rules.

use crate::db::{Connection, Pool};
use chrono::{Days, NaiveDate};
use std::collections::HashSet;

use crate::canteen::model::setup::{DishRow, ServiceRow};
use crate::canteen::rules::setup::DishForSave;
use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};

pub async fn update_canteen(pool: &Pool, canteen_id: i64, fields: &[String; 3]) -> AppResult<()> {
    let [name, address, hours] = fields;
    sqlx::query!(
        "UPDATE canteens SET name = $1, address = $2, opening_hours = $3 WHERE id = $4",
        name,
        address,
        hours,
        canteen_id
    )
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn services_of(pool: &Pool, canteen_id: i64) -> AppResult<Vec<ServiceRow>> {
    let rows = sqlx::query_as!(
        ServiceRow,
        r#"SELECT id AS "id!", meal, cutoff_time, serve_time, capacity FROM meal_services
           WHERE canteen_id = $1 ORDER BY CASE meal WHEN 'lunch' THEN 0 ELSE 1 END"#,
        canteen_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

pub async fn update_service(
    pool: &Pool,
    service_id: i64,
    (cutoff, serve, capacity): (String, String, i64),
) -> AppResult<()> {
    sqlx::query!(
        "UPDATE meal_services SET cutoff_time = $1, serve_time = $2, capacity = $3 WHERE id = $4",
        cutoff,
        serve,
        capacity,
        service_id
    )
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn dishes_of(pool: &Pool, canteen_id: i64) -> AppResult<Vec<DishRow>> {
    let rows = sqlx::query_as!(
        DishRow,
        r#"SELECT id AS "id!", name, is_set_meal AS "is_set_meal: bool", price_fen, allergens, diet_tags
           FROM dishes WHERE canteen_id = $1 ORDER BY is_set_meal DESC, id"#,
        canteen_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// Adds a dish (`dish_id` 0) or changes one of this canteen's. Orders keep the price they
/// were placed with.
pub async fn save_dish(
    pool: &Pool,
    canteen_id: i64,
    dish_id: i64,
    dish: &DishForSave,
) -> AppResult<()> {
    let saved = if dish_id == 0 {
        sqlx::query!(
            "INSERT INTO dishes (canteen_id, name, is_set_meal, price_fen, allergens, diet_tags) VALUES ($1, $2, $3, $4, $5, $6)",
            canteen_id,
            dish.name,
            dish.is_set_meal,
            dish.price_fen,
            dish.allergens,
            dish.diet_tags
        )
        .execute(pool)
        .await
    } else {
        sqlx::query!(
            "UPDATE dishes SET name = $1, is_set_meal = $2, price_fen = $3, allergens = $4, diet_tags = $5
             WHERE id = $6 AND canteen_id = $7",
            dish.name,
            dish.is_set_meal,
            dish.price_fen,
            dish.allergens,
            dish.diet_tags,
            dish_id,
            canteen_id
        )
        .execute(pool)
        .await
    };
    match saved {
        Ok(done) if done.rows_affected() == 0 => Err(AppError::NotFound),
        Ok(_) => Ok(()),
        Err(e) if is_unique_violation(&e) => Err(AppError::conflict(crate::tr!(
            "已经有一道叫“{}”的菜了。",
            "There is already a dish called “{}”.",
            dish.name
        ))),
        Err(e) => Err(e.into()),
    }
}

/// The week's menu items ("service:date:dish") and the (service, date) pairs published.
pub async fn week_items(
    pool: &Pool,
    canteen_id: i64,
    week: &[NaiveDate],
) -> AppResult<(Vec<String>, Vec<String>)> {
    let (first, last) = (week.first().copied(), week.last().copied());
    let rows = sqlx::query!(
        r#"SELECT m.service_id, m.date AS "date: NaiveDate", m.dish_id, m.published AS "published: bool"
           FROM menu_items m JOIN meal_services s ON s.id = m.service_id
           WHERE s.canteen_id = $1 AND m.date BETWEEN $2 AND $3"#,
        canteen_id,
        first,
        last
    )
    .fetch_all(pool)
    .await?;
    let items = rows
        .iter()
        .map(|r| format!("{}:{}:{}", r.service_id, r.date, r.dish_id))
        .collect();
    let mut published: Vec<String> = rows
        .iter()
        .filter(|r| r.published)
        .map(|r| format!("{}:{}", r.service_id, r.date))
        .collect();
    published.dedup();
    Ok((items, published))
}

/// Replaces the canteen's menu for the week with `items`, published or as a draft.
pub async fn save_week(
    pool: &Pool,
    canteen_id: i64,
    week: &[NaiveDate],
    items: &[(i64, NaiveDate, i64)],
    publish: bool,
) -> AppResult<()> {
    let (first, last) = (week.first().copied(), week.last().copied());
    let mut tx = crate::db::begin_immediate(pool).await?;
    sqlx::query!(
        "DELETE FROM menu_items WHERE date BETWEEN $1 AND $2
           AND service_id IN (SELECT id FROM meal_services WHERE canteen_id = $3)",
        first,
        last,
        canteen_id
    )
    .execute(&mut *tx)
    .await?;
    for (service_id, date, dish_id) in items {
        let inserted = sqlx::query!(
            "INSERT INTO menu_items (service_id, date, dish_id, published)
             SELECT s.id, $1, d.id, $2 FROM meal_services s JOIN dishes d ON d.canteen_id = s.canteen_id
             WHERE s.id = $3 AND d.id = $4 AND s.canteen_id = $5",
            date,
            publish,
            service_id,
            dish_id,
            canteen_id
        )
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Err(AppError::invalid(crate::tr!(
                "菜单里有不属于这个食堂的菜或餐次。",
                "The menu has a dish or meal that does not belong to this canteen."
            )));
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Copies last week's menu into the week starting on `monday` as a draft, for the days (of a
/// service) that have none yet. Returns how many items were copied.
pub async fn copy_previous_week(pool: &Pool, canteen_id: i64, monday: NaiveDate) -> AppResult<u64> {
    let week = Days::new(7);
    let sunday = monday + Days::new(6);
    let mut tx = crate::db::begin_immediate(pool).await?;
    let planned: HashSet<(i64, NaiveDate)> = menu_between(&mut tx, canteen_id, monday, sunday)
        .await?
        .into_iter()
        .map(|(service, date, _)| (service, date))
        .collect();
    let previous = menu_between(&mut tx, canteen_id, monday - week, sunday - week).await?;
    let mut copied = 0;
    for (service_id, last_week, dish_id) in previous {
        let date = last_week + week;
        if planned.contains(&(service_id, date)) {
            continue;
        }
        copied += sqlx::query!(
            "INSERT INTO menu_items (service_id, date, dish_id, published) VALUES ($1, $2, $3, FALSE)
             ON CONFLICT DO NOTHING",
            service_id,
            date,
            dish_id
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    if copied == 0 {
        return Err(AppError::conflict(crate::tr!(
            "上周没有可以复制的菜单，或本周每天都已经排好了。",
            "There is no menu from last week to copy, or every day of this week already has one."
        )));
    }
    tx.commit().await?;
    Ok(copied)
}

/// The canteen's menu items (service, date, dish) between two days, drafts included.
async fn menu_between(
    conn: &mut Connection,
    canteen_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<(i64, NaiveDate, i64)>> {
    let rows = sqlx::query!(
        r#"SELECT m.service_id, m.date AS "date: NaiveDate", m.dish_id
           FROM menu_items m JOIN meal_services s ON s.id = m.service_id
           WHERE s.canteen_id = $1 AND m.date BETWEEN $2 AND $3"#,
        canteen_id,
        from,
        to
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.service_id, r.date, r.dish_id))
        .collect())
}

pub async fn add_subsidy_rule(
    pool: &Pool,
    actor: i64,
    age_band: &str,
    category: Option<&str>,
    subsidy_fen: i64,
) -> AppResult<()> {
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "INSERT INTO subsidy_rules (age_band, subsidy_category, subsidy_fen) VALUES ($1, $2, $3)",
        age_band,
        category,
        subsidy_fen
    )
    .execute(&mut *tx)
    .await?;
    let band = crate::domain::age::AgeBand::from_code(age_band);
    let category = category.and_then(crate::domain::elder::SubsidyCategory::from_code);
    let yuan = crate::canteen::rules::pricing::yuan(subsidy_fen);
    let detail = crate::tr_each!(locale =>
        "新增补贴规则：{}，{}，每餐补贴 {}",
        "Subsidy rule added: {}, {}, {} a meal",
        band.map_or(age_band, |b| b.label_in(locale)),
        category.map_or(crate::tr!(locale => "所有类别", "every category"), |c| c.label_in(locale).to_string()),
        yuan
    );
    crate::db::record_audit(&mut tx, actor, "add_subsidy_rule", &detail).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete_subsidy_rule(pool: &Pool, actor: i64, rule_id: i64) -> AppResult<()> {
    let mut tx = pool.begin().await?;
    let done = sqlx::query!("DELETE FROM subsidy_rules WHERE id = $1", rule_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    let detail = crate::tr_each!("删除补贴规则 #{rule_id}", "Subsidy rule #{rule_id} removed");
    crate::db::record_audit(&mut tx, actor, "delete_subsidy_rule", &detail).await?;
    tx.commit().await?;
    Ok(())
}
