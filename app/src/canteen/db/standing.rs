//! Weekly standing orders (e.g. Mon–Fri lunch) and the job that turns them into concrete
//! orders for each date in the window. Each (standing order, date) is dealt with once: the
//! job records it in the same transaction as the order, so running twice — or twice at
//! once — changes nothing, and a meal the family cancelled is not ordered again.

use crate::db::Pool;
use chrono::{DateTime, NaiveDate, Utc};

use crate::canteen::db::order::{already_ordered_message, insert_order, stored_refusal};

use crate::canteen::db::menu::subsidy_rules;
use crate::canteen::db::order_draft::{service_info, OrderDraft};
use crate::canteen::model::menu::Meal;
use crate::canteen::model::order::Fulfilment;
use crate::canteen::rules::order::{dates_on_weekdays, weekdays_code, weekdays_from_code};
use crate::error::{AppError, AppResult};
use crate::household::db::{find_elders, ElderFilter};
use crate::i18n::dates::day_label;

/// How many days ahead standing orders are turned into orders, today included.
pub const STANDING_WINDOW_DAYS: u64 = 7;

pub struct NewStandingOrder<'a> {
    pub elder_id: i64,
    pub service_id: i64,
    pub weekdays: &'a [u32],
    pub fulfilment: Fulfilment,
    pub lines: &'a [(i64, i64)],
    pub created_by: i64,
}

