//! The kitchen's view of one service on one day: how many of each dish, split by dine-in,
//! pick-up and delivery; the orders with special diets or allergies; and moving orders on
//! through cooking → ready → out for delivery.

use crate::db::Pool;
use chrono::NaiveDate;

use crate::canteen::db::order_draft::ServiceInfo;
use crate::canteen::model::kitchen::{DishCount, PrepSheet, SpecialOrder, StatusCount};
use crate::canteen::model::order::{Fulfilment, OrderStatus};
use crate::db::{dish_lines, LINE_SEPARATOR};
use crate::domain::elder::{split_codes, Allergen, DietNeed};
use crate::error::{AppError, AppResult};

struct LineRow {
    dish_name: String,
    fulfilment: String,
    portions: i64,
}

struct SpecialRow {
    id: i64,
    elder_name: String,
    fulfilment: Fulfilment,
    diet_needs: String,
    allergies: String,
    notes: String,
    lines: String,
}

/// Counts per dish (set meals first) and the live orders' statuses.
pub async fn prep_sheet(
    pool: &Pool,
    service: &ServiceInfo,
    date: NaiveDate,
) -> AppResult<PrepSheet> {
    let lines = sqlx::query_as!(
        LineRow,
        r#"SELECT d.name AS dish_name, o.fulfilment, CAST(sum(l.quantity) AS BIGINT) AS "portions!: i64"
           FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN dishes d ON d.id = l.dish_id
           WHERE o.service_id = $1 AND o.date = $2 AND o.status <> 'cancelled'
           GROUP BY d.id, o.fulfilment
           ORDER BY d.is_set_meal DESC, d.id"#,
        service.id,
        date
    )
    .fetch_all(pool)
    .await?;
    let mut counts: Vec<DishCount> = Vec::new();
    for line in lines {
        let at = match counts.iter().position(|c| c.dish == line.dish_name) {
            Some(at) => at,
            None => {
                counts.push(DishCount {
                    dish: line.dish_name.clone(),
                    ..Default::default()
                });
                counts.len() - 1
            }
        };
        let count = &mut counts[at];
        count.total += line.portions;
        match Fulfilment::from_code(&line.fulfilment) {
            Some(Fulfilment::DineIn) => count.dine_in += line.portions,
            Some(Fulfilment::Pickup) => count.pickup += line.portions,
            Some(Fulfilment::Delivery) => count.delivery += line.portions,
            None => {}
        }
    }
    let statuses = sqlx::query!(
        r#"SELECT status, count(*) AS "n!: i64" FROM orders
           WHERE service_id = $1 AND date = $2 AND status <> 'cancelled' GROUP BY status"#,
        service.id,
        date
    )
    .fetch_all(pool)
    .await?;
    let by_status = OrderStatus::ALL
        .iter()
        .filter_map(|status| {
            let n = statuses.iter().find(|r| r.status == status.code())?.n;
            Some(StatusCount {
                status: *status,
                count: n,
            })
        })
        .collect();
    let special = sqlx::query_as!(
        SpecialRow,
        r#"SELECT o.id AS "id!", e.name AS elder_name, o.fulfilment AS "fulfilment: Fulfilment",
                  e.diet_needs, e.allergies, e.notes,
                  coalesce((SELECT string_agg(d.name || '×' || l.quantity, $3)
                     FROM order_lines l JOIN dishes d ON d.id = l.dish_id WHERE l.order_id = o.id), '') AS "lines!: String"
           FROM orders o JOIN elders e ON e.id = o.elder_id
           WHERE o.service_id = $1 AND o.date = $2 AND o.status <> 'cancelled'
             AND (e.diet_needs <> '' OR e.allergies <> '')
           ORDER BY e.name"#,
        service.id,
        date,
        LINE_SEPARATOR
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(special_order)
    .collect();
    let orders_total = statuses.iter().map(|r| r.n).sum();
    Ok(PrepSheet {
        service_id: service.id,
        canteen_id: service.canteen_id,
        canteen: service.canteen_name.clone(),
        meal: service.meal_kind()?,
        date,
        orders_total,
        counts,
        by_status,
        special,
    })
}

fn special_order(row: SpecialRow) -> SpecialOrder {
    SpecialOrder {
        order_id: row.id,
        elder_name: row.elder_name,
        fulfilment: row.fulfilment,
        lines: dish_lines(&row.lines),
        diet_needs: split_codes(&row.diet_needs, DietNeed::from_code),
        allergies: split_codes(&row.allergies, Allergen::from_code),
        notes: row.notes,
    }
}

/// Moves every live order of the service and day that is at `from` one step on (per way of
/// serving: a ready delivery goes out, a ready canteen meal is collected). Returns how many.
pub async fn advance(
    pool: &Pool,
    service_id: i64,
    date: NaiveDate,
    from: OrderStatus,
) -> AppResult<u64> {
    let moved = advance_listing(pool, service_id, date, from).await?;
    Ok(moved.len() as u64)
}

/// [`advance`], returning the ids of the orders moved on.
pub async fn advance_listing(
    pool: &Pool,
    service_id: i64,
    date: NaiveDate,
    from: OrderStatus,
) -> AppResult<Vec<i64>> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let mut moved = Vec::new();
    for &fulfilment in Fulfilment::ALL {
        let Some(next) = from.next(fulfilment) else {
            continue;
        };
        let (from_code, next_code, way) = (from.code(), next.code(), fulfilment.code());
        moved.extend(
            sqlx::query_scalar!(
                r#"UPDATE orders SET status = $1, status_changed_at = unixepoch()
                   WHERE service_id = $2 AND date = $3 AND status = $4 AND fulfilment = $5
                   RETURNING id AS "id!: i64""#,
                next_code,
                service_id,
                date,
                from_code,
                way
            )
            .fetch_all(&mut *tx)
            .await?,
        );
    }
    tx.commit().await?;
    if moved.is_empty() {
        return Err(AppError::conflict(crate::tr!(
            "没有处于这个状态的订单。",
            "There are no orders at this status."
        )));
    }
    Ok(moved)
}
