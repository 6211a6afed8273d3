//! The "今天" strip: today's orders by meal and where today's deliveries stand.

use crate::db::Pool;
use chrono::NaiveDate;

use crate::canteen::model::menu::Meal;
use crate::dashboard::db::DashboardScope;
use crate::dashboard::model::{MealOrders, TodayFigures};
use crate::error::AppResult;

pub async fn today(
    pool: &Pool,
    scope: &DashboardScope,
    date: NaiveDate,
) -> AppResult<TodayFigures> {
    let communities = scope.json();
    let ordered = sqlx::query!(
        r#"SELECT s.meal AS "meal!: Meal", count(*) AS "orders!: i64"
           FROM orders o JOIN meal_services s ON s.id = o.service_id
           WHERE o.service_id IN (SELECT s2.id FROM meal_services s2 JOIN canteens k ON k.id = s2.canteen_id
                                  WHERE k.community_id IN (SELECT value FROM json_each($1)))
             AND o.date = $2 AND o.status <> 'cancelled'
           GROUP BY s.meal"#,
        communities,
        date
    )
    .fetch_all(pool)
    .await?;
    let deliveries = sqlx::query!(
        r#"SELECT count(*) FILTER (WHERE o.status = 'delivered') AS "delivered!: i64",
                  count(*) FILTER (WHERE o.status = 'out_for_delivery') AS "out_for_delivery!: i64",
                  count(*) FILTER (WHERE o.status = 'no_answer') AS "no_answer!: i64"
           FROM orders o
           WHERE o.service_id IN (SELECT s.id FROM meal_services s JOIN canteens k ON k.id = s.canteen_id
                                  WHERE k.community_id IN (SELECT value FROM json_each($1)))
             AND o.date = $2 AND o.fulfilment = 'delivery'"#,
        communities,
        date
    )
    .fetch_one(pool)
    .await?;
    let ordered = Meal::ALL
        .iter()
        .map(|&meal| MealOrders {
            meal,
            orders: ordered
                .iter()
                .find(|r| r.meal == meal)
                .map_or(0, |r| r.orders),
        })
        .collect();
    Ok(TodayFigures {
        date,
        ordered,
        delivered: deliveries.delivered,
        out_for_delivery: deliveries.out_for_delivery,
        no_answer: deliveries.no_answer,
    })
}
