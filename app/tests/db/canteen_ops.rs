//! Database tests for the canteen's daily work: weekly standing orders placed exactly once,
//! and delivery routes whose 无人应答 reaches the family and the staff.

use app::canteen::db::delivery;
use app::canteen::db::standing::{self, NewStandingOrder, RunSummary};
use app::canteen::model::order::{Fulfilment, OrderStatus};
use app::db::Pool;
use app::ui::prefs::Locale;
use chrono::{NaiveDate, TimeZone, Utc};

use crate::canteen::canteen_with;
use crate::fixtures::count;
use crate::fixtures::{all_at_once, racing_pool};

/// Monday 2026-11-23; "now" is the evening before, so every lunch of the week is open.
pub fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn tuesday() -> NaiveDate {
    monday() + chrono::Days::new(1)
}

pub fn evening_before() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

pub async fn publish_week(pool: &Pool) {
    for offset in 0..7 {
        let date = monday() + chrono::Days::new(offset);
        sqlx::query(
            "INSERT INTO menu_items (service_id, date, dish_id, published) VALUES (1, $1, 1, TRUE)",
        )
        .bind(date)
        .execute(pool)
        .await
        .unwrap();
    }
}

pub async fn weekday_lunches(pool: &Pool, elder_id: i64) -> i64 {
    standing::create(
        pool,
        &NewStandingOrder {
            elder_id,
            service_id: 1,
            weekdays: &[1, 2, 3, 4, 5],
            fulfilment: Fulfilment::DineIn,
            lines: &[(1, 1)],
            created_by: 1,
        },
    )
    .await
    .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn monday_to_friday_becomes_five_orders_and_a_second_run_adds_none(pool: Pool) {
    let elders = canteen_with(&pool, 10, 1).await;
    publish_week(&pool).await;
    sqlx::query("INSERT INTO subsidy_rules (age_band, subsidy_fen) VALUES ('80_89', 1000)")
        .execute(&pool)
        .await
        .unwrap();
    weekday_lunches(&pool, elders[0]).await;
    let first = standing::run(&pool, monday(), evening_before(), None)
        .await
        .unwrap();
    assert_eq!(
        first,
        RunSummary {
            placed: 5,
            refused: 0
        }
    );
    let again = standing::run(&pool, monday(), evening_before(), None)
        .await
        .unwrap();
    assert_eq!(again, RunSummary::default());
    assert_eq!(count(&pool, "SELECT count(*) FROM orders").await, 5);
    assert_eq!(
        count(&pool, "SELECT CAST(sum(pay_fen) AS BIGINT) FROM orders").await,
        5 * 500,
        "an 82-year-old pays 15 − 10 yuan under the 80–89 rule"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn concurrent_runs_never_order_a_day_twice(test_pool: Pool) {
    let pool = racing_pool(&test_pool).await;
    let elders = canteen_with(&pool, 10, 3).await;
    publish_week(&pool).await;
    for elder in &elders {
        weekday_lunches(&pool, *elder).await;
    }
    let runs = all_at_once(&pool, 0..8, |pool, _| async move {
        standing::run(&pool, monday(), evening_before(), None).await
    })
    .await;
    let placed: usize = runs.into_iter().map(|run| run.unwrap().placed).sum();
    assert_eq!(placed, 15);
    assert_eq!(count(&pool, "SELECT count(*) FROM orders").await, 15);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_cancelled_day_is_not_ordered_again_and_a_paused_order_places_nothing(pool: Pool) {
    let elders = canteen_with(&pool, 10, 2).await;
    publish_week(&pool).await;
    weekday_lunches(&pool, elders[0]).await;
    standing::run(&pool, monday(), evening_before(), None)
        .await
        .unwrap();
    sqlx::query("UPDATE orders SET status = 'cancelled' WHERE date = '2026-11-24'")
        .execute(&pool)
        .await
        .unwrap();
    standing::run(&pool, monday(), evening_before(), None)
        .await
        .unwrap();
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM orders WHERE status <> 'cancelled'"
        )
        .await,
        4
    );

    let paused = weekday_lunches(&pool, elders[1]).await;
    standing::set_paused(&pool, paused, true).await.unwrap();
    let summary = standing::run(&pool, monday(), evening_before(), None)
        .await
        .unwrap();
    assert_eq!(summary.placed, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_full_day_is_recorded_and_the_family_told_in_their_language(pool: Pool) {
    let elders = canteen_with(&pool, 1, 2).await;
    publish_week(&pool).await;
    weekday_lunches(&pool, elders[0]).await;
    weekday_lunches(&pool, elders[1]).await;
    let summary = standing::run(&pool, monday(), evening_before(), None)
        .await
        .unwrap();
    assert_eq!(
        summary,
        RunSummary {
            placed: 5,
            refused: 5
        }
    );
    let told = count(
        &pool,
        "SELECT count(*) FROM notifications WHERE user_id = 1 AND message LIKE '%订满%'",
    )
    .await;
    assert_eq!(told, 5);

    // Each reader reads it in the language they chose.
    let english = app::notify::db::latest(&pool, 1, Locale::En).await.unwrap();
    assert_eq!(english.len(), 5);
    assert!(
        english[0].message.contains("fully booked"),
        "{}",
        english[0].message
    );
    let chinese = app::notify::db::latest(&pool, 1, Locale::Zh).await.unwrap();
    assert!(
        chinese[0].message.contains("订满"),
        "{}",
        chinese[0].message
    );

    let stored_in_english = count(
        &pool,
        "SELECT count(*) FROM standing_order_runs WHERE problem LIKE '%订满%' AND problem_en LIKE '%fully booked%'",
    )
    .await;
    assert_eq!(stored_in_english, 5, "the problem shown on 我的订餐");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn routes_group_by_building_and_no_answer_alerts_family_and_staff(pool: Pool) {
    let elders = canteen_with(&pool, 10, 3).await;
    publish_week(&pool).await;
    sqlx::query("UPDATE elders SET needs_delivery = TRUE, building = CASE id WHEN $1 THEN '3栋' ELSE '12栋' END")
        .bind(elders[2])
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO users (id, phone, display_name, password_hash) VALUES (2, '13900000003', '刘芳', 'x'), (3, '13900000004', '赵磊', 'x')")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO user_roles (user_id, role, community_id) VALUES (2, 'canteen_staff', 7)",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO family_links (elder_id, user_id, relation) VALUES ($1, 1, '儿子')")
        .bind(elders[0])
        .execute(&pool)
        .await
        .unwrap();
    for elder in &elders {
        sqlx::query("INSERT INTO orders (elder_id, service_id, date, fulfilment, status, full_price_fen, subsidy_fen, pay_fen, placed_by) VALUES ($1, 1, '2026-11-24', 'delivery', 'out_for_delivery', 1500, 1000, 500, 1)")
            .bind(elder)
            .execute(&pool)
            .await
            .unwrap();
    }
    assert_eq!(delivery::generate(&pool, 1, tuesday(), 2).await.unwrap(), 2);
    let routes = delivery::routes(&pool, 1, tuesday(), None).await.unwrap();
    assert!(
        routes[0].stops.iter().all(|s| s.address.contains("3栋")),
        "3栋 before 12栋"
    );
    assert_eq!(routes[1].stops.len(), 2);

    let first_stop = routes[1].stops[0].order_id;
    let deliverer = delivery::Deliverer {
        user_id: 3,
        name: "赵磊",
    };
    delivery::mark(&pool, deliverer, first_stop, OrderStatus::NoAnswer)
        .await
        .unwrap();
    let alerted = count(
        &pool,
        "SELECT count(DISTINCT user_id) FROM notifications WHERE message LIKE '无人应答%'",
    )
    .await;
    assert_eq!(alerted, 2, "the family member and the canteen staff");
    let refused = delivery::generate(&pool, 1, tuesday(), 2)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("不能再重新排路线"));
}
