//! Meal orders placed through the group-commit queue: each order's outcome is what it would
//! be alone, whatever else shares its transaction.

use app::canteen::db::order::{place_order, OrderForPlace, FULL_MESSAGE};
use app::canteen::db::order_queue::OrderQueue;
use app::db::Pool;
use app::error::AppError;
use chrono::NaiveDate;

use crate::canteen::{canteen_with, order};
use crate::fixtures::{all_at_once, racing_pool};

fn on(elder_id: i64, day: u32) -> OrderForPlace {
    OrderForPlace {
        date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        ..order(elder_id)
    }
}

async fn stored(pool: &Pool, sql: &str) -> Vec<i64> {
    sqlx::query_scalar(sql).fetch_all(pool).await.unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn two_hundred_families_through_the_queue_get_exactly_thirty(test_pool: Pool) {
    let pool = racing_pool(&test_pool).await;
    let elders = canteen_with(&pool, 30, 200).await;
    let queue = OrderQueue::start(pool.clone());
    let outcomes = all_at_once(&queue, elders, |queue, elder| async move {
        queue.place(vec![order(elder)], None).await
    })
    .await;
    let (mut placed, mut full) = (0, 0);
    for outcome in outcomes {
        match outcome {
            Ok(ids) => placed += ids.len(),
            Err(AppError::Conflict(message)) if message == FULL_MESSAGE => full += 1,
            Err(other) => panic!("unexpected error: {other:?}"),
        }
    }
    assert_eq!((placed, full), (30, 170));
    assert_eq!(stored(&pool, "SELECT count(*) FROM orders").await, [30]);
    assert_eq!(
        stored(&pool, "SELECT count(*) FROM order_lines").await,
        [30]
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_refused_order_in_a_batch_changes_nothing_and_disturbs_no_other(pool: Pool) {
    let elders = canteen_with(&pool, 2, 5).await;
    let [a, b, c, d, e] = elders[..] else {
        unreachable!()
    };
    // The 25th is full before the batch.
    place_order(&pool, &on(d, 25)).await.unwrap();
    place_order(&pool, &on(e, 25)).await.unwrap();
    let queue = OrderQueue::start(pool.clone());
    let (first, twice, two_days, other) = tokio::join!(
        queue.place(vec![on(a, 24)], None),
        queue.place(vec![on(a, 24)], None),
        queue.place(vec![on(b, 24), on(b, 25)], None),
        queue.place(vec![on(c, 24)], None),
    );
    assert_eq!(first.unwrap().len(), 1);
    assert!(twice.unwrap_err().to_string().contains("已经订过了"));
    let refused = two_days.unwrap_err().to_string();
    assert!(refused.contains("订满"), "{refused}");
    assert!(
        refused.contains("11月25日"),
        "the refusal names its day: {refused}"
    );
    assert_eq!(other.unwrap().len(), 1);
    let on_24th = "SELECT elder_id FROM orders WHERE date = '2026-11-24' ORDER BY elder_id";
    assert_eq!(
        stored(&pool, on_24th).await,
        [a, c],
        "all or none of the two days"
    );
    assert_eq!(stored(&pool, "SELECT count(*) FROM order_lines").await, [4]);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_order_failing_otherwise_is_placed_alone_and_the_batch_still_lands(pool: Pool) {
    let elders = canteen_with(&pool, 10, 3).await;
    let queue = OrderQueue::start(pool.clone());
    let no_such_dish = OrderForPlace {
        lines: vec![(999, 1, 1500)],
        ..on(elders[1], 24)
    };
    let (first, failing, last) = tokio::join!(
        queue.place(vec![on(elders[0], 24)], None),
        queue.place(vec![no_such_dish], None),
        queue.place(vec![on(elders[2], 24)], None),
    );
    assert_eq!(first.unwrap().len(), 1);
    assert!(matches!(
        failing,
        Err(AppError::InternalRef(_) | AppError::Internal)
    ));
    assert_eq!(last.unwrap().len(), 1);
    let placed = "SELECT elder_id FROM orders ORDER BY elder_id";
    assert_eq!(stored(&pool, placed).await, [elders[0], elders[2]]);
    assert_eq!(stored(&pool, "SELECT count(*) FROM order_lines").await, [2]);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_change_through_the_queue_cancels_the_order_it_replaces(pool: Pool) {
    let elders = canteen_with(&pool, 1, 2).await;
    let old = place_order(&pool, &on(elders[0], 24)).await.unwrap();
    let queue = OrderQueue::start(pool.clone());
    let (change, full) = tokio::join!(
        queue.place(vec![on(elders[0], 24)], Some(old)),
        queue.place(vec![on(elders[1], 24)], None),
    );
    let new = change.unwrap();
    assert!(full.unwrap_err().to_string().contains("订满"));
    let live = "SELECT id FROM orders WHERE status = 'placed'";
    assert_eq!(stored(&pool, live).await, new);
}
