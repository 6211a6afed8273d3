//! Placing orders. A meal service never sells more than its capacity: the count and the
//! insert happen in one `BEGIN IMMEDIATE` transaction, so concurrent orders queue for the
//! write lock instead of all reading the same count.

use crate::db::{Connection, Pool};
use chrono::NaiveDate;

use crate::canteen::model::order::Fulfilment;
use crate::canteen::rules::pricing::Quote;
use crate::db::{is_unique_violation, json_ids};
use crate::error::{AppError, AppResult};
use crate::i18n::message::EachLanguage;

pub struct OrderForPlace {
    pub elder_id: i64,
    pub service_id: i64,
    pub date: NaiveDate,
    pub fulfilment: Fulfilment,
    pub placed_by: i64,
    /// (dish, quantity, unit price in fen) as priced when the order was placed.
    pub lines: Vec<(i64, i64, i64)>,
    pub quote: Quote,
    pub standing_order_id: Option<i64>,
}

/// The Chinese text of [`full_message`], which tests without a request compare with.
pub const FULL_MESSAGE: &str = "这一餐已经订满了，请选择其他日期或餐次。";

/// The refusal when the service has no place left that day.
pub fn full_message() -> String {
    crate::tr!(
        "这一餐已经订满了，请选择其他日期或餐次。",
        "This meal is fully booked. Please choose another day or meal."
    )
}

/// A refusal of `insert_order` as it is stored for later readers, in each language.
pub fn stored_refusal(message: &str) -> EachLanguage {
    if message == full_message() {
        EachLanguage::of(full_message)
    } else if message == already_ordered_message() {
        EachLanguage::of(already_ordered_message)
    } else {
        EachLanguage {
            zh: message.to_string(),
            en: message.to_string(),
        }
    }
}

/// The refusal when the elder already has a live order for the meal.
pub fn already_ordered_message() -> String {
    crate::tr!(
        "这位长者这一餐已经订过了，可以在订单里修改。",
        "This elder already has an order for this meal. You can change it under your orders."
    )
}

/// Places the order if the service has a place left that day; returns the order's id.
pub async fn place_order(pool: &Pool, order: &OrderForPlace) -> AppResult<i64> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let order_id = insert_order(&mut tx, order).await?;
    tx.commit().await?;
    crate::figures::place("order", true);
    Ok(order_id)
}

/// Places several orders (one per date) all or none, first cancelling the order they replace
/// (an edit before the cutoff). A refusal names the day it concerns.
pub async fn place_orders(
    pool: &Pool,
    orders: &[OrderForPlace],
    replaces: Option<i64>,
) -> AppResult<Vec<i64>> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let ids = insert_all(&mut tx, orders, replaces).await?;
    tx.commit().await?;
    for _ in &ids {
        crate::figures::place("order", true);
    }
    Ok(ids)
}

/// The inserts of [`place_orders`] inside the caller's write transaction. On an error some
/// of them may have been written: the caller rolls back.
pub async fn insert_all(
    conn: &mut Connection,
    orders: &[OrderForPlace],
    replaces: Option<i64>,
) -> AppResult<Vec<i64>> {
    if let Some(old) = replaces {
        sqlx::query!(
            "UPDATE orders SET status = 'cancelled', status_changed_at = unixepoch() WHERE id = $1 AND status = 'placed'",
            old
        )
        .execute(&mut *conn)
        .await?;
    }
    let mut ids = Vec::with_capacity(orders.len());
    for order in orders {
        match insert_order(conn, order).await {
            Ok(id) => ids.push(id),
            Err(AppError::Conflict(message)) if orders.len() > 1 => {
                let day = crate::i18n::dates::day_label(order.date, crate::i18n::message_locale());
                return Err(AppError::conflict(crate::tr!(
                    "{day}：{message}",
                    "{day}: {message}"
                )));
            }
            Err(other) => return Err(other),
        }
    }
    Ok(ids)
}

/// Inserts one order inside the caller's write transaction, refusing it when the service is
/// full that day or the elder already has a live order for it. Two statements, whatever the
/// number of dishes: the order only if a place is left (the count and the insert in one
/// statement), then all its lines at once. A refusal (`Conflict`, `NotFound`) comes before
/// anything is written, so the transaction may go on with other orders.
pub async fn insert_order(conn: &mut Connection, order: &OrderForPlace) -> AppResult<i64> {
    let date = order.date;
    let fulfilment = order.fulfilment.code();
    let inserted = sqlx::query_scalar!(
        r#"INSERT INTO orders (elder_id, service_id, date, fulfilment, full_price_fen, subsidy_fen, pay_fen, placed_by, standing_order_id, status_changed_at)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, unixepoch()
           WHERE (SELECT s.capacity FROM meal_services s WHERE s.id = $2)
               > (SELECT count(*) FROM orders o
                  WHERE o.service_id = $2 AND o.date = $3 AND o.status <> 'cancelled')
           RETURNING id AS "id!: i64""#,
        order.elder_id,
        order.service_id,
        date,
        fulfilment,
        order.quote.full_price_fen,
        order.quote.subsidy_fen,
        order.quote.pay_fen,
        order.placed_by,
        order.standing_order_id
    )
    .fetch_optional(&mut *conn)
    .await;
    let order_id = match inserted {
        Ok(Some(id)) => id,
        Ok(None) => return Err(refusal(conn, order.service_id).await),
        Err(e) if is_unique_violation(&e) => {
            return Err(AppError::conflict(already_ordered_message()));
        }
        Err(e) => return Err(e.into()),
    };
    if !order.lines.is_empty() {
        let dishes = json_ids(order.lines.iter().map(|line| line.0));
        let quantities = json_ids(order.lines.iter().map(|line| line.1));
        let prices = json_ids(order.lines.iter().map(|line| line.2));
        sqlx::query!(
            "INSERT INTO order_lines (order_id, dish_id, quantity, unit_price_fen)
             SELECT $1, d.value, q.value, p.value
             FROM json_each($2) d JOIN json_each($3) q ON q.key = d.key JOIN json_each($4) p ON p.key = d.key",
            order_id,
            dishes,
            quantities,
            prices
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(order_id)
}

/// Why nothing was inserted: the service does not exist, or it is full that day.
async fn refusal(conn: &mut Connection, service_id: i64) -> AppError {
    let exists = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM meal_services WHERE id = $1) AS "exists!: bool""#,
        service_id
    )
    .fetch_one(&mut *conn)
    .await;
    match exists {
        Ok(true) => {
            crate::figures::place("order", false);
            AppError::conflict(full_message())
        }
        Ok(false) => AppError::NotFound,
        Err(e) => e.into(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_full_message_without_a_request_is_the_chinese_constant() {
        assert_eq!(super::full_message(), super::FULL_MESSAGE);
    }
}
