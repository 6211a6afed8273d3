//! Database tests for canteen orders, above all that a service never oversells.

use crate::fixtures::{all_at_once, count, racing_pool};
use app::canteen::db::order::{place_order, OrderForPlace, FULL_MESSAGE};
use app::canteen::model::order::Fulfilment;
use app::canteen::rules::pricing::Quote;
use app::error::AppError;
use chrono::NaiveDate;

use app::db::Pool;

const QUOTE: Quote = Quote {
    full_price_fen: 1500,
    subsidy_fen: 800,
    pay_fen: 700,
};

/// A canteen in 十九街社区 with one lunch service of `capacity` places, a set meal, a family
/// account and `elders` elders; returns the elders' ids.
pub async fn canteen_with(pool: &Pool, capacity: i64, elders: usize) -> Vec<i64> {
    sqlx::query("INSERT INTO users (id, phone, display_name, password_hash) VALUES (1, '13800138000', '李军', 'x')")
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO canteens (id, community_id, name, address) VALUES (1, 7, '十九街社区幸福食堂', '十九街')")
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO meal_services (id, canteen_id, meal, cutoff_time, serve_time, capacity) VALUES (1, 1, 'lunch', '09:30', '11:30', $1)")
        .bind(capacity)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO dishes (id, canteen_id, name, is_set_meal, price_fen) VALUES (1, 1, '敬老套餐', TRUE, 1500)")
        .execute(pool)
        .await
        .unwrap();
    let mut ids = Vec::new();
    for i in 0..elders {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO elders (name, birth_date, community_id, building, room, created_by)
             VALUES ($1, '1944-03-08', 7, '12栋', $2, 1) RETURNING id",
        )
        .bind(format!("长者{i}"))
        .bind(format!("{}", 100 + i))
        .fetch_one(pool)
        .await
        .unwrap();
        ids.push(id);
    }
    crate::fixtures::numbered_after_fixtures(pool).await;
    ids
}

pub fn order(elder_id: i64) -> OrderForPlace {
    OrderForPlace {
        elder_id,
        service_id: 1,
        date: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        fulfilment: Fulfilment::Delivery,
        placed_by: 1,
        lines: vec![(1, 1, 1500)],
        quote: QUOTE,
        standing_order_id: None,
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_order_keeps_the_price_and_subsidy_it_was_placed_with(pool: Pool) {
    let elders = canteen_with(&pool, 10, 1).await;
    let id = place_order(&pool, &order(elders[0])).await.unwrap();
    let (pay, subsidy): (i64, i64) =
        sqlx::query_as("SELECT pay_fen, subsidy_fen FROM orders WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((pay, subsidy), (700, 800));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_same_elder_cannot_order_the_same_meal_twice(pool: Pool) {
    let elders = canteen_with(&pool, 10, 1).await;
    place_order(&pool, &order(elders[0])).await.unwrap();
    let again = place_order(&pool, &order(elders[0])).await.unwrap_err();
    assert!(again.to_string().contains("已经订过了"));
    let lines = count(&pool, "SELECT count(*) FROM order_lines").await;
    assert_eq!(lines, 1, "the refused order left nothing behind");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn two_hundred_families_racing_for_the_last_thirty_places_get_exactly_thirty(
    test_pool: Pool,
) {
    let pool = racing_pool(&test_pool).await;
    let elders = canteen_with(&pool, 30, 200).await;
    let outcomes = all_at_once(&pool, elders, |pool, elder| async move {
        place_order(&pool, &order(elder)).await
    })
    .await;
    let (mut placed, mut full) = (0, 0);
    for outcome in outcomes {
        match outcome {
            Ok(_) => placed += 1,
            Err(AppError::Conflict(message)) if message == FULL_MESSAGE => full += 1,
            Err(other) => panic!("unexpected error: {other:?}"),
        }
    }
    assert_eq!((placed, full), (30, 170));
    let stored = count(&pool, "SELECT count(*) FROM orders").await;
    assert_eq!(stored, 30);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_cancelled_order_frees_its_place(pool: Pool) {
    let elders = canteen_with(&pool, 1, 2).await;
    let first = place_order(&pool, &order(elders[0])).await.unwrap();
    assert!(place_order(&pool, &order(elders[1])).await.is_err());
    sqlx::query("UPDATE orders SET status = 'cancelled' WHERE id = $1")
        .bind(first)
        .execute(&pool)
        .await
        .unwrap();
    place_order(&pool, &order(elders[1])).await.unwrap();
}
