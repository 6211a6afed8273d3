//! The housekeeping job's deletions: ended sessions, failed log-ins past the throttle's window,
//! and notifications read long ago — and nothing that is still in use.

use app::auth::db::{self, SessionTimes};
use app::db::Pool;
use app::domain::role::Role;

use crate::fixtures::{account, count, role};

const DAY: i64 = 24 * 3600;

async fn family_account(pool: &Pool) -> i64 {
    account(pool, "13800138000", &[role(Role::Family, None)]).await
}

fn times(now: i64) -> SessionTimes {
    SessionTimes {
        now,
        idle_secs: 14 * DAY,
        absolute_secs: 60 * DAY,
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn ended_sessions_go_and_live_ones_stay(pool: Pool) {
    let user = family_account(&pool).await;
    let now = 1_800_000_000;
    db::insert_session(&pool, "live", user, &times(now - DAY))
        .await
        .unwrap();
    db::insert_session(&pool, "idle", user, &times(now - 20 * DAY))
        .await
        .unwrap();
    db::insert_session(&pool, "too-old", user, &times(now - 61 * DAY))
        .await
        .unwrap();
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = 'too-old'")
        .bind(now - DAY)
        .execute(&pool)
        .await
        .unwrap();

    assert_eq!(
        db::delete_expired_sessions(&pool, &times(now))
            .await
            .unwrap(),
        2
    );
    let left: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(left, vec!["live".to_string()]);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn old_failed_log_ins_and_long_read_notifications_go(pool: Pool) {
    let user = family_account(&pool).await;
    let now = 1_800_000_000;
    for at in [now - 2 * DAY, now - 60] {
        sqlx::query(
            "INSERT INTO login_failures (phone, ip, at) VALUES ('13800138000', '1.2.3.4', $1)",
        )
        .bind(at)
        .execute(&pool)
        .await
        .unwrap();
    }
    assert_eq!(
        db::delete_login_failures_before(&pool, now - DAY)
            .await
            .unwrap(),
        1
    );
    assert_eq!(count(&pool, "SELECT count(*) FROM login_failures").await, 1);

    for read_at in [Some(now - 40 * DAY), Some(now - DAY), None] {
        sqlx::query("INSERT INTO notifications (user_id, message, created_at, read_at) VALUES ($1, '您的订单已送达', $2, $3)")
            .bind(user)
            .bind(now - 50 * DAY)
            .bind(read_at)
            .execute(&pool)
            .await
            .unwrap();
    }
    let removed = app::notify::db::delete_read_before(&pool, now - 30 * DAY)
        .await
        .unwrap();
    assert_eq!(removed, 1, "only the one read 40 days ago");
    assert_eq!(count(&pool, "SELECT count(*) FROM notifications").await, 2);
}
