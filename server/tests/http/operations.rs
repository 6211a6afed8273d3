//! What an operator relies on: `/readyz`, `/metrics` (only for this machine or the token
//! holder, with the figures it promises), and a request id on every answer.

use std::net::SocketAddr;

use app::db::Pool;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};

use crate::support::{Reply, TestApp};

async fn metrics_from(app: &TestApp, peer: [u8; 4], extra: Option<(&str, &str)>) -> Reply {
    let mut request = Request::get("/metrics")
        .header(header::HOST, "127.0.0.1:3000")
        .extension(ConnectInfo(SocketAddr::from((peer, 40000))));
    if let Some((name, value)) = extra {
        request = request.header(name, value);
    }
    app.send(request.body(Body::empty()).unwrap()).await
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn ready_once_every_migration_is_applied(pool: Pool) {
    let app = TestApp::new(pool.clone());
    let ready = app.get("/readyz", None).await;
    assert_eq!(
        (ready.status, ready.body.as_str()),
        (StatusCode::OK, "ready")
    );

    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT max(version) FROM _sqlx_migrations)",
    )
    .execute(&pool)
    .await
    .unwrap();
    let behind = app.get("/readyz", None).await;
    assert_eq!(behind.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        behind.body.contains("this version needs"),
        "{}",
        behind.body
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn metrics_are_for_this_machine_only(pool: Pool) {
    let app = TestApp::new(pool.clone());
    app.get("/canteen", None).await;
    app::db::begin_immediate(&pool)
        .await
        .unwrap()
        .rollback()
        .await
        .unwrap();

    let local = metrics_from(&app, [127, 0, 0, 1], None).await;
    assert_eq!(local.status, StatusCode::OK);
    assert!(
        local.body.contains("xingfu_http_requests_total"),
        "{}",
        local.body
    );
    assert!(local.body.contains(r#"route="/canteen""#), "{}", local.body);
    assert!(local
        .body
        .contains("xingfu_http_request_duration_seconds_bucket"));
    assert!(local
        .body
        .contains(r#"xingfu_db_connections{pool="writer""#));
    assert!(local.body.contains("xingfu_db_write_wait_seconds_bucket"));

    let remote = metrics_from(&app, [203, 0, 113, 9], None).await;
    assert_eq!(remote.status, StatusCode::NOT_FOUND);
    let through_a_proxy = metrics_from(
        &app,
        [127, 0, 0, 1],
        Some(("x-forwarded-for", "203.0.113.9")),
    )
    .await;
    assert_eq!(through_a_proxy.status, StatusCode::NOT_FOUND);
    let wrong_token = metrics_from(
        &app,
        [203, 0, 113, 9],
        Some(("authorization", "Bearer guess")),
    )
    .await;
    assert_eq!(wrong_token.status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn refusals_and_places_are_counted(pool: Pool) {
    let app = TestApp::new(pool);
    let refused = app
        .call(
            "/api/auth/register",
            &[("phone", "123"), ("display_name", "李"), ("password", "x")],
            None,
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let figures = metrics_from(&app, [127, 0, 0, 1], None).await.body;
    assert!(
        figures.contains(r#"xingfu_server_fn_errors_total{kind="invalid"}"#),
        "{figures}"
    );
    assert!(
        figures.contains(r#"route="/api/auth/register""#),
        "{figures}"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn every_answer_carries_a_request_id(pool: Pool) {
    let app = TestApp::new(pool);
    let first = app.get("/", None).await;
    let second = app.get("/pkg/missing.js", None).await;
    let id = |reply: &Reply| {
        reply
            .headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .expect("x-request-id")
    };
    assert_ne!(id(&first), id(&second));
    assert_eq!(id(&first).len(), "A7F3-000123".len());
}
