//! Households through the real router: who may see and change which elder.

use crate::support::TestApp;
use app::db::Pool;
use axum::http::StatusCode;

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_family_registers_an_elder_and_sees_it_on_the_family_page(pool: Pool) {
    let app = TestApp::new(pool);
    let family = app.register("13800138000", "李军").await;
    app.add_elder(&family, "王秀英", "7").await;

    let mine = family.post("/api/household/mine", &[]).await;
    assert!(
        mine.body.contains("王秀英")
            && mine.body.contains("Peanut")
            && mine.body.contains("Seafood"),
        "{}",
        mine.body
    );
    let page = family.get("/family").await;
    assert!(
        page.body.contains("王秀英") && page.body.contains("十九街社区"),
        "the page is rendered with the elder"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_bad_elder_form_is_refused_with_the_field_named_and_saves_nothing(pool: Pool) {
    let app = TestApp::new(pool);
    let family = app.register("13800138000", "李军").await;
    let form = [
        ("form[name]", "王秀英"),
        ("form[birth_date]", "1944/03/08"),
        ("form[community_id]", "7"),
        ("form[building]", "12栋"),
        ("form[room]", "301"),
    ];
    let reply = family.post("/api/household/add", &form).await;
    assert!(reply.body.contains("出生日期"), "{}", reply.body);
    let missing_community = [
        ("form[name]", "王秀英"),
        ("form[birth_date]", "1944-03-08"),
        ("form[community_id]", "99"),
        ("form[building]", "1"),
        ("form[room]", "1"),
    ];
    let reply = family.post("/api/household/add", &missing_community).await;
    assert!(reply.body.contains("请选择所在社区"), "{}", reply.body);
    let elders: i64 = sqlx::query_scalar("SELECT count(*) FROM elders")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(elders, 0);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn without_a_session_every_household_endpoint_asks_to_log_in(pool: Pool) {
    let app = TestApp::new(pool);
    for path in [
        "/api/household/mine",
        "/api/household/community",
        "/api/household/elder",
    ] {
        let reply = app.call(path, &[("elder_id", "1")], None).await;
        assert!(reply.body.contains("NotLoggedIn"), "{path}: {}", reply.body);
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn family_b_cannot_read_or_change_family_a_elder_through_any_endpoint(pool: Pool) {
    let app = TestApp::new(pool);
    let family_a = app.register("13800138000", "李军").await;
    let family_b = app.register("13900139000", "陌生人").await;
    let elder = app.add_elder(&family_a, "王秀英", "7").await.to_string();

    let mine = family_b.post("/api/household/mine", &[]).await;
    assert_eq!(mine.body, "[]");
    let read = family_b
        .post("/api/household/elder", &[("elder_id", &elder)])
        .await;
    assert!(
        read.body.contains("NotFound") && !read.body.contains("王秀英"),
        "{}",
        read.body
    );
    let update = [
        ("elder_id", elder.as_str()),
        ("form[name]", "改掉"),
        ("form[birth_date]", "1944-03-08"),
        ("form[community_id]", "7"),
        ("form[building]", "1"),
        ("form[room]", "1"),
    ];
    let changed = family_b.post("/api/household/update", &update).await;
    assert!(changed.body.contains("NotFound"), "{}", changed.body);
    let link = family_b
        .post(
            "/api/household/link-login",
            &[("elder_id", &elder), ("phone", "13900139000")],
        )
        .await;
    assert!(link.body.contains("NotFound"), "{}", link.body);
    let community = family_b.post("/api/household/community", &[]).await;
    assert!(community.body.contains("Forbidden"), "{}", community.body);
    let page = family_b.get(&format!("/family/elders/{elder}")).await;
    assert!(!page.body.contains("王秀英") && !page.body.contains("13907123456"));

    let name: String = sqlx::query_scalar("SELECT name FROM elders")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(name, "王秀英");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_community_worker_registers_and_edits_elders_of_their_community_only(pool: Pool) {
    let app = TestApp::new(pool);
    let worker = app.register("13800138000", "陈静").await;
    app.grant("13800138000", "worker", Some(7)).await;
    let form = |community: &'static str| {
        [
            ("form[name]", "孙大海"),
            ("form[birth_date]", "1948-11-02"),
            ("form[community_id]", community),
            ("form[building]", "5栋"),
            ("form[room]", "201"),
        ]
    };
    let other = worker
        .post("/api/household/add-for-community", &form("1"))
        .await;
    assert!(other.body.contains("Forbidden"), "{}", other.body);
    let own = worker
        .post("/api/household/add-for-community", &form("7"))
        .await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);

    let listed = worker.post("/api/household/community", &[]).await;
    assert!(listed.body.contains("孙大海"), "{}", listed.body);
    let mine = worker.post("/api/household/mine", &[]).await;
    assert_eq!(
        mine.body, "[]",
        "staff do not become family of the elders they register"
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_community_admin_cannot_make_anyone_an_admin_of_every_community(pool: Pool) {
    let app = TestApp::new(pool);
    let local_admin = app.register("13800138000", "陈静").await;
    app.grant("13800138000", "admin", Some(7)).await;
    app.register("13900139000", "赵磊").await;
    let user_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE phone = '13900139000'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let user_id = user_id.to_string();

    let global = local_admin
        .post(
            "/api/admin/grant",
            &[
                ("user_id", &user_id),
                ("role", "admin"),
                ("community_id", ""),
            ],
        )
        .await;
    assert!(global.body.contains("Forbidden"), "{}", global.body);
    let elsewhere = local_admin
        .post(
            "/api/admin/grant",
            &[
                ("user_id", &user_id),
                ("role", "worker"),
                ("community_id", "1"),
            ],
        )
        .await;
    assert!(elsewhere.body.contains("Forbidden"), "{}", elsewhere.body);
    let here = local_admin
        .post(
            "/api/admin/grant",
            &[
                ("user_id", &user_id),
                ("role", "worker"),
                ("community_id", "7"),
            ],
        )
        .await;
    assert_eq!(here.status, StatusCode::OK, "{}", here.body);
    let found = local_admin
        .post("/api/admin/user", &[("phone", "13900139000")])
        .await;
    assert!(found.body.contains("Worker"), "{}", found.body);
    let audit = local_admin.post("/api/admin/audit", &[]).await;
    assert!(
        audit.body.contains("赵磊") && audit.body.contains("十九街社区"),
        "{}",
        audit.body
    );
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_family_account_is_refused_every_admin_endpoint(pool: Pool) {
    let app = TestApp::new(pool);
    let family = app.register("13800138000", "李军").await;
    for (path, form) in [
        ("/api/admin/user", vec![("phone", "13800138000")]),
        (
            "/api/admin/grant",
            vec![("user_id", "1"), ("role", "admin"), ("community_id", "")],
        ),
        (
            "/api/admin/revoke",
            vec![("user_id", "1"), ("role", "family"), ("community_id", "")],
        ),
        ("/api/admin/audit", vec![]),
    ] {
        let reply = family.post(path, &form).await;
        assert!(reply.body.contains("Forbidden"), "{path}: {}", reply.body);
    }
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_refused_plain_form_post_comes_back_filled_in_except_passwords(pool: Pool) {
    use axum::body::Body;
    use axum::http::{header, Request};
    let app = TestApp::new(pool);
    let family = app.register("13800138000", "李军").await;
    let body = "form%5Bname%5D=%E7%8E%8B%E7%A7%80%E8%8B%B1&form%5Bbirth_date%5D=1944-03-08&form%5Bcommunity_id%5D=7\
                &form%5Bbuilding%5D=12%E6%A0%8B&form%5Broom%5D=&form%5Ballergies%5D%5B%5D=peanut";
    let request = Request::post("/api/household/add")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::COOKIE, &*family)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://127.0.0.1:3000/family/elders/new")
        .body(Body::from(body))
        .unwrap();
    let reply = app.send(request).await;
    let location = reply
        .location()
        .unwrap()
        .trim_start_matches("http://127.0.0.1:3000")
        .to_string();
    assert!(location.contains("__form="), "{location}");
    for typed in ["%E7%8E%8B", "12%E6%A0%8B", "peanut", "1944"] {
        assert!(
            !location.contains(typed),
            "what was typed stays on the server, not in the address: {location}"
        );
    }

    let page = family.get(&location).await;
    assert!(page.body.contains("请填写门牌号"), "the error is shown");
    assert!(
        page.body.contains(r#"value="王秀英""#),
        "the name is still there"
    );
    assert!(
        page.body.contains(r#"value="12栋""#),
        "the building is still there"
    );
    assert!(
        page.body.contains(r#"value="peanut" checked"#),
        "the allergy is still ticked"
    );
}
