//! Builders the database tests share, one set per feature: accounts with roles, elders
//! registered by a family or by staff, and counting rows.

use app::auth::db::{create_user, NewAccount};
use app::db::Pool;
use app::domain::elder::ElderForm;
use app::domain::role::{Role, RoleGrant};
use app::household::db::create_elder;
use chrono::NaiveDate;

/// A password hash that verifies nothing; the tests never log in with a password.
pub const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$ZmFrZWhhc2g";

/// An account named 李军 holding `roles`.
pub async fn account(pool: &Pool, phone: &str, roles: &[RoleGrant]) -> i64 {
    let new = NewAccount {
        phone,
        display_name: "李军",
        password_hash: HASH,
        roles,
    };
    create_user(pool, new).await.unwrap()
}

/// A role that applies everywhere (family, elder, volunteer) or, for staff, in `community`.
pub fn role(role: Role, community: Option<i64>) -> RoleGrant {
    RoleGrant {
        role,
        community_id: community,
    }
}

/// The day the household tests run on.
pub fn household_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The profile form of an elder born 1944-03-08 in `community`, needing delivery, allergic
/// to peanuts, whose family member is their daughter.
pub fn elder_form(name: &str, community: i64) -> ElderForm {
    ElderForm {
        name: name.into(),
        birth_date: "1944-03-08".into(),
        community_id: community.to_string(),
        building: "12栋".into(),
        room: "301".into(),
        needs_delivery: true,
        allergies: vec!["peanut".into()],
        relation: "女儿".into(),
        ..Default::default()
    }
}

/// An elder registered by `family`, who looks after them.
pub async fn family_elder(pool: &Pool, name: &str, community: i64, family: i64) -> i64 {
    registered(pool, name, community, family, true).await
}

/// An elder registered by staff (phone bookings): no family link.
pub async fn staff_elder(pool: &Pool, name: &str, community: i64, staff: i64) -> i64 {
    registered(pool, name, community, staff, false).await
}

async fn registered(pool: &Pool, name: &str, community: i64, by: i64, as_family: bool) -> i64 {
    let elder = elder_form(name, community)
        .parse(household_today())
        .unwrap();
    create_elder(pool, &elder, by, as_family).await.unwrap()
}

/// Accounts with ids 1..=n, named `{name}1`, `{name}2`…, with numbers 13900000001….
pub async fn numbered_accounts(pool: &Pool, n: i64, name: &str) {
    for id in 1..=n {
        sqlx::query(
            "INSERT INTO users (id, phone, display_name, password_hash) VALUES ($1, $2, $3, 'x')",
        )
        .bind(id)
        .bind(format!("139{id:08}"))
        .bind(format!("{name}{id}"))
        .execute(pool)
        .await
        .unwrap();
    }
    numbered_after_fixtures(pool).await;
}

/// Runs a fixture's statements (`sql`, several separated by `;`), rows with their own ids.
pub async fn load_rows(pool: &Pool, sql: &str) {
    sqlx::raw_sql(sql).execute(pool).await.unwrap();
    numbered_after_fixtures(pool).await;
}

/// After a fixture gave rows their ids: the next new row is numbered after them (PostgreSQL's
/// identities do not move by themselves; SQLite needs nothing).
pub async fn numbered_after_fixtures(pool: &Pool) {
    let mut conn = pool.acquire().await.unwrap();
    app::db::number_after_loaded_rows(&mut conn).await.unwrap();
}

/// The single number `sql` selects.
pub async fn count(pool: &Pool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// A second pool on the test's database, like the server's (on SQLite: WAL, a generous busy
/// timeout), so a race measures the ordering code rather than how busy the test machine is.
/// Called twice, it gives two instances of the server on one database.
pub async fn racing_pool(test_pool: &Pool) -> Pool {
    let connect_options = (*test_pool.connect_options()).clone();
    #[cfg(not(feature = "postgres"))]
    let connect_options = connect_options
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .busy_timeout(std::time::Duration::from_secs(60));
    sqlx::pool::PoolOptions::new()
        .max_connections(8)
        .connect_with(connect_options)
        .await
        .unwrap()
}

/// Starts `task` for every item at the same moment and returns what each returned, in the
/// items' order. Each task gets its own clone of `shared` (a pool, a queue).
pub async fn all_at_once<S, I, T, F, Fut>(shared: &S, items: I, task: F) -> Vec<T>
where
    S: Clone,
    I: IntoIterator,
    F: Fn(S, I::Item) -> Fut,
    Fut: std::future::Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let started: Vec<_> = items
        .into_iter()
        .map(|item| tokio::spawn(task(shared.clone(), item)))
        .collect();
    let mut done = Vec::with_capacity(started.len());
    for running in started {
        done.push(running.await.unwrap());
    }
    done
}
