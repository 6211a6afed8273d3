//! Canteen set-up through the real router: menus planned, copied and published by the
//! canteen's staff; subsidy rules changed only by an admin of every community.

use app::db::Pool;
use axum::http::StatusCode;

use crate::support::{demo, TestApp};

const COOK: &str = "13900000003"; // 刘芳, canteen staff of 十九街社区
const FAMILY: &str = "13900000005";
const ADMIN: &str = "13900000001"; // 张主任, admin of every community
const COMMUNITY_ADMIN: &str = "13900000002"; // 陈静, admin of 十九街社区 only

fn monday_in_two_weeks() -> String {
    let today = app::clock::today_in_shanghai();
    let monday = app::canteen::rules::setup::monday_of(today) + chrono::Days::new(14);
    monday.format("%Y-%m-%d").to_string()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn staff_plan_a_draft_week_and_publish_it(pool: Pool) {
    let app = demo(pool).await;
    let cook = app.log_in_demo(COOK).await;
    let monday = monday_in_two_weeks();
    let item = format!("1:{monday}:1");
    let form = [
        ("form[canteen_id]", "1"),
        ("form[monday]", monday.as_str()),
        ("form[items][]", item.as_str()),
        ("form[publish]", "0"),
    ];
    let draft = cook.post("/api/canteen/setup/menu/save", &form).await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);
    let sql =
        format!("SELECT count(*) FROM menu_items WHERE date = '{monday}' AND published = FALSE");
    assert_eq!(count(&app, &sql).await, 1);

    let mut publish = form;
    publish[3] = ("form[publish]", "1");
    app.call("/api/canteen/setup/menu/save", &publish, Some(&cook))
        .await;
    let sql =
        format!("SELECT count(*) FROM menu_items WHERE date >= '{monday}' AND published = TRUE");
    assert_eq!(count(&app, &sql).await, 1);

    let family = app.log_in_demo(FAMILY).await;
    let refused = family.post("/api/canteen/setup/menu/save", &publish).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let foreign = [
        ("form[canteen_id]", "1"),
        ("form[monday]", monday.as_str()),
        ("form[items][]", "1:2020-01-01:1"),
        ("form[publish]", "1"),
    ];
    let bad = cook.post("/api/canteen/setup/menu/save", &foreign).await;
    assert_eq!(
        bad.status,
        StatusCode::BAD_REQUEST,
        "a day outside the week"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn last_weeks_menu_is_copied_forward_as_a_draft_once(pool: Pool) {
    let app = demo(pool).await;
    let cook = app.log_in_demo(COOK).await;
    // The demo publishes seven days from today, so next week has days to copy from.
    let next_monday = app::canteen::rules::setup::monday_of(app::clock::today_in_shanghai())
        + chrono::Days::new(7);
    let monday = next_monday.format("%Y-%m-%d").to_string();
    let before = count(&app, "SELECT count(*) FROM menu_items").await;
    let copy = [("canteen_id", "1"), ("monday", monday.as_str())];
    let first = cook.post("/api/canteen/setup/menu/copy", &copy).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let after = count(&app, "SELECT count(*) FROM menu_items").await;
    assert!(after > before);
    let drafts = count(
        &app,
        "SELECT count(*) FROM menu_items WHERE published = FALSE",
    )
    .await;
    assert_eq!(drafts, after - before, "copies are drafts");
    let second = cook.post("/api/canteen/setup/menu/copy", &copy).await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert_eq!(count(&app, "SELECT count(*) FROM menu_items").await, after);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn dishes_and_services_are_checked_before_they_are_saved(pool: Pool) {
    let app = demo(pool).await;
    let cook = app.log_in_demo(COOK).await;
    let dish = [
        ("canteen_id", "1"),
        ("dish_id", "0"),
        ("form[name]", "清蒸鲈鱼"),
        ("form[price]", "18.5"),
        ("form[allergens][]", "seafood"),
    ];
    let added = cook.post("/api/canteen/setup/dish", &dish).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let price = count(&app, "SELECT price_fen FROM dishes WHERE name = '清蒸鲈鱼'").await;
    assert_eq!(price, 1850);
    let again = cook.post("/api/canteen/setup/dish", &dish).await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    let late = [
        ("service_id", "1"),
        ("cutoff_time", "12:00"),
        ("serve_time", "11:30"),
        ("capacity", "100"),
    ];
    let refused = cook.post("/api/canteen/setup/service", &late).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("早于开餐时间"));
    let family = app.log_in_demo(FAMILY).await;
    let ok = [
        ("service_id", "1"),
        ("cutoff_time", "10:00"),
        ("serve_time", "11:30"),
        ("capacity", "100"),
    ];
    let forbidden = family.post("/api/canteen/setup/service", &ok).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    let saved = cook.post("/api/canteen/setup/service", &ok).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_an_admin_of_every_community_changes_subsidy_rules(pool: Pool) {
    let app = demo(pool).await;
    let rule = [
        ("age_band", "90_plus"),
        ("category", "dibao"),
        ("subsidy", "14"),
    ];
    let local = app.log_in_demo(COMMUNITY_ADMIN).await;
    let refused = local.post("/api/canteen/subsidy-rules/add", &rule).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let admin = app.log_in_demo(ADMIN).await;
    let added = admin.post("/api/canteen/subsidy-rules/add", &rule).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let stored = count(
        &app,
        "SELECT subsidy_fen FROM subsidy_rules WHERE age_band = '90_plus' AND subsidy_category = 'dibao'",
    )
    .await;
    assert_eq!(stored, 1400);
    let audited = count(
        &app,
        "SELECT count(*) FROM audit_log WHERE action = 'add_subsidy_rule'",
    )
    .await;
    assert_eq!(audited, 1);
    let bad = [
        ("age_band", "90_plus"),
        ("category", ""),
        ("subsidy", "abc"),
    ];
    let refused = admin.post("/api/canteen/subsidy-rules/add", &bad).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
}
