//! Where the orders of an event belong, read after the change has been committed.

use crate::db::Pool;
use chrono::NaiveDate;

use crate::canteen::model::order::OrderStatus;
use crate::db::json_ids;
use crate::error::AppResult;
use crate::live::model::{LiveEvent, LiveKind};

/// One event of `kind` for each of `order_ids` that exists, with its elder, service, canteen,
/// community, day and current status.
pub async fn order_events(
    pool: &Pool,
    kind: LiveKind,
    order_ids: &[i64],
) -> AppResult<Vec<LiveEvent>> {
    let ids = json_ids(order_ids.iter().copied());
    let rows = sqlx::query!(
        r#"SELECT o.id AS "order_id!: i64", o.elder_id, o.service_id, s.canteen_id, k.community_id,
                  o.date AS "date: NaiveDate", o.status AS "status: OrderStatus"
           FROM orders o
           JOIN meal_services s ON s.id = o.service_id
           JOIN canteens k ON k.id = s.canteen_id
           WHERE o.id IN (SELECT value FROM json_each($1))
           ORDER BY o.id"#,
        ids
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| LiveEvent {
            kind,
            order_id: r.order_id,
            elder_id: r.elder_id,
            service_id: r.service_id,
            canteen_id: r.canteen_id,
            community_id: r.community_id,
            date: r.date,
            status: r.status,
        })
        .collect())
}
