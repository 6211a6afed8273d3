//! Two server instances on one database — the way a site runs on PostgreSQL behind a load
//! balancer — each with its own pool, doing the half-hourly jobs at the same moment and a
//! staff member's 完成 arriving at both: every standing-order day is placed once, a family is
//! told of a full day once, a volunteer reminded once, a shift's hours credited once.

use app::canteen::db::standing;
use app::db::Pool;
use app::volunteer::db::{points, shifts};

use crate::canteen::canteen_with;
use crate::canteen_ops::{evening_before, monday, publish_week, weekday_lunches};
use crate::fixtures::{all_at_once, count, racing_pool};

/// Tuesday's delivery shift, user 1 confirmed for it.
async fn tuesday_shift(pool: &Pool) -> i64 {
    let shift: i64 = sqlx::query_scalar(
        "INSERT INTO shifts (community_id, kind, title, place, date, start_time, end_time, needed, created_by)
         VALUES (7, 'delivery', '午餐送餐 · 路线 1', '幸福食堂', '2026-11-24', '11:30', '13:00', 1, 1) RETURNING id",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO shift_signups (shift_id, user_id, status) VALUES ($1, 1, 'confirmed')",
    )
    .bind(shift)
    .execute(pool)
    .await
    .unwrap();
    shift
}

/// `n` tasks at once, alternating between the two instances' pools.
async fn on_both<T, F, Fut>(first: &Pool, second: &Pool, n: usize, work: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(Pool) -> Fut,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    let both = (first.clone(), second.clone());
    all_at_once(&both, 0..n, |(first, second), i| {
        work(if i % 2 == 0 { first } else { second })
    })
    .await
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn jobs_on_two_instances_at_once_place_tell_remind_and_credit_once(test_pool: Pool) {
    let first = racing_pool(&test_pool).await;
    let second = racing_pool(&test_pool).await;
    // One place a day, two elders ordering every weekday: five placed, five days full.
    let elders = canteen_with(&first, 1, 2).await;
    publish_week(&first).await;
    weekday_lunches(&first, elders[0]).await;
    weekday_lunches(&first, elders[1]).await;
    let shift = tuesday_shift(&first).await;

    let runs = on_both(&first, &second, 8, |pool| async move {
        let run = standing::run(&pool, monday(), evening_before(), None)
            .await
            .unwrap();
        let reminded = shifts::send_reminders(&pool, monday()).await.unwrap();
        (run.placed, run.refused, reminded)
    })
    .await;
    let placed: usize = runs.iter().map(|r| r.0).sum();
    let refused: usize = runs.iter().map(|r| r.1).sum();
    let reminded: usize = runs.iter().map(|r| r.2).sum();
    assert_eq!((placed, refused, reminded), (5, 5, 1), "{runs:?}");
    assert_eq!(count(&first, "SELECT count(*) FROM orders").await, 5);
    assert_eq!(
        count(&second, "SELECT count(*) FROM standing_order_runs").await,
        10,
        "each elder's each day recorded once"
    );
    let told = "SELECT count(*) FROM notifications WHERE user_id = 1 AND message LIKE '%订满%'";
    assert_eq!(count(&first, told).await, 5, "one message per full day");
    let reminders = "SELECT count(*) FROM notifications WHERE user_id = 1 AND message LIKE '提醒%'";
    assert_eq!(
        count(&first, reminders).await,
        1,
        "one reminder for tomorrow"
    );

    let tuesday = monday() + chrono::Days::new(1);
    let credited = on_both(&first, &second, 8, move |pool| async move {
        points::complete_shift(&pool, shift, tuesday).await.unwrap()
    })
    .await;
    assert_eq!(credited.iter().sum::<usize>(), 1, "{credited:?}");
    let points = "SELECT CAST(sum(points) AS BIGINT) FROM points_ledger WHERE user_id = 1";
    assert_eq!(
        count(&second, points).await,
        15,
        "90 minutes at 10 an hour, once"
    );
}
