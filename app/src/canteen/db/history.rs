//! Orders after they are placed: the history a family sees, changing or cancelling before
//! the cutoff, rating after the meal, and the weekly standing orders.

use crate::db::Pool;
use chrono::{NaiveDate, Utc};

use crate::canteen::model::history::{OrderView, StandingView};
use crate::canteen::model::menu::Meal;
use crate::canteen::model::order::{Fulfilment, OrderStatus};
use crate::canteen::rules::cutoff::{check_cutoff, parse_time};
use crate::canteen::rules::order::weekdays_from_code;
use crate::db::{dish_lines, json_ids, LINE_SEPARATOR};
use crate::error::{AppError, AppResult};
use crate::ui::prefs::Locale;

/// An order the caller may still change, with what the edit form starts from.
pub struct OwnedOrder {
    pub elder_id: i64,
    pub service_id: i64,
    pub date: NaiveDate,
    pub lines: Vec<String>,
    pub fulfilment: String,
}

struct OrderHead {
    elder_id: i64,
    service_id: i64,
    date: NaiveDate,
    status: String,
    fulfilment: String,
    cutoff_time: String,
}

async fn head(pool: &Pool, order_id: i64) -> AppResult<OrderHead> {
    sqlx::query_as!(
        OrderHead,
        r#"SELECT o.elder_id, o.service_id, o.date AS "date: NaiveDate", o.status, o.fulfilment,
                  s.cutoff_time
           FROM orders o JOIN meal_services s ON s.id = o.service_id WHERE o.id = $1"#,
        order_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// The elder an order is for (`NotFound` when there is no such order).
pub async fn elder_of_order(pool: &Pool, order_id: i64) -> AppResult<i64> {
    sqlx::query_scalar!("SELECT elder_id FROM orders WHERE id = $1", order_id)
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)
}

fn check_changeable(head: &OrderHead) -> AppResult<()> {
    if head.status != OrderStatus::Placed.code() {
        return Err(AppError::conflict(crate::tr!(
            "这份订单已经开始制作或已取消，不能再修改。",
            "This order is already being cooked or has been cancelled, so it can no longer be changed."
        )));
    }
    let cutoff = parse_time(&head.cutoff_time)
        .ok_or_else(|| AppError::internal("stored cutoff time", &head.cutoff_time))?;
    check_cutoff(head.date, cutoff, Utc::now())
}

/// The order, if it is still before the cutoff (the caller's access is checked by
/// `canteen::policy::require_order_access`).
pub async fn order_for_change(pool: &Pool, order_id: i64) -> AppResult<OwnedOrder> {
    let head = head(pool, order_id).await?;
    check_changeable(&head)?;
    let lines = sqlx::query!(
        "SELECT dish_id, quantity FROM order_lines WHERE order_id = $1",
        order_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|l| format!("{}:{}", l.dish_id, l.quantity))
    .collect();
    Ok(OwnedOrder {
        elder_id: head.elder_id,
        service_id: head.service_id,
        date: head.date,
        lines,
        fulfilment: head.fulfilment,
    })
}

pub async fn cancel(pool: &Pool, order_id: i64) -> AppResult<()> {
    let head = head(pool, order_id).await?;
    check_changeable(&head)?;
    let done = sqlx::query!(
        "UPDATE orders SET status = 'cancelled', status_changed_at = unixepoch() WHERE id = $1 AND status = 'placed'",
        order_id
    )
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::conflict(crate::tr!(
            "这份订单已经开始制作，不能再取消。",
            "This order is already being cooked, so it can no longer be cancelled."
        )));
    }
    Ok(())
}

/// Rates a delivered meal once (stars and comment checked by `domain::rating::parse_rating`).
pub async fn rate(pool: &Pool, order_id: i64, stars: i64, comment: &str) -> AppResult<()> {
    let head = head(pool, order_id).await?;
    if head.status != OrderStatus::Delivered.code() {
        return Err(AppError::conflict(crate::tr!(
            "送达或取餐之后才能评价。",
            "A meal can be rated once it has been delivered or collected."
        )));
    }
    let done = sqlx::query!(
        "UPDATE orders SET rating = $1, rating_comment = $2 WHERE id = $3 AND rating IS NULL",
        stars,
        comment,
        order_id
    )
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::conflict(crate::tr!(
            "这份订单已经评价过了。",
            "This order has already been rated."
        )));
    }
    Ok(())
}

struct OrderRow {
    id: i64,
    elder_id: i64,
    service_id: i64,
    elder_name: String,
    date: NaiveDate,
    meal: Meal,
    canteen_name: String,
    fulfilment: Fulfilment,
    status: OrderStatus,
    cutoff_time: String,
    full_price_fen: i64,
    subsidy_fen: i64,
    pay_fen: i64,
    rating: Option<i64>,
    rating_comment: String,
    lines: String,
}

