//! `server demo --scale …`: the generated history at its small scale is made of rows the app
//! could have written — orders in both communities, prices that add up, services never over
//! their places, no orphan rows — the same on every run, and never written over real data.

use app::db::Pool;
use chrono::NaiveDate;
use server::demo_year::{generate, Scale};
use sqlx::sqlite::SqlitePoolOptions;

/// The demo's own dates (its semester, its week of menus) start from the real today.
fn today() -> NaiveDate {
    app::clock::today_in_shanghai()
}

async fn count(pool: &Pool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_week_for_two_communities_adds_up_and_leaves_no_orphans(pool: Pool) {
    let report = generate(&pool, Scale::Week, today()).await.unwrap();
    let orders = report.written.rows("orders");
    assert!(orders > 100, "{}", report.lines());
    assert_eq!(
        count(&pool, "SELECT count(*) FROM orders").await as u64,
        orders
    );

    let communities_with_orders = "SELECT count(DISTINCT k.community_id) FROM orders o
        JOIN meal_services s ON s.id = o.service_id JOIN canteens k ON k.id = s.canteen_id";
    assert_eq!(count(&pool, communities_with_orders).await, 2);
    let days_with_orders = "SELECT count(DISTINCT date) FROM orders";
    assert_eq!(count(&pool, days_with_orders).await, 7);

    let prices_that_do_not_add_up = "SELECT count(*) FROM orders o
        WHERE o.pay_fen <> o.full_price_fen - o.subsidy_fen OR o.subsidy_fen < 0
           OR o.full_price_fen <> (SELECT sum(quantity * unit_price_fen) FROM order_lines l WHERE l.order_id = o.id)";
    assert_eq!(count(&pool, prices_that_do_not_add_up).await, 0);
    let subsidised = "SELECT count(*) FROM orders WHERE subsidy_fen > 0";
    assert!(count(&pool, subsidised).await > 0);

    let over_capacity = "SELECT count(*) FROM (
           SELECT service_id, date, count(*) AS n FROM orders WHERE status <> 'cancelled'
           GROUP BY service_id, date) t
        JOIN meal_services s ON s.id = t.service_id WHERE t.n > s.capacity";
    assert_eq!(count(&pool, over_capacity).await, 0);

    let deliveries_without_a_stop = "SELECT count(*) FROM orders o
        WHERE o.fulfilment = 'delivery' AND o.status IN ('delivered', 'no_answer')
          AND NOT EXISTS (SELECT 1 FROM delivery_stops st WHERE st.order_id = o.id)";
    assert_eq!(count(&pool, deliveries_without_a_stop).await, 0);
    let stops_of_other_orders =
        "SELECT count(*) FROM delivery_stops st JOIN orders o ON o.id = st.order_id
        WHERE o.fulfilment <> 'delivery' OR o.status = 'cancelled'";
    assert_eq!(count(&pool, stops_of_other_orders).await, 0);
    let routes_without_a_shift = "SELECT count(*) FROM delivery_routes r
        WHERE NOT EXISTS (SELECT 1 FROM shifts sh WHERE sh.route_id = r.id)";
    assert_eq!(count(&pool, routes_without_a_shift).await, 0);

    let done_shifts_without_credit = "SELECT count(*) FROM shift_signups su JOIN shifts sh ON sh.id = su.shift_id
        WHERE su.status = 'confirmed' AND sh.completed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM points_ledger p
                          WHERE p.source = 'shift' AND p.source_id = sh.id AND p.user_id = su.user_id)";
    assert_eq!(count(&pool, done_shifts_without_credit).await, 0);
    let done_requests_without_credit = "SELECT count(*) FROM service_requests r WHERE r.status = 'done'
        AND NOT EXISTS (SELECT 1 FROM points_ledger p WHERE p.source = 'request' AND p.source_id = r.id)";
    assert_eq!(count(&pool, done_requests_without_credit).await, 0);

    let over_class_capacity = "SELECT count(*) FROM classes c
        WHERE (SELECT count(*) FROM enrollments e WHERE e.class_id = c.id AND e.status IN ('enrolled', 'offered')) > c.capacity";
    assert_eq!(count(&pool, over_class_capacity).await, 0);
    assert!(count(&pool, "SELECT count(*) FROM attendance").await > 0);

    let orphans = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(
        orphans.is_empty(),
        "{} rows without their parent",
        orphans.len()
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn two_runs_write_the_same_rows(pool: Pool) {
    let other = SqlitePoolOptions::new()
        .max_connections(1)
        .connect("sqlite::memory:")
        .await
        .unwrap();
    server::database::MIGRATOR.run(&other).await.unwrap();
    generate(&pool, Scale::Week, today()).await.unwrap();
    generate(&other, Scale::Week, today()).await.unwrap();
    let fingerprint =
        "SELECT (SELECT count(*) || ':' || total(id * pay_fen + elder_id * service_id) FROM orders)
        || '/' || (SELECT count(*) || ':' || total(route_id * position) FROM delivery_stops)
        || '/' || (SELECT count(*) || ':' || total(elder_id * class_id) FROM enrollments)
        || '/' || (SELECT count(*) || ':' || total(taken_at) FROM service_requests)";
    let first: String = sqlx::query_scalar(fingerprint)
        .fetch_one(&pool)
        .await
        .unwrap();
    let second: String = sqlx::query_scalar(fingerprint)
        .fetch_one(&other)
        .await
        .unwrap();
    assert_eq!(first, second);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_database_with_accounts_is_left_alone(pool: Pool) {
    server::demo::load_if_empty(&pool).await.unwrap();
    let error = generate(&pool, Scale::Week, today()).await.err().unwrap();
    assert!(
        error.to_string().contains("already has 7 accounts"),
        "{error}"
    );
    assert_eq!(count(&pool, "SELECT count(*) FROM orders").await, 0);
}
