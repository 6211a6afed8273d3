//! The 数据看板 through the real router on the demo data, with a meal served last month in
//! 十九街社区 (王秀英) and one in 红河社区 (周桂兰): a worker sees only their own community by
//! the page, the server function and the CSV; families are refused; the admin of every
//! community sees and compares both; the page is whole without JavaScript.

use app::db::Pool;
use axum::http::StatusCode;
use chrono::{Datelike, Days};

use crate::support::{demo, scalar, TestApp};

const ADMIN: &str = "13900000001"; // 张主任, admin of every community
const WORKER: &str = "13900000002"; // 陈静, worker and admin of 十九街社区 (7)
const FAMILY: &str = "13900000005"; // 李军

/// The last day of last month: both elders ordered then and not since.
fn last_month() -> chrono::NaiveDate {
    let today = app::clock::today_in_shanghai();
    today - Days::new(u64::from(today.day()))
}

/// From the first day of last month to today.
fn period() -> String {
    let from = last_month().with_day(1).unwrap();
    format!("from={from}&to={}", app::clock::today_in_shanghai())
}

async fn app_with_meals(pool: Pool) -> TestApp {
    let app = demo(pool).await;
    let date = last_month().to_string();
    sqlx::raw_sql(&format!(
        "INSERT INTO canteens (id, community_id, name, address) VALUES (90, 1, '红河社区幸福食堂', '红河社区');
         INSERT INTO meal_services (id, canteen_id, meal, cutoff_time, serve_time, capacity)
            VALUES (90, 90, 'lunch', '09:30', '11:30', 50);
         INSERT INTO orders (elder_id, service_id, date, fulfilment, status, full_price_fen, subsidy_fen, pay_fen, placed_by)
            SELECT e.id, CASE e.community_id WHEN 7 THEN 1 ELSE 90 END, '{date}', 'delivery', 'delivered', 1500, 1000, 500, 1
            FROM elders e WHERE e.name IN ('王秀英', '周桂兰');
         INSERT INTO service_requests (community_id, requester_id, category, detail, wished_time, place, status, posted_at, taken_at)
            VALUES (7, 1, 'haircut', '理发', '周六上午', '12栋', 'taken', unixepoch() - 7200, unixepoch() - 3600);"
    ))
    .execute(&app.pool)
    .await
    .unwrap();
    app
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_worker_sees_only_their_own_community(pool: Pool) {
    let app = app_with_meals(pool).await;
    let worker = app.log_in_demo(WORKER).await;

    let page = worker.get("/dashboard").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("王秀英"),
        "her own community's elder to call back"
    );
    assert!(!page.body.contains("周桂兰"), "nothing of 红河社区");
    assert!(
        !page.body.contains("各社区对比"),
        "one community is not compared"
    );

    let refused = worker.get("/dashboard?community=1").await;
    assert!(refused.body.contains("您没有权限"), "{}", refused.body);
    assert!(!refused.body.contains("周桂兰"));

    let other = worker
        .post("/api/dashboard", &[("filter[community]", "1")])
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN, "{}", other.body);
    let own = worker.post("/api/dashboard", &[]).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
    assert!(own.body.contains("王秀英") && !own.body.contains("周桂兰"));
    let today = worker
        .post("/api/dashboard/today", &[("community", "1")])
        .await;
    assert_eq!(today.status, StatusCode::FORBIDDEN);

    let csv = worker
        .get(&format!("/dashboard/meals.csv?{}&community=1", period()))
        .await;
    assert_eq!(csv.status, StatusCode::FORBIDDEN);
    let csv = worker
        .get(&format!("/dashboard/meals.csv?{}", period()))
        .await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    assert!(
        csv.body
            .starts_with("\u{feff}日期,堂食(份),自取(份),送餐上门(份)\r\n"),
        "{}",
        csv.body
    );
    let served: Vec<&str> = csv.body.lines().filter(|l| l.ends_with(",1")).collect();
    assert_eq!(
        served,
        [format!("{},0,0,1", last_month())],
        "only 王秀英's meal"
    );
    let unknown = worker.get("/dashboard/elders.csv").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn families_are_refused_and_visitors_asked_to_log_in(pool: Pool) {
    let app = app_with_meals(pool).await;
    let family = app.log_in_demo(FAMILY).await;
    let call = family.post("/api/dashboard", &[]).await;
    assert_eq!(call.status, StatusCode::FORBIDDEN);
    let page = family.get("/dashboard").await;
    assert!(page.body.contains("您没有权限"), "{}", page.body);
    assert!(!page.body.contains("王秀英") && !page.body.contains("周桂兰"));
    let csv = family.get("/dashboard/meals.csv").await;
    assert_eq!(csv.status, StatusCode::FORBIDDEN);

    assert_eq!(
        app.call("/api/dashboard", &[], None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let page = app.get("/dashboard", None).await;
    assert!(
        page.body.contains("/login?next=/dashboard"),
        "{}",
        page.body
    );
    assert_eq!(
        app.get("/dashboard/meals.csv", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_admin_of_every_community_sees_and_compares_both(pool: Pool) {
    let app = app_with_meals(pool).await;
    let admin = app.log_in_demo(ADMIN).await;
    let all = admin.get(&format!("/dashboard?{}", period())).await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.body.contains("王秀英") && all.body.contains("周桂兰"));
    assert!(all.body.contains("各社区对比"));
    assert!(all.body.contains("红河社区") && all.body.contains("十九街社区"));

    let one = admin
        .post("/api/dashboard", &[("filter[community]", "1")])
        .await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.body);
    assert!(one.body.contains("周桂兰") && !one.body.contains("王秀英"));

    let csv = admin
        .get(&format!("/dashboard/meals.csv?{}", period()))
        .await;
    let served: Vec<&str> = csv.body.lines().filter(|l| l.ends_with(",2")).collect();
    assert_eq!(served, [format!("{},0,0,2", last_month())], "both meals");
    assert_eq!(
        scalar(
            &app,
            "SELECT count(*) FROM orders WHERE status = 'delivered'"
        )
        .await,
        2
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_page_renders_every_chart_and_table_without_javascript(pool: Pool) {
    let app = app_with_meals(pool).await;
    let worker = app.log_in_demo(WORKER).await;
    let page = worker.get(&format!("/dashboard?{}", period())).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    for chart in app::dashboard::model::DashboardChart::ALL {
        assert!(
            body.contains(chart.label()),
            "chart {} is missing",
            chart.label()
        );
        assert!(
            body.contains(&format!("/dashboard/{}.csv?", chart.code())),
            "no CSV link for {}",
            chart.code()
        );
    }
    let charts = app::dashboard::model::DashboardChart::ALL.len();
    assert!(
        body.matches("<svg").count() >= charts,
        "{}",
        body.matches("<svg").count()
    );
    // A table under each chart, then the elders to call back and the request kinds.
    assert!(body.matches("<table").count() >= charts + 2);
    assert!(body.contains("今天") && body.contains("幸福食堂") && body.contains("老年学校"));
    assert!(
        body.contains(r#"<form method="get" action="/dashboard""#),
        "a plain GET form"
    );
}
