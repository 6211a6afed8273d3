//! Behind a reverse proxy every request comes from the proxy's address: the log-in throttle
//! counts the client a trusted proxy names, and ignores what an untrusted peer claims.

use std::net::SocketAddr;
use std::sync::Arc;

use app::db::Pool;
use app::domain::client_address::TrustedProxies;
use app::state::Config;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request};

use crate::support::{Reply, TestApp};

const PHONE: &str = "13800138000";
const PASSWORD: &str = "红钢城wh2024!";

fn app_trusting(pool: Pool, proxies: &str) -> TestApp {
    let app = TestApp::new(pool);
    let mut state = app.state();
    state.config = Arc::new(Config {
        trusted_proxies: TrustedProxies::parse(proxies).unwrap(),
        ..Config::default()
    });
    TestApp {
        router: server::router::router(state),
        ..app
    }
}

/// Twenty failed log-ins from `ip` within the window: that address is locked out.
async fn lock_out(app: &TestApp, ip: &str) {
    for n in 0..20 {
        sqlx::query("INSERT INTO login_failures (phone, ip, at) VALUES ($1, $2, unixepoch())")
            .bind(format!("1390000{n:04}"))
            .bind(ip)
            .execute(&app.pool)
            .await
            .unwrap();
    }
}

async fn log_in_via_proxy(app: &TestApp, forwarded_for: &str) -> Reply {
    let body = serde_urlencoded::to_string([("phone", PHONE), ("password", PASSWORD)]).unwrap();
    let request = Request::post("/api/auth/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ORIGIN, "http://127.0.0.1:3000")
        .header("x-forwarded-for", forwarded_for)
        .extension(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 50000))))
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn behind_a_trusted_proxy_one_clients_failures_do_not_lock_out_another(pool: Pool) {
    let app = app_trusting(pool, "127.0.0.1");
    app.register(PHONE, "李军").await;
    lock_out(&app, "198.51.100.7").await;

    let other_client = log_in_via_proxy(&app, "203.0.113.5").await;
    assert!(
        other_client.cookie("xf_session").is_some(),
        "{}",
        other_client.body
    );
    let locked_client = log_in_via_proxy(&app, "198.51.100.7").await;
    assert_eq!(locked_client.body, r#"{"TooManyAttempts":15}"#);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_untrusted_peer_cannot_claim_another_address(pool: Pool) {
    let app = app_trusting(pool, "");
    app.register(PHONE, "李军").await;
    lock_out(&app, "127.0.0.1").await;

    let claimed = log_in_via_proxy(&app, "203.0.113.5").await;
    assert_eq!(claimed.body, r#"{"TooManyAttempts":15}"#);
    assert!(claimed.cookie("xf_session").is_none());
}
