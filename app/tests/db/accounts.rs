//! Database tests for accounts, sessions and log-in throttling, each on a fresh database.

use app::auth::db::{self, NewAccount, SessionTimes};
use app::auth::throttle;
use app::db::Pool;
use app::domain::role::{Role, RoleGrant};
use app::error::AppError;

use crate::fixtures::{account, count, role, HASH};

fn family() -> RoleGrant {
    role(Role::Family, None)
}

fn times(now: i64) -> SessionTimes {
    SessionTimes {
        now,
        idle_secs: 600,
        absolute_secs: 3600,
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_new_account_is_found_by_phone_with_its_roles(pool: Pool) {
    let worker = RoleGrant {
        role: Role::Worker,
        community_id: Some(7),
    };
    let id = account(&pool, "13800138000", &[family(), worker.clone()]).await;

    let login = db::find_login(&pool, "13800138000").await.unwrap().unwrap();
    assert_eq!(login.user_id, id);
    let user = db::load_user(&pool, id).await.unwrap().unwrap();
    assert_eq!(user.roles, vec![family(), worker]);
    assert!(user.is_staff_of(7));
    assert!(!user.is_staff_of(1));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn registering_a_phone_twice_is_refused_in_chinese_and_adds_nothing(pool: Pool) {
    account(&pool, "13800138000", &[family()]).await;
    let again = NewAccount {
        phone: "13800138000",
        display_name: "别人",
        password_hash: HASH,
        roles: &[family()],
    };
    let error = db::create_user(&pool, again).await.unwrap_err();
    assert!(matches!(error, AppError::Conflict(ref m) if m.contains("已经注册")));
    let users = count(&pool, "SELECT count(*) FROM users").await;
    assert_eq!(users, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn granting_a_role_twice_keeps_one_row_even_without_community(pool: Pool) {
    let id = account(&pool, "13800138000", &[family()]).await;
    let mut conn = pool.acquire().await.unwrap();
    let admin = RoleGrant {
        role: Role::Admin,
        community_id: None,
    };
    db::insert_role(&mut conn, id, &admin).await.unwrap();
    db::insert_role(&mut conn, id, &admin).await.unwrap();
    db::insert_role(&mut conn, id, &family()).await.unwrap();
    assert_eq!(db::roles_of(&pool, id).await.unwrap().len(), 2);
}

/// The account id of a live session, as the server finds it for each request.
async fn session_user(
    pool: &Pool,
    token_hash: &str,
    times: &SessionTimes,
) -> Result<Option<i64>, AppError> {
    let account = db::session_account(pool, token_hash, times).await?;
    Ok(account.map(|user| user.id))
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_session_lives_until_idle_or_absolute_expiry(pool: Pool) {
    let id = account(&pool, "13800138000", &[family()]).await;
    db::insert_session(&pool, "token-a", id, &times(1_000))
        .await
        .unwrap();

    assert_eq!(
        session_user(&pool, "token-a", &times(1_500)).await.unwrap(),
        Some(id)
    );
    // Used at 1 500, so still alive 500 s later although 1 000 s passed since log-in.
    assert_eq!(
        session_user(&pool, "token-a", &times(2_000)).await.unwrap(),
        Some(id)
    );
    // Idle for more than 600 s.
    assert_eq!(
        session_user(&pool, "token-a", &times(2_700)).await.unwrap(),
        None
    );
    // An expired session is gone, not merely refused.
    let left = count(&pool, "SELECT count(*) FROM sessions").await;
    assert_eq!(left, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_active_session_still_ends_at_its_absolute_expiry(pool: Pool) {
    let id = account(&pool, "13800138000", &[family()]).await;
    db::insert_session(&pool, "token-a", id, &times(0))
        .await
        .unwrap();
    for now in (300..3_600).step_by(300) {
        assert_eq!(
            session_user(&pool, "token-a", &times(now)).await.unwrap(),
            Some(id),
            "at {now}"
        );
    }
    assert_eq!(
        session_user(&pool, "token-a", &times(3_600)).await.unwrap(),
        None
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn changing_the_password_ends_the_other_sessions_only(pool: Pool) {
    let id = account(&pool, "13800138000", &[family()]).await;
    for token in ["phone", "laptop", "tablet"] {
        db::insert_session(&pool, token, id, &times(0))
            .await
            .unwrap();
    }
    db::delete_other_sessions(&pool, id, "phone").await.unwrap();
    assert_eq!(
        session_user(&pool, "phone", &times(1)).await.unwrap(),
        Some(id)
    );
    assert_eq!(
        session_user(&pool, "laptop", &times(1)).await.unwrap(),
        None
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn five_failures_lock_a_phone_for_fifteen_minutes(pool: Pool) {
    let now = 10_000;
    for i in 0..throttle::MAX_FAILURES_PER_PHONE {
        throttle::check(&pool, "13800138000", "10.0.0.1", now + i)
            .await
            .unwrap();
        throttle::record_failure(&pool, "13800138000", "10.0.0.1", now + i)
            .await
            .unwrap();
    }
    let locked = throttle::check(&pool, "13800138000", "10.0.0.2", now + 10)
        .await
        .unwrap_err();
    assert_eq!(locked, AppError::TooManyAttempts(15));
    // Other numbers from the same address are not locked yet.
    throttle::check(&pool, "13900139000", "10.0.0.1", now + 10)
        .await
        .unwrap();
    // The window passes.
    throttle::check(
        &pool,
        "13800138000",
        "10.0.0.1",
        now + throttle::WINDOW_SECS + 5,
    )
    .await
    .unwrap();
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn many_failures_from_one_address_lock_that_address(pool: Pool) {
    for i in 0..throttle::MAX_FAILURES_PER_IP {
        let phone = format!("1380013{:04}", i);
        throttle::record_failure(&pool, &phone, "10.0.0.9", 5_000 + i)
            .await
            .unwrap();
    }
    let locked = throttle::check(&pool, "13900139000", "10.0.0.9", 5_100).await;
    assert!(matches!(locked, Err(AppError::TooManyAttempts(_))));
    throttle::check(&pool, "13900139000", "10.0.0.10", 5_100)
        .await
        .unwrap();
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_successful_log_in_forgives_earlier_failures(pool: Pool) {
    for i in 0..4 {
        throttle::record_failure(&pool, "13800138000", "10.0.0.1", 100 + i)
            .await
            .unwrap();
    }
    throttle::clear(&pool, "13800138000").await.unwrap();
    throttle::record_failure(&pool, "13800138000", "10.0.0.1", 200)
        .await
        .unwrap();
    throttle::check(&pool, "13800138000", "10.0.0.1", 201)
        .await
        .unwrap();
}