pub async fn create(pool: &Pool, new: &NewStandingOrder<'_>) -> AppResult<i64> {
    let mut tx = pool.begin().await?;
    let weekdays = weekdays_code(new.weekdays);
    let fulfilment = new.fulfilment.code();
    let id = sqlx::query_scalar!(
        r#"INSERT INTO standing_orders (elder_id, service_id, weekdays, fulfilment, created_by) VALUES ($1, $2, $3, $4, $5)
           RETURNING id AS "id!: i64""#,
        new.elder_id,
        new.service_id,
        weekdays,
        fulfilment,
        new.created_by
    )
    .fetch_one(&mut *tx)
    .await?;
    for (dish_id, quantity) in new.lines {
        sqlx::query!(
            "INSERT INTO standing_order_lines (standing_order_id, dish_id, quantity) VALUES ($1, $2, $3)",
            id,
            dish_id,
            quantity
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Pauses or resumes a standing order.
pub async fn set_paused(pool: &Pool, id: i64, paused: bool) -> AppResult<()> {
    sqlx::query!(
        "UPDATE standing_orders SET paused = $1 WHERE id = $2 AND ended = FALSE",
        paused,
        id
    )
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn end(pool: &Pool, id: i64) -> AppResult<()> {
    sqlx::query!("UPDATE standing_orders SET ended = TRUE WHERE id = $1", id)
        .execute(pool)
        .await?;
    Ok(())
}

/// The elder a standing order is for, to check the caller may change it.
pub async fn elder_of(pool: &Pool, id: i64) -> AppResult<i64> {
    sqlx::query_scalar!("SELECT elder_id FROM standing_orders WHERE id = $1", id)
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)
}

struct ActiveStanding {
    id: i64,
    elder_id: i64,
    service_id: i64,
    weekdays: String,
    fulfilment: String,
    created_by: i64,
}

/// What one run of the job did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RunSummary {
    pub placed: usize,
    pub refused: usize,
}

/// Places the orders that active standing orders call for from `today` through the window.
/// Dates whose cutoff has passed, or whose menu is not published yet, are left for later.
pub async fn run(
    pool: &Pool,
    today: NaiveDate,
    now: DateTime<Utc>,
    only: Option<i64>,
) -> AppResult<RunSummary> {
    Ok(run_listing(pool, today, now, only).await?.0)
}

/// [`run`], also returning the ids of the orders it placed.
pub async fn run_listing(
    pool: &Pool,
    today: NaiveDate,
    now: DateTime<Utc>,
    only: Option<i64>,
) -> AppResult<(RunSummary, Vec<i64>)> {
    let active = sqlx::query_as!(
        ActiveStanding,
        r#"SELECT id AS "id!", elder_id, service_id, weekdays, fulfilment, created_by
           FROM standing_orders WHERE paused = FALSE AND ended = FALSE AND (CAST($1 AS BIGINT) IS NULL OR id = $1)"#,
        only
    )
    .fetch_all(pool)
    .await?;
    let rules = subsidy_rules(pool).await?;
    let mut summary = RunSummary::default();
    let mut placed = Vec::new();
    for standing in active {
        let lines = sqlx::query!(
            "SELECT dish_id, quantity FROM standing_order_lines WHERE standing_order_id = $1",
            standing.id
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|l| (l.dish_id, l.quantity))
        .collect::<Vec<_>>();
        let filter = ElderFilter {
            elder_id: Some(standing.elder_id),
            ..Default::default()
        };
        let Some(elder) = find_elders(pool, filter, standing.created_by, today)
            .await?
            .pop()
        else {
            continue;
        };
        let service = service_info(pool, standing.service_id).await?;
        let draft = OrderDraft {
            elder: &elder,
            service: &service,
            lines: &lines,
            fulfilment: Fulfilment::from_code(&standing.fulfilment).unwrap_or(Fulfilment::DineIn),
            placed_by: standing.created_by,
            standing_order_id: Some(standing.id),
        };
        let weekdays = weekdays_from_code(&standing.weekdays);
        for date in dates_on_weekdays(&weekdays, today, STANDING_WINDOW_DAYS) {
            if already_run(pool, standing.id, date).await? {
                continue;
            }
            let order = match draft.for_date(pool, &rules, date, now).await {
                Ok(order) => Some(order),
                // The cutoff has passed or the menu is not out yet: nothing to record.
                Err(AppError::Conflict(_)) | Err(AppError::Invalid(_)) => None,
                Err(other) => return Err(other),
            };
            let Some(order) = order else { continue };
            let mut tx = crate::db::begin_immediate(pool).await?;
            let claimed = sqlx::query!(
                "INSERT INTO standing_order_runs (standing_order_id, date) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                standing.id,
                date
            )
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if claimed == 0 {
                continue;
            }
            match insert_order(&mut tx, &order).await {
                Ok(order_id) => {
                    sqlx::query!(
                        "UPDATE standing_order_runs SET order_id = $1 WHERE standing_order_id = $2 AND date = $3",
                        order_id,
                        standing.id,
                        date
                    )
                    .execute(&mut *tx)
                    .await?;
                    summary.placed += 1;
                    placed.push(order_id);
                }
                Err(AppError::Conflict(refusal)) => {
                    let problem = stored_refusal(&refusal);
                    sqlx::query!(
                        "UPDATE standing_order_runs SET problem = $1, problem_en = $2
                         WHERE standing_order_id = $3 AND date = $4",
                        problem.zh,
                        problem.en,
                        standing.id,
                        date
                    )
                    .execute(&mut *tx)
                    .await?;
                    let meal = Meal::from_code(&service.meal);
                    let message = crate::tr_each!(locale =>
                        "{}的每周订餐：{}{}未能下单——{}",
                        "{}'s weekly order: {} {} could not be ordered. {}",
                        elder.name,
                        day_label(date, locale),
                        meal.map_or("", |m| m.label_in(locale)),
                        problem.text(locale)
                    );
                    if refusal != already_ordered_message() {
                        crate::notify::db::notify(
                            &mut tx,
                            standing.created_by,
                            &message,
                            "/canteen/orders",
                        )
                        .await?;
                    }
                    summary.refused += 1;
                }
                Err(other) => return Err(other),
            }
            tx.commit().await?;
        }
    }
    Ok((summary, placed))
}

async fn already_run(pool: &Pool, standing_id: i64, date: NaiveDate) -> AppResult<bool> {
    let found = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM standing_order_runs WHERE standing_order_id = $1 AND date = $2"#,
        standing_id,
        date
    )
    .fetch_one(pool)
    .await?;
    Ok(found > 0)
}
