//! Volunteer shifts through the real router on the demo data: who may sign up and create
//! shifts, and a delivery shift that makes its volunteer the route's deliverer.

use axum::http::StatusCode;
use sqlx::SqlitePool;

use crate::support::TestApp;

const VOLUNTEER: &str = "13900000004"; // 赵磊
const FAMILY: &str = "13900000005"; // 李军, not a volunteer
const WORKER: &str = "13900000002"; // 陈静, worker of 十九街社区
const COOK: &str = "13900000003";

async fn demo(pool: SqlitePool) -> TestApp {
    server::demo::load_if_empty(&pool).await.unwrap();
    TestApp::new(pool)
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.pool).await.unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_volunteers_sign_up_and_only_staff_post_shifts(pool: SqlitePool) {
    let app = demo(pool).await;
    let event = scalar(&app, "SELECT id FROM shifts WHERE kind = 'event'")
        .await
        .to_string();
    let family = app.log_in_demo(FAMILY).await;
    let refused = app
        .call(
            "/api/volunteer/sign-up",
            &[("shift_id", &event)],
            Some(&family),
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("志愿者身份"));

    let volunteer = app.log_in_demo(VOLUNTEER).await;
    let ok = app
        .call(
            "/api/volunteer/sign-up",
            &[("shift_id", &event)],
            Some(&volunteer),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let page = app.get("/volunteer/mine", Some(&volunteer)).await;
    assert!(page.body.contains("重阳敬老健康义诊") && page.body.contains("已报名"));

    let date = (app::clock::today_in_shanghai() + chrono::Days::new(5))
        .format("%Y-%m-%d")
        .to_string();
    let form = [
        ("form[community_id]", "7"),
        ("form[kind]", "event"),
        ("form[title]", "防诈骗讲座"),
        ("form[place]", "社区活动室"),
        ("form[date]", date.as_str()),
        ("form[start_time]", "15:00"),
        ("form[end_time]", "16:30"),
        ("form[needed]", "3"),
    ];
    let not_staff = app
        .call("/api/volunteer/manage/create", &form, Some(&volunteer))
        .await;
    assert_eq!(not_staff.status, StatusCode::FORBIDDEN);
    let worker = app.log_in_demo(WORKER).await;
    let created = app
        .call("/api/volunteer/manage/create", &form, Some(&worker))
        .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    let mut other = form;
    other[0] = ("form[community_id]", "1");
    let elsewhere = app
        .call("/api/volunteer/manage/create", &other, Some(&worker))
        .await;
    assert_eq!(
        elsewhere.status,
        StatusCode::FORBIDDEN,
        "not staff of 红河社区"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_delivery_shift_makes_its_volunteer_the_routes_deliverer(pool: SqlitePool) {
    let app = demo(pool).await;
    let family = app.log_in_demo(FAMILY).await;
    let date = (app::clock::today_in_shanghai() + chrono::Days::new(1))
        .format("%Y-%m-%d")
        .to_string();
    let set_meal = scalar(&app, "SELECT id FROM dishes WHERE name LIKE '敬老套餐%'").await;
    let wang = scalar(&app, "SELECT id FROM elders WHERE name = '王秀英'").await;
    let placed = app
        .call(
            "/api/canteen/order",
            &[
                ("form[elder_id]", wang.to_string().as_str()),
                ("form[service_id]", "1"),
                ("form[dates][]", date.as_str()),
                ("form[dishes][]", format!("{set_meal}:1").as_str()),
                ("form[fulfilment]", "delivery"),
                ("form[replaces]", "0"),
            ],
            Some(&family),
        )
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let cook = app.log_in_demo(COOK).await;
    let plan = [
        ("service_id", "1"),
        ("date", date.as_str()),
        ("max_stops", "8"),
    ];
    app.call("/api/canteen/manage/plan-routes", &plan, Some(&cook))
        .await;
    let offer = [("service_id", "1"), ("date", date.as_str())];
    let offered = app
        .call("/api/volunteer/manage/offer-routes", &offer, Some(&cook))
        .await;
    assert_eq!(offered.status, StatusCode::OK, "{}", offered.body);
    let again = app
        .call("/api/volunteer/manage/offer-routes", &offer, Some(&cook))
        .await;
    assert_eq!(
        again.status,
        StatusCode::CONFLICT,
        "each route is offered once"
    );

    let shift = scalar(&app, "SELECT id FROM shifts WHERE kind = 'delivery'")
        .await
        .to_string();
    let volunteer = app.log_in_demo(VOLUNTEER).await;
    let before = app
        .call("/api/canteen/my-deliveries", &[], Some(&volunteer))
        .await;
    assert!(!before.body.contains("12栋"));
    let signed = app
        .call(
            "/api/volunteer/sign-up",
            &[("shift_id", &shift)],
            Some(&volunteer),
        )
        .await;
    assert_eq!(signed.status, StatusCode::OK, "{}", signed.body);
    let after = app
        .call("/api/canteen/my-deliveries", &[], Some(&volunteer))
        .await;
    assert!(
        after.body.contains("12栋"),
        "the route's stops, now his: {}",
        after.body
    );

    let cancelled = app
        .call(
            "/api/volunteer/cancel",
            &[("shift_id", &shift)],
            Some(&volunteer),
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.body);
    let gone = app
        .call("/api/canteen/my-deliveries", &[], Some(&volunteer))
        .await;
    assert!(!gone.body.contains("12栋"), "no longer his route");
}
