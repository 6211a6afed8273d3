//! Ordering, the kitchen and delivery through the real router on the demo data: prices,
//! refusals with reasons, and who may see and change what.

use app::db::Pool;
use axum::http::StatusCode;

use crate::support::{demo, Browser, TestApp};

const FAMILY: &str = "13900000005"; // 李军, family of 王秀英 and 李建国
const COOK: &str = "13900000003"; // 刘芳, canteen staff of 十九街社区
const VOLUNTEER: &str = "13900000004"; // 赵磊

async fn id_of(app: &TestApp, sql: &str, name: &str) -> i64 {
    sqlx::query_scalar(sql)
        .bind(name)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn elder(app: &TestApp, name: &str) -> String {
    id_of(app, "SELECT id FROM elders WHERE name = $1", name)
        .await
        .to_string()
}

async fn dish(app: &TestApp, name: &str) -> i64 {
    id_of(app, "SELECT id FROM dishes WHERE name LIKE $1 || '%'", name).await
}

fn tomorrow() -> String {
    (app::clock::today_in_shanghai() + chrono::Days::new(1))
        .format("%Y-%m-%d")
        .to_string()
}

async fn order(
    app: &TestApp,
    cookie: &str,
    elder: &str,
    dishes: &str,
    fulfilment: &str,
) -> (StatusCode, String) {
    let date = tomorrow();
    let reply = app
        .call(
            "/api/canteen/order",
            &[
                ("form[elder_id]", elder),
                ("form[service_id]", "1"),
                ("form[dates][]", &date),
                ("form[dishes][]", dishes),
                ("form[fulfilment]", fulfilment),
                ("form[replaces]", "0"),
            ],
            Some(cookie),
        )
        .await;
    (reply.status, reply.body)
}

/// 李军 orders tomorrow's 敬老套餐 delivered to 王秀英; his session cookie.
async fn family_ordered_wangs_set_meal(app: &TestApp) -> Browser<'_> {
    let family = app.log_in_demo(FAMILY).await;
    let set_meal = format!("{}:1", dish(app, "敬老套餐").await);
    let wang = elder(app, "王秀英").await;
    let (status, body) = order(app, &family, &wang, &set_meal, "delivery").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    family
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_family_order_keeps_the_subsidised_price_shown(pool: Pool) {
    let app = demo(pool).await;
    let cookie = app.log_in_demo(FAMILY).await;
    let wang = elder(&app, "王秀英").await;
    let set_meal = format!("{}:1", dish(&app, "敬老套餐").await);
    let (status, body) = order(&app, &cookie, &wang, &set_meal, "delivery").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (full, subsidy, pay): (i64, i64, i64) =
        sqlx::query_as("SELECT full_price_fen, subsidy_fen, pay_fen FROM orders")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    // 王秀英 is 82: the 80–89 rule gives 10 yuan off the 15-yuan set meal.
    assert_eq!((full, subsidy, pay), (1500, 1000, 500));
    let page = cookie.get("/canteen/orders").await;
    assert!(page.body.contains("实付 ¥5.00（原价 ¥15.00，补贴 ¥10.00）"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_allergen_or_an_unneeded_delivery_is_refused_with_the_reason(pool: Pool) {
    let app = demo(pool).await;
    let cookie = app.log_in_demo(FAMILY).await;
    let peanuts = format!("{}:1", dish(&app, "宫保鸡丁").await);
    let (status, body) = order(
        &app,
        &cookie,
        &elder(&app, "王秀英").await,
        &peanuts,
        "delivery",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("王秀英对花生过敏"), "{body}");

    let set_meal = format!("{}:1", dish(&app, "敬老套餐").await);
    let (status, body) = order(
        &app,
        &cookie,
        &elder(&app, "李建国").await,
        &set_meal,
        "delivery",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("送餐上门只为"), "{body}");
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(orders, 0, "nothing half-written");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn another_family_can_neither_order_for_nor_cancel_anothers_elder(pool: Pool) {
    let app = demo(pool).await;
    let family = app.log_in_demo(FAMILY).await;
    let wang = elder(&app, "王秀英").await;
    let set_meal = format!("{}:1", dish(&app, "敬老套餐").await);
    order(&app, &family, &wang, &set_meal, "delivery").await;
    let order_id: i64 = sqlx::query_scalar("SELECT id FROM orders")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    let stranger = app.register("13812345678", "陌生人").await;
    let (status, _) = order(&app, &stranger, &wang, &set_meal, "delivery").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let cancel = stranger
        .post(
            "/api/canteen/cancel",
            &[("order_id", &order_id.to_string())],
        )
        .await;
    assert_eq!(cancel.status, StatusCode::NOT_FOUND);
    let options = stranger
        .post("/api/canteen/order-options", &[("elder_id", &wang)])
        .await;
    assert_eq!(options.status, StatusCode::NOT_FOUND);

    let cancel = family
        .post(
            "/api/canteen/cancel",
            &[("order_id", &order_id.to_string())],
        )
        .await;
    assert_eq!(cancel.status, StatusCode::OK, "{}", cancel.body);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_the_canteens_staff_see_the_prep_sheet_and_its_csv(pool: Pool) {
    let app = demo(pool).await;
    let family = family_ordered_wangs_set_meal(&app).await;
    let path = format!("/canteen/manage/prep.csv?service=1&date={}", tomorrow());

    assert_eq!(app.get(&path, None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(family.get(&path).await.status, StatusCode::FORBIDDEN);
    let sheet = family
        .post("/api/canteen/manage/prep", &[("service_id", "1")])
        .await;
    assert_eq!(sheet.status, StatusCode::FORBIDDEN);

    let cook = app.log_in_demo(COOK).await;
    let csv = cook.get(&path).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body.contains("敬老套餐（一荤一素一汤）,1,0,0,1"),
        "{}",
        csv.body
    );
    assert!(
        csv.body.contains("王秀英"),
        "the allergy line names the elder"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_stop_is_marked_only_by_its_deliverer_or_the_staff(pool: Pool) {
    let app = demo(pool).await;
    let family = family_ordered_wangs_set_meal(&app).await;
    let date = tomorrow();
    let cook = app.log_in_demo(COOK).await;
    for from in ["placed", "cooking", "ready"] {
        let step = cook
            .post(
                "/api/canteen/manage/advance",
                &[("service_id", "1"), ("date", &date), ("from", from)],
            )
            .await;
        assert_eq!(step.status, StatusCode::OK, "{}", step.body);
    }
    let plan = cook
        .post(
            "/api/canteen/manage/plan-routes",
            &[("service_id", "1"), ("date", &date), ("max_stops", "8")],
        )
        .await;
    assert_eq!(plan.status, StatusCode::OK, "{}", plan.body);
    let order_id: String = sqlx::query_scalar("SELECT CAST(id AS TEXT) FROM orders")
        .fetch_one(&app.pool)
        .await
        .unwrap();

    let volunteer = app.log_in_demo(VOLUNTEER).await;
    let mark = [("order_id", order_id.as_str()), ("outcome", "delivered")];
    let early = volunteer.post("/api/canteen/mark-stop", &mark).await;
    assert_eq!(early.status, StatusCode::NOT_FOUND, "not his route yet");
    let mine = volunteer.post("/api/canteen/my-deliveries", &[]).await;
    assert!(
        !mine.body.contains("12栋"),
        "no address before the route is his"
    );

    let route_id: String = sqlx::query_scalar("SELECT CAST(id AS TEXT) FROM delivery_routes")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let assign = cook
        .post(
            "/api/canteen/manage/assign",
            &[("route_id", route_id.as_str()), ("phone", VOLUNTEER)],
        )
        .await;
    assert_eq!(assign.status, StatusCode::OK, "{}", assign.body);
    let mine = volunteer.post("/api/canteen/my-deliveries", &[]).await;
    assert!(mine.body.contains("12栋"), "{}", mine.body);
    let done = volunteer.post("/api/canteen/mark-stop", &mark).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);

    let month = &date[..7];
    let settlement = cook
        .get(&format!("/canteen/manage/settlement.csv?month={month}"))
        .await;
    assert_eq!(settlement.status, StatusCode::OK);
    assert!(
        settlement.body.contains("80–89 岁,低保,1,15.00,10.00,5.00"),
        "{}",
        settlement.body
    );
    let refused = volunteer
        .get(&format!("/canteen/manage/settlement.csv?month={month}"))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let rate = family
        .post(
            "/api/canteen/rate",
            &[
                ("order_id", order_id.as_str()),
                ("stars", "5"),
                ("comment", "很好"),
            ],
        )
        .await;
    assert_eq!(rate.status, StatusCode::OK, "{}", rate.body);
    let twice = family
        .post(
            "/api/canteen/rate",
            &[
                ("order_id", order_id.as_str()),
                ("stars", "4"),
                ("comment", ""),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
}
