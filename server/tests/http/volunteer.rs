//! Volunteer shifts through the real router on the demo data: who may sign up and create
//! shifts, and a delivery shift that makes its volunteer the route's deliverer.

use app::db::Pool;
use axum::http::StatusCode;

use crate::support::{demo, scalar};

const VOLUNTEER: &str = "13900000004"; // 赵磊
const FAMILY: &str = "13900000005"; // 李军, not a volunteer
const WORKER: &str = "13900000002"; // 陈静, worker of 十九街社区
const COOK: &str = "13900000003";

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_volunteers_sign_up_and_only_staff_post_shifts(pool: Pool) {
    let app = demo(pool).await;
    let event = scalar(&app, "SELECT id FROM shifts WHERE kind = 'event'")
        .await
        .to_string();
    let family = app.log_in_demo(FAMILY).await;
    let refused = family
        .post("/api/volunteer/sign-up", &[("shift_id", &event)])
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("志愿者身份"));

    let volunteer = app.log_in_demo(VOLUNTEER).await;
    let ok = volunteer
        .post("/api/volunteer/sign-up", &[("shift_id", &event)])
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let page = volunteer.get("/volunteer/mine").await;
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
    let not_staff = volunteer.post("/api/volunteer/manage/create", &form).await;
    assert_eq!(not_staff.status, StatusCode::FORBIDDEN);
    let worker = app.log_in_demo(WORKER).await;
    let created = worker.post("/api/volunteer/manage/create", &form).await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    let mut other = form;
    other[0] = ("form[community_id]", "1");
    let elsewhere = worker.post("/api/volunteer/manage/create", &other).await;
    assert_eq!(
        elsewhere.status,
        StatusCode::FORBIDDEN,
        "not staff of 红河社区"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_delivery_shift_makes_its_volunteer_the_routes_deliverer(pool: Pool) {
    let app = demo(pool).await;
    let family = app.log_in_demo(FAMILY).await;
    let date = (app::clock::today_in_shanghai() + chrono::Days::new(1))
        .format("%Y-%m-%d")
        .to_string();
    let set_meal = scalar(&app, "SELECT id FROM dishes WHERE name LIKE '敬老套餐%'").await;
    let wang = scalar(&app, "SELECT id FROM elders WHERE name = '王秀英'").await;
    let placed = family
        .post(
            "/api/canteen/order",
            &[
                ("form[elder_id]", wang.to_string().as_str()),
                ("form[service_id]", "1"),
                ("form[dates][]", date.as_str()),
                ("form[dishes][]", format!("{set_meal}:1").as_str()),
                ("form[fulfilment]", "delivery"),
                ("form[replaces]", "0"),
            ],
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
    let offered = cook
        .post("/api/volunteer/manage/offer-routes", &offer)
        .await;
    assert_eq!(offered.status, StatusCode::OK, "{}", offered.body);
    let again = cook
        .post("/api/volunteer/manage/offer-routes", &offer)
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
    let before = volunteer.post("/api/canteen/my-deliveries", &[]).await;
    assert!(!before.body.contains("12栋"));
    let signed = volunteer
        .post("/api/volunteer/sign-up", &[("shift_id", &shift)])
        .await;
    assert_eq!(signed.status, StatusCode::OK, "{}", signed.body);
    let after = volunteer.post("/api/canteen/my-deliveries", &[]).await;
    assert!(
        after.body.contains("12栋"),
        "the route's stops, now his: {}",
        after.body
    );

    let cancelled = volunteer
        .post("/api/volunteer/cancel", &[("shift_id", &shift)])
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.body);
    let gone = volunteer.post("/api/canteen/my-deliveries", &[]).await;
    assert!(!gone.body.contains("12栋"), "no longer his route");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_request_goes_from_post_to_dispatch_to_done_to_rated_and_the_place_stays_private(
    pool: Pool,
) {
    let app = demo(pool).await;
    let family = app.log_in_demo(FAMILY).await;
    let wang = scalar(&app, "SELECT id FROM elders WHERE name = '王秀英'")
        .await
        .to_string();
    let posted = family
        .post(
            "/api/volunteer/requests/post",
            &[
                ("form[elder_id]", wang.as_str()),
                ("form[category]", "escort"),
                ("form[detail]", "陪同去医院复查，帮忙挂号取药"),
                ("form[wished_time]", "周四上午 8:30"),
                ("form[place]", "十九街12栋2单元301 接人"),
            ],
        )
        .await;
    assert_eq!(posted.status, StatusCode::OK, "{}", posted.body);
    let id = scalar(&app, "SELECT id FROM service_requests")
        .await
        .to_string();

    // Another volunteer (黄丽) sees the open request but not where.
    let other = app.log_in_demo("13900000007").await;
    let open = other.post("/api/volunteer/requests", &[]).await;
    assert!(open.body.contains("陪同去医院复查"));
    assert!(!open.body.contains("12栋2单元301"), "{}", open.body);

    let volunteer = app.log_in_demo(VOLUNTEER).await;
    let not_staff = volunteer
        .post(
            "/api/volunteer/requests/dispatch",
            &[("request_id", &id), ("phone", VOLUNTEER)],
        )
        .await;
    assert_eq!(not_staff.status, StatusCode::FORBIDDEN);
    let worker = app.log_in_demo(WORKER).await;
    let dispatched = worker
        .post(
            "/api/volunteer/requests/dispatch",
            &[("request_id", &id), ("phone", VOLUNTEER)],
        )
        .await;
    assert_eq!(dispatched.status, StatusCode::OK, "{}", dispatched.body);
    let too_late = family
        .post("/api/volunteer/requests/cancel", &[("request_id", &id)])
        .await;
    assert_eq!(too_late.status, StatusCode::CONFLICT);
    let theirs = volunteer.post("/api/volunteer/requests", &[]).await;
    assert!(
        theirs.body.contains("12栋2单元301"),
        "the volunteer now sees where"
    );
    let hidden = other.post("/api/volunteer/requests", &[]).await;
    assert!(
        !hidden.body.contains("陪同去医院复查"),
        "taken by someone else: gone from 黄丽's list"
    );

    let intruder = other
        .post("/api/volunteer/requests/done", &[("request_id", &id)])
        .await;
    assert_eq!(intruder.status, StatusCode::NOT_FOUND);
    for _ in 0..2 {
        let done = volunteer
            .post("/api/volunteer/requests/done", &[("request_id", &id)])
            .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    }
    let rated = family
        .post(
            "/api/volunteer/requests/rate",
            &[("request_id", &id), ("stars", "5"), ("comment", "很耐心")],
        )
        .await;
    assert_eq!(rated.status, StatusCode::OK, "{}", rated.body);
    let points = scalar(
        &app,
        "SELECT CAST(sum(points) AS BIGINT) FROM points_ledger",
    )
    .await;
    assert_eq!(
        points, 15,
        "10 for the hour, 5 for the good rating, each once"
    );
    let page = volunteer.get("/volunteer/points").await;
    assert!(
        page.body.contains("points-total\">15<"),
        "the points page shows the total"
    );
    let csv = worker.get("/volunteer/manage/hours.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body.contains("赵磊,13900000004,1,1.0,15"),
        "{}",
        csv.body
    );
    assert_eq!(
        app.get("/volunteer/manage/hours.csv", Some(&volunteer))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