/// The orders of `elder_ids` from 30 days ago on, the latest meal first.
pub async fn list(pool: &Pool, elder_ids: &[i64]) -> AppResult<Vec<OrderView>> {
    let ids = json_ids(elder_ids.iter().copied());
    let since = crate::clock::today_in_shanghai() - chrono::Days::new(30);
    let rows = sqlx::query_as!(
        OrderRow,
        r#"SELECT o.id AS "id!", o.elder_id, o.service_id, e.name AS elder_name,
                  o.date AS "date: NaiveDate", s.meal AS "meal: Meal", k.name AS canteen_name,
                  o.fulfilment AS "fulfilment: Fulfilment", o.status AS "status: OrderStatus", s.cutoff_time, o.full_price_fen, o.subsidy_fen, o.pay_fen,
                  o.rating, o.rating_comment,
                  coalesce((SELECT string_agg(d.name || '×' || l.quantity, $3)
                     FROM order_lines l JOIN dishes d ON d.id = l.dish_id WHERE l.order_id = o.id), '') AS "lines!: String"
           FROM orders o
           JOIN elders e ON e.id = o.elder_id
           JOIN meal_services s ON s.id = o.service_id
           JOIN canteens k ON k.id = s.canteen_id
           WHERE o.elder_id IN (SELECT value FROM json_each($1)) AND o.date >= $2
           ORDER BY o.date DESC, CASE s.meal WHEN 'lunch' THEN 0 ELSE 1 END, e.name, o.id DESC"#,
        ids,
        since,
        LINE_SEPARATOR
    )
    .fetch_all(pool)
    .await?;
    let now = Utc::now();
    Ok(rows.into_iter().map(|r| order_view(r, now)).collect())
}

fn order_view(r: OrderRow, now: chrono::DateTime<Utc>) -> OrderView {
    let status = r.status;
    let before_cutoff = parse_time(&r.cutoff_time)
        .is_some_and(|cutoff| crate::canteen::rules::cutoff::before_cutoff(r.date, cutoff, now));
    OrderView {
        id: r.id,
        elder_id: r.elder_id,
        service_id: r.service_id,
        elder_name: r.elder_name,
        date: r.date,
        canteen: r.canteen_name,
        meal: r.meal,
        lines: dish_lines(&r.lines),
        fulfilment: r.fulfilment,
        status,
        full_price_fen: r.full_price_fen,
        subsidy_fen: r.subsidy_fen,
        pay_fen: r.pay_fen,
        can_change: status == OrderStatus::Placed && before_cutoff,
        can_rate: status == OrderStatus::Delivered && r.rating.is_none(),
        rating: r.rating,
        rating_comment: r.rating_comment,
    }
}

/// The standing orders of `elder_ids` that have not been stopped, with the problems of the
/// last week in `locale`.
pub async fn standing_list(
    pool: &Pool,
    elder_ids: &[i64],
    locale: Locale,
) -> AppResult<Vec<StandingView>> {
    let ids = json_ids(elder_ids.iter().copied());
    let english = locale == Locale::En;
    let week_ago = crate::clock::today_in_shanghai() - chrono::Days::new(7);
    let rows = sqlx::query!(
        r#"SELECT t.id AS "id!", e.name AS elder_name, s.meal AS "meal: Meal", k.name AS canteen_name,
                  t.weekdays, t.fulfilment AS "fulfilment: Fulfilment", t.paused AS "paused: bool",
                  coalesce((SELECT string_agg(d.name || '×' || l.quantity, $3)
                     FROM standing_order_lines l JOIN dishes d ON d.id = l.dish_id
                     WHERE l.standing_order_id = t.id), '') AS "lines!: String",
                  (SELECT string_agg(r.date || ' ' ||
                            CASE WHEN $2 AND r.problem_en <> '' THEN r.problem_en ELSE r.problem END,
                            CASE WHEN $2 THEN '; ' ELSE '；' END)
                     FROM standing_order_runs r
                     WHERE r.standing_order_id = t.id AND r.problem <> '' AND r.date >= $4) AS "problems: String"
           FROM standing_orders t
           JOIN elders e ON e.id = t.elder_id
           JOIN meal_services s ON s.id = t.service_id
           JOIN canteens k ON k.id = s.canteen_id
           WHERE t.ended = FALSE AND t.elder_id IN (SELECT value FROM json_each($1))
           ORDER BY e.name, t.id"#,
        ids,
        english,
        LINE_SEPARATOR,
        week_ago
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| StandingView {
            id: r.id,
            elder_name: r.elder_name,
            canteen: r.canteen_name,
            meal: r.meal,
            weekdays: weekdays_from_code(&r.weekdays),
            lines: dish_lines(&r.lines),
            fulfilment: r.fulfilment,
            paused: r.paused,
            problems: r.problems.unwrap_or_default(),
        })
        .collect())
}
