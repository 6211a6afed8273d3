//! Database tests for service requests and points: one volunteer wins a request however many
//! race for it, and hours and points are credited once however often completion is sent.

use app::volunteer::model::requests::RequestCategory;

use app::db::Pool;
use app::volunteer::db;
use app::volunteer::rules::requests::RequestForSave;
use chrono::NaiveDate;

use crate::fixtures::{all_at_once, count, racing_pool};

async fn people(pool: &Pool, n: i64) {
    crate::fixtures::numbered_accounts(pool, n, "居民").await;
}

async fn escort_request(pool: &Pool) -> i64 {
    let request = RequestForSave {
        elder_id: None,
        community_id: Some(7),
        category: RequestCategory::Escort,
        detail: "陪同去医院复查".into(),
        wished_time: "周四上午".into(),
        place: "协和医院".into(),
    };
    db::requests::create(pool, &request, 7, 1).await.unwrap()
}

async fn ledger_points(pool: &Pool, user: i64) -> i64 {
    sqlx::query_scalar(
        "SELECT CAST(coalesce(sum(points), 0) AS BIGINT) FROM points_ledger WHERE user_id = $1",
    )
    .bind(user)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn fifty_volunteers_claiming_one_request_leave_exactly_one_holder(test_pool: Pool) {
    let pool = racing_pool(&test_pool).await;
    people(&pool, 51).await;
    let request = escort_request(&pool).await;
    let claims = all_at_once(&pool, 2..=51, |pool, volunteer| async move {
        db::requests::claim(&pool, request, volunteer).await
    })
    .await;
    let mut won = 0;
    for claim in claims {
        match claim {
            Ok(()) => won += 1,
            Err(e) => assert!(e.to_string().contains("已经有人接了"), "{e}"),
        }
    }
    assert_eq!(won, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn completing_twice_credits_once_and_a_good_rating_adds_the_bonus_once(pool: Pool) {
    people(&pool, 2).await;
    let request = escort_request(&pool).await;
    db::requests::claim(&pool, request, 2).await.unwrap();
    db::requests::complete(&pool, request, 2).await.unwrap();
    db::requests::complete(&pool, request, 2).await.unwrap();
    assert_eq!(
        ledger_points(&pool, 2).await,
        10,
        "60 minutes at 10 points an hour, once"
    );
    db::requests::rate(&pool, request, 1, 5, "非常耐心")
        .await
        .unwrap();
    assert!(
        db::requests::rate(&pool, request, 1, 5, "").await.is_err(),
        "rated once"
    );
    assert_eq!(ledger_points(&pool, 2).await, 15, "plus the 5-point bonus");
    assert!(
        db::requests::cancel(&pool, request, 1).await.is_err(),
        "no cancelling once taken"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_confirmed_shift_is_credited_once_and_reminders_are_sent_once(pool: Pool) {
    people(&pool, 2).await;
    let shift = count(&pool, "INSERT INTO shifts (community_id, kind, title, place, date, start_time, end_time, needed, created_by)
         VALUES (7, 'delivery', '午餐送餐 · 路线 1', '幸福食堂', '2026-11-24', '11:30', '13:00', 1, 1) RETURNING id").await;
    sqlx::query(
        "INSERT INTO shift_signups (shift_id, user_id, status) VALUES ($1, 2, 'confirmed')",
    )
    .bind(shift)
    .execute(&pool)
    .await
    .unwrap();
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(db::shifts::send_reminders(&pool, monday).await.unwrap(), 1);
    assert_eq!(db::shifts::send_reminders(&pool, monday).await.unwrap(), 0);
    let tuesday = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    assert_eq!(
        db::shifts::send_reminders(&pool, tuesday).await.unwrap(),
        1,
        "and on the day"
    );

    assert!(
        db::points::complete_shift(&pool, shift, monday)
            .await
            .is_err(),
        "not before the day"
    );
    assert_eq!(
        db::points::complete_shift(&pool, shift, tuesday)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        db::points::complete_shift(&pool, shift, tuesday)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        ledger_points(&pool, 2).await,
        15,
        "90 minutes of delivery at 10 an hour"
    );
}
