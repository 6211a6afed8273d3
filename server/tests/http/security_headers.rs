//! Every response carries the headers browsers use to protect people; a page's policy allows
//! only scripts with that page's own nonce.

use std::sync::Arc;

use app::db::Pool;
use app::state::Config;
use axum::http::header;

use crate::support::{Reply, TestApp};

fn header_of<'a>(reply: &'a Reply, name: &str) -> &'a str {
    reply
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no {name} header"))
}

fn assert_protected(reply: &Reply) {
    assert_eq!(header_of(reply, "x-content-type-options"), "nosniff");
    assert_eq!(header_of(reply, "referrer-policy"), "same-origin");
    assert_eq!(header_of(reply, "x-frame-options"), "DENY");
    assert!(header_of(reply, "permissions-policy").contains("camera=()"));
    assert!(header_of(reply, "content-security-policy").contains("frame-ancestors 'none'"));
    assert!(reply
        .headers
        .get(header::STRICT_TRANSPORT_SECURITY)
        .is_none());
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_page_allows_only_scripts_carrying_its_own_nonce(pool: Pool) {
    let app = TestApp::new(pool);
    for path in ["/", "/login", "/no-such-page"] {
        let page = app.get(path, None).await;
        assert_protected(&page);
        let policy = header_of(&page, "content-security-policy");
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no nonce in {policy}"));
        assert!(nonce.len() >= 16, "{path}: nonce too short");
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
        let scripts = page.body.matches("<script").count();
        let with_nonce = page.body.matches(&format!("nonce=\"{nonce}\"")).count();
        assert!(
            scripts > 0 && with_nonce == scripts,
            "{path}: {with_nonce} of {scripts} scripts carry the nonce"
        );
        assert!(
            !page.body.contains(" onclick="),
            "{path} has an inline handler"
        );
        assert_eq!(header_of(&page, "cache-control"), "no-cache");
    }
    let second = app.get("/login", None).await;
    let first = app.get("/login", Some("xf_lang=en")).await;
    assert_ne!(
        header_of(&first, "content-security-policy"),
        header_of(&second, "content-security-policy"),
        "each render gets its own nonce"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn answers_that_are_not_pages_may_run_nothing(pool: Pool) {
    let app = TestApp::new(pool);
    let health = app.get("/healthz", None).await;
    assert_protected(&health);
    assert!(header_of(&health, "content-security-policy").starts_with("default-src 'none'"));
    let call = app.call("/api/auth/me", &[], None).await;
    assert_protected(&call);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn over_https_browsers_are_told_to_stay_on_https(pool: Pool) {
    let app = TestApp::new(pool);
    let mut state = app.state();
    state.config = Arc::new(Config {
        secure_cookies: true,
        ..Config::default()
    });
    let router = server::router::router(state);
    let app = TestApp { router, ..app };
    let page = app.get("/", None).await;
    assert!(header_of(&page, "strict-transport-security").starts_with("max-age="));
}
