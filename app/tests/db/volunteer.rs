//! Database tests for volunteer shifts: never more confirmed than needed, the waitlist in
//! strict order, and promotion without gaps or duplicates when cancellations interleave.

use app::db::Pool;
use app::volunteer::db::shifts::{cancel, sign_up};
use app::volunteer::model::shifts::SignupStatus;
use chrono::{TimeZone, Utc};

use crate::fixtures::{all_at_once, count, racing_pool};

fn evening_before() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

/// A shift on 2026-11-24 09:00 in 十九街社区 needing `needed`, and `people` volunteer accounts
/// (ids 1..=people).
async fn shift_with(pool: &Pool, needed: i64, people: i64) -> i64 {
    crate::fixtures::numbered_accounts(pool, people, "志愿者").await;
    sqlx::query_scalar(
        "INSERT INTO shifts (community_id, kind, title, place, date, start_time, end_time, needed, created_by)
         VALUES (7, 'event', '健康义诊', '社区广场', '2026-11-24', '09:00', '11:00', $1, 1) RETURNING id",
    )
    .bind(needed)
    .fetch_one(pool)
    .await
    .unwrap()
}

async fn by_status(pool: &Pool, status: &str) -> Vec<i64> {
    sqlx::query_scalar("SELECT user_id FROM shift_signups WHERE status = $1 ORDER BY id")
        .bind(status)
        .fetch_all(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn two_hundred_volunteers_racing_for_five_places_get_exactly_five(test_pool: Pool) {
    let pool = racing_pool(&test_pool).await;
    let shift = shift_with(&pool, 5, 200).await;
    let outcomes = all_at_once(&pool, 1..=200, |pool, user| async move {
        sign_up(&pool, shift, user, evening_before()).await
    })
    .await;
    let mut positions = Vec::new();
    let mut confirmed = 0;
    for outcome in outcomes {
        let outcome = outcome.expect("no errors, only waitlisting");
        match outcome.status {
            SignupStatus::Confirmed => confirmed += 1,
            _ => positions.push(outcome.position),
        }
    }
    assert_eq!(confirmed, 5);
    positions.sort_unstable();
    assert_eq!(
        positions,
        (1..=195).collect::<Vec<i64>>(),
        "a strict, gapless waitlist"
    );
    assert_eq!(by_status(&pool, "confirmed").await.len(), 5);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn cancellations_promote_the_waitlist_in_order_without_gaps_or_duplicates(test_pool: Pool) {
    let pool = racing_pool(&test_pool).await;
    let shift = shift_with(&pool, 3, 40).await;
    for user in 1..=20 {
        sign_up(&pool, shift, user, evening_before()).await.unwrap();
    }
    // The three confirmed cancel while twenty more sign up, all at once.
    let (cancelled, signed_up) = tokio::join!(
        all_at_once(&pool, 1..=3, |pool, user| async move {
            cancel(&pool, shift, user, evening_before()).await
        }),
        all_at_once(&pool, 21..=40, |pool, user| async move {
            sign_up(&pool, shift, user, evening_before())
                .await
                .map(|_| ())
        }),
    );
    cancelled
        .into_iter()
        .chain(signed_up)
        .for_each(Result::unwrap);
    let confirmed = by_status(&pool, "confirmed").await;
    assert_eq!(confirmed.len(), 3);
    assert!(
        confirmed.iter().all(|u| (4..=6).contains(u)),
        "the first three of the waitlist were promoted: {confirmed:?}"
    );
    let waitlisted = by_status(&pool, "waitlisted").await;
    assert_eq!(waitlisted.len(), 34, "nobody lost or doubled");
    let notified = count(
        &pool,
        "SELECT count(*) FROM notifications WHERE message LIKE '候补成功%'",
    )
    .await;
    assert_eq!(notified, 3);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn signing_up_twice_or_after_the_cutoff_is_refused(pool: Pool) {
    let shift = shift_with(&pool, 2, 2).await;
    sign_up(&pool, shift, 1, evening_before()).await.unwrap();
    let twice = sign_up(&pool, shift, 1, evening_before())
        .await
        .unwrap_err();
    assert!(twice.to_string().contains("已经报名"));
    // 07:30 on the day in Shanghai is inside the two hours before 09:00.
    let late = Utc.with_ymd_and_hms(2026, 11, 23, 23, 30, 0).unwrap();
    let refused = sign_up(&pool, shift, 2, late).await.unwrap_err();
    assert!(refused.to_string().contains("截止"));
    assert!(cancel(&pool, shift, 1, late).await.is_err());
}
