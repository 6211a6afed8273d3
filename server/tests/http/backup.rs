//! The backup drill: orders keep arriving while a backup is taken; the backup restored into a
//! new place serves, and holds every order acknowledged before the backup began. Bad input to
//! `backup` and `restore` is refused with a message and changes nothing.

use std::path::{Path, PathBuf};

use app::canteen::db::order::{place_order, OrderForPlace};
use app::canteen::model::order::Fulfilment;
use app::canteen::rules::pricing::Quote;
use app::db::Pool;
use axum::http::StatusCode;
use chrono::{Days, NaiveDate};
use server::backup;

use crate::support::TestApp;

/// A fresh directory under the target directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("xingfu-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn url(&self, file: &str) -> String {
        format!("sqlite:{}", self.0.join(file).display())
    }

    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn id_of(pool: &Pool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// An order for 王秀英's lunch `days` ahead, placed and acknowledged (committed).
async fn order(writer: &Pool, elder: i64, family: i64, days: u64) -> i64 {
    let date = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap() + Days::new(days);
    let order = OrderForPlace {
        elder_id: elder,
        service_id: 1,
        date,
        fulfilment: Fulfilment::DineIn,
        placed_by: family,
        lines: Vec::new(),
        quote: Quote {
            full_price_fen: 1500,
            subsidy_fen: 800,
            pay_fen: 700,
        },
        standing_order_id: None,
    };
    place_order(writer, &order).await.unwrap()
}

async fn order_ids(pool: &Pool) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM orders ORDER BY id")
        .fetch_all(pool)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_orders_arrive_restores_every_acknowledged_order() {
    let scratch = Scratch::new("drill");
    let live = scratch.url("live.db");
    let pool = server::database::open(&live).await.unwrap();
    server::demo::load_if_empty(&pool).await.unwrap();
    let writer = server::database::open_writer(&live).await.unwrap();
    let elder = id_of(&pool, "SELECT id FROM elders WHERE name = '王秀英'").await;
    let family = id_of(&pool, "SELECT id FROM users WHERE phone = '13900000005'").await;

    for day in 0..100 {
        order(&writer, elder, family, day).await;
    }
    let acknowledged = order_ids(&pool).await;
    let still_ordering = {
        let writer = writer.clone();
        tokio::spawn(async move {
            for day in 100..600 {
                order(&writer, elder, family, day).await;
            }
        })
    };
    let copy = scratch.path("copy.db");
    let summary = backup::backup(&live, &copy).await.unwrap();
    still_ordering.await.unwrap();
    assert!(summary.rows_in("orders").unwrap() >= acknowledged.len() as i64);
    assert!(!scratch.path("copy.db.partial").exists());

    let restored_url = scratch.url("restored/xingfu.db");
    let restored = backup::restore(&copy, &restored_url).await.unwrap();
    assert!(restored.kept_previous.is_none());
    let restored_pool = server::database::open(&restored_url).await.unwrap();
    let app = TestApp::new(restored_pool.clone());
    assert_eq!(app.get("/healthz", None).await.status, StatusCode::OK);
    let menu = app.get("/canteen/1", None).await;
    assert!(menu.body.contains("十九街社区幸福食堂"));
    let in_restored = order_ids(&restored_pool).await;
    for id in &acknowledged {
        assert!(
            in_restored.contains(id),
            "order {id} was acknowledged before the backup"
        );
    }
}

fn unchanged(path: &Path, before: &[u8]) {
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "{} changed",
        path.display()
    );
}

#[tokio::test]
async fn bad_backup_and_restore_requests_are_refused_and_change_nothing() {
    let scratch = Scratch::new("refusals");
    let live = scratch.url("live.db");
    let pool = server::database::open(&live).await.unwrap();
    pool.close().await;
    let live_bytes = std::fs::read(scratch.path("live.db")).unwrap();

    let missing_dir = scratch.path("no-such-dir/copy.db");
    let error = backup::backup(&live, &missing_dir).await.unwrap_err();
    assert!(error.to_string().contains("does not exist"), "{error}");
    assert!(!missing_dir.exists());

    let taken = scratch.path("taken.db");
    std::fs::write(&taken, b"keep me").unwrap();
    let error = backup::backup(&live, &taken).await.unwrap_err();
    assert!(error.to_string().contains("already exists"), "{error}");
    assert_eq!(std::fs::read(&taken).unwrap(), b"keep me");

    let not_a_database = scratch.path("notes.txt");
    std::fs::write(&not_a_database, "这不是数据库 this is not a database file").unwrap();
    let error = backup::restore(&not_a_database, &live).await.unwrap_err();
    assert!(
        error.to_string().contains("not a SQLite database"),
        "{error}"
    );
    unchanged(&scratch.path("live.db"), &live_bytes);

    let newer = scratch.path("newer.db");
    backup::backup(&live, &newer).await.unwrap();
    let newer_pool = server::database::open(&format!("sqlite:{}", newer.display()))
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (99990101, 'from the future', 1, x'00', 0)",
    )
    .execute(&newer_pool)
    .await
    .unwrap();
    newer_pool.close().await;
    let error = backup::restore(&newer, &live).await.unwrap_err();
    assert!(error.to_string().contains("newer version"), "{error}");
    unchanged(&scratch.path("live.db"), &live_bytes);

    let good = scratch.path("good.db");
    backup::backup(&live, &good).await.unwrap();
    let serving = backup::lock_for_serving(&live).unwrap();
    let error = backup::restore(&good, &live).await.unwrap_err();
    assert!(
        error.to_string().contains("stop it before restoring"),
        "{error}"
    );
    unchanged(&scratch.path("live.db"), &live_bytes);
    assert!(
        backup::lock_for_serving(&live).is_err(),
        "a second server is refused"
    );
    drop(serving);

    let restored = backup::restore(&good, &live).await.unwrap();
    let kept = restored
        .kept_previous
        .expect("the replaced database is kept");
    assert_eq!(std::fs::read(kept).unwrap(), live_bytes);
}

#[tokio::test]
async fn scheduled_backups_keep_only_the_newest() {
    let scratch = Scratch::new("scheduled");
    let live = scratch.url("live.db");
    server::database::open(&live).await.unwrap().close().await;
    let dir = scratch.path("backups");
    std::fs::create_dir_all(&dir).unwrap();
    for old in [
        "xingfu-20260101T000000Z.db",
        "xingfu-20260102T000000Z.db",
        "notes.txt",
    ] {
        std::fs::write(dir.join(old), b"old").unwrap();
    }
    backup::scheduled_backup(&live, &dir, 2).await.unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[0], "notes.txt", "other files are left alone");
    assert_eq!(names[1], "xingfu-20260102T000000Z.db");
    assert!(names[2].starts_with("xingfu-2") && names[2] != names[1]);
}

#[tokio::test]
async fn the_jobs_stop_when_told() {
    let scratch = Scratch::new("jobs");
    let live = scratch.url("live.db");
    let pool = server::database::open(&live).await.unwrap();
    let (stop, jobs) = server::jobs::spawn(pool, live, None);
    stop.send(true).unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(10), jobs)
        .await
        .expect("the jobs stopped within their run")
        .unwrap();
}
