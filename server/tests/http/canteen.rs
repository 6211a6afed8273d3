//! The canteen menu through the real router, on the demo data.

use crate::support::TestApp;
use app::db::Pool;
use axum::http::StatusCode;

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_weeks_menu_shows_the_senior_price_and_allergens(pool: Pool) {
    server::demo::load_if_empty(&pool).await.unwrap();
    let app = TestApp::new(pool);

    let page = app.get("/canteen/1", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("十九街社区幸福食堂"));
    assert!(page.body.contains("敬老套餐（一荤一素一汤）"));
    assert!(
        page.body.contains("¥15.00") && page.body.contains("¥7.00"),
        "full and senior price"
    );
    assert!(
        page.body.contains("花生"),
        "宫保鸡丁 is marked with its allergens"
    );
    assert_eq!(page.body.matches("午餐").count(), 7, "seven days of lunch");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_unknown_canteen_says_so(pool: Pool) {
    let app = TestApp::new(pool);
    let page = app.get("/canteen/99", None).await;
    assert!(
        page.body.contains("没有找到相关记录"),
        "{} {}",
        page.status,
        page.body
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn loading_the_demo_twice_changes_nothing(pool: Pool) {
    server::demo::load_if_empty(&pool).await.unwrap();
    server::demo::load_if_empty(&pool).await.unwrap();
    let dishes: i64 = sqlx::query_scalar("SELECT count(*) FROM dishes")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(dishes, 7);
}
