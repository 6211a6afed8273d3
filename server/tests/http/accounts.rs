//! The real router on a fresh database: pages, health, accounts, sessions and cross-site writes.

use crate::support::TestApp;
use app::db::Pool;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn health_answers_ok_when_the_database_does(pool: Pool) {
    let app = TestApp::new(pool);
    let reply = app.get("/healthz", None).await;
    assert_eq!((reply.status, reply.body.as_str()), (StatusCode::OK, "ok"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_home_page_is_rendered_on_the_server_in_chinese(pool: Pool) {
    let app = TestApp::new(pool);
    let reply = app.get("/", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains(r#"lang="zh-CN""#), "{}", reply.body);
    assert!(reply.body.contains("幸福食堂"));
    assert!(reply.body.contains("登录"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_unknown_address_is_a_404_page_with_a_way_home(pool: Pool) {
    let app = TestApp::new(pool);
    let reply = app.get("/no-such-page", None).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("回到首页"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn registering_logs_in_with_an_http_only_same_site_cookie(pool: Pool) {
    let app = TestApp::new(pool);
    let reply = app
        .call(
            "/api/auth/register",
            &[
                ("display_name", "李军"),
                ("phone", "138 0013 8000"),
                ("password", "红钢城wh2024!"),
                ("password_confirm", "红钢城wh2024!"),
            ],
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let line = reply
        .set_cookie_lines()
        .into_iter()
        .find(|l| l.starts_with("xf_session="))
        .unwrap();
    assert!(
        line.contains("HttpOnly") && line.contains("SameSite=Lax") && line.contains("Path=/"),
        "{line}"
    );
    let cookie = app.browser(reply.cookie("xf_session").unwrap());

    let me = cookie.post("/api/auth/me", &[]).await;
    assert!(
        me.body.contains("13800138000") && me.body.contains("李军"),
        "{}",
        me.body
    );
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(stored.starts_with("$argon2id$"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn weak_passwords_and_bad_numbers_are_refused_in_chinese_and_nothing_is_saved(pool: Pool) {
    let app = TestApp::new(pool);
    for (phone, password, message) in [
        ("13800138000", "12345678", "太常见"),
        ("13800138000", "abc", "至少需要 8 位"),
        ("1380013800", "红钢城wh2024!", "11 位手机号码"),
    ] {
        let form = [
            ("display_name", "李军"),
            ("phone", phone),
            ("password", password),
            ("password_confirm", password),
        ];
        let reply = app.call("/api/auth/register", &form, None).await;
        assert_ne!(reply.status, StatusCode::OK);
        assert!(reply.body.contains(message), "{}", reply.body);
    }
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(users, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn wrong_passwords_are_refused_and_the_sixth_try_is_locked(pool: Pool) {
    let app = TestApp::new(pool);
    app.register("13800138000", "李军").await;
    for _ in 0..5 {
        let reply = app
            .call(
                "/api/auth/login",
                &[("phone", "13800138000"), ("password", "wrong-password")],
                None,
            )
            .await;
        assert!(reply.body.contains("手机号或密码不正确"), "{}", reply.body);
    }
    let right = [("phone", "13800138000"), ("password", "红钢城wh2024!")];
    let locked = app.call("/api/auth/login", &right, None).await;
    assert_eq!(
        locked.body, r#"{"TooManyAttempts":15}"#,
        "shown as 尝试次数过多，请 15 分钟后再试。"
    );
    assert!(locked.cookie("xf_session").is_none());
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn logging_in_rotates_the_session_and_logging_out_ends_it(pool: Pool) {
    let app = TestApp::new(pool);
    let first = app.register("13800138000", "李军").await;
    let login = first
        .post(
            "/api/auth/login",
            &[("phone", "13800138000"), ("password", "红钢城wh2024!")],
        )
        .await;
    let second = app.browser(login.cookie("xf_session").unwrap());
    assert_ne!(*first, *second);
    let old = first.post("/api/auth/me", &[]).await;
    assert_eq!(old.body, "null", "the session from before log-in is over");

    second.post("/api/auth/logout", &[]).await;
    let after = second.post("/api/auth/me", &[]).await;
    assert_eq!(after.body, "null");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn writes_from_another_site_are_refused(pool: Pool) {
    let app = TestApp::new(pool);
    for (name, value) in [
        ("sec-fetch-site", "cross-site"),
        ("origin", "https://evil.example"),
    ] {
        let mut request = Request::post("/api/auth/logout")
            .header(header::HOST, "127.0.0.1:3000")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        request = request.header(name, value);
        let reply = app.send(request.body(Body::empty()).unwrap()).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{name}: {value}");
    }
    let same_site = app.call("/api/auth/logout", &[], None).await;
    assert_eq!(same_site.status, StatusCode::OK);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_plain_form_post_redirects_back_with_the_error_for_the_page_to_show(pool: Pool) {
    let app = TestApp::new(pool);
    let request = Request::post("/api/auth/login")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, "http://127.0.0.1:3000/login")
        .body(Body::from("phone=13800138000&password=wrong-password"))
        .unwrap();
    let reply = app.send(request).await;
    assert_eq!(reply.status, StatusCode::FOUND);
    let location = reply.location().unwrap();
    assert!(
        location.starts_with("http://127.0.0.1:3000/login?") && location.contains("__err="),
        "{location}"
    );

    let page = app
        .get(location.trim_start_matches("http://127.0.0.1:3000"), None)
        .await;
    assert!(
        page.body.contains("11 位手机号码"),
        "the login page shows the error"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn the_elder_display_is_rendered_by_the_server_from_its_cookie(pool: Pool) {
    let app = TestApp::new(pool);
    let reply = app
        .call("/api/prefs/mode", &[("elder", "true")], None)
        .await;
    let cookie = app.browser(reply.cookie("xf_mode").unwrap());
    assert_eq!(&*cookie, "xf_mode=elder");
    let page = cookie.get("/").await;
    assert!(
        page.body.contains(r#"class="elder-mode""#),
        "{}",
        &page.body[..400.min(page.body.len())]
    );
    let english = app.get("/", Some("xf_lang=en")).await;
    assert!(english.body.contains(r#"lang="en""#) && english.body.contains("Senior canteen"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn refused_requests_answer_with_a_matching_status_not_500(pool: Pool) {
    let app = TestApp::new(pool);
    let bad_phone = app
        .call(
            "/api/auth/login",
            &[("phone", "123"), ("password", "x")],
            None,
        )
        .await;
    assert_eq!(bad_phone.status, StatusCode::BAD_REQUEST);
    let anonymous = app.call("/api/household/mine", &[], None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let family = app.register("13800138000", "李军").await;
    let forbidden = family.post("/api/admin/audit", &[]).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    let missing = family
        .post("/api/household/elder", &[("elder_id", "404")])
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let twice = app
        .call(
            "/api/auth/register",
            &[
                ("display_name", "李军"),
                ("phone", "13800138000"),
                ("password", "红钢城wh2024!"),
                ("password_confirm", "红钢城wh2024!"),
            ],
            None,
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn refusals_are_in_english_for_a_visitor_who_chose_english(pool: Pool) {
    let app = TestApp::new(pool);
    let cross_site = Request::post("/api/auth/logout")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::COOKIE, "xf_lang=en")
        .header("sec-fetch-site", "cross-site")
        .body(Body::empty())
        .unwrap();
    let refused = app.send(cross_site).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("other websites"), "{}", refused.body);

    let download = app
        .get("/canteen/manage/prep.csv", Some("xf_lang=en"))
        .await;
    assert_eq!(download.status, StatusCode::UNAUTHORIZED);
    assert_eq!(download.body, "Please log in first.");

    let in_chinese = app
        .get("/canteen/manage/prep.csv", Some("xf_lang=zh"))
        .await;
    assert_eq!(in_chinese.body, "请先登录。");
}
