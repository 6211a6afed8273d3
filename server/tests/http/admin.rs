//! Administration through the real router: the community tree.

use crate::support::TestApp;
use app::db::Pool;
use axum::http::StatusCode;

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn only_an_admin_of_every_community_adds_communities_and_it_is_audited(pool: Pool) {
    let app = TestApp::new(pool);
    let local = app.register("13800138000", "陈静").await;
    app.grant("13800138000", "admin", Some(7)).await;
    let global = app.register("13900139000", "张主任").await;
    app.grant("13900139000", "admin", None).await;
    let form = [("subdistrict_id", "2"), ("name", "三街社区")];

    let refused = local.post("/api/communities/add", &form).await;
    assert!(refused.body.contains("Forbidden"), "{}", refused.body);
    let added = global.post("/api/communities/add", &form).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let again = global.post("/api/communities/add", &form).await;
    assert!(again.body.contains("同名的社区"), "{}", again.body);
    let blank = global
        .post(
            "/api/communities/add",
            &[("subdistrict_id", "2"), ("name", "  ")],
        )
        .await;
    assert!(blank.body.contains("请填写社区名称"), "{}", blank.body);

    let list = app.call("/api/communities", &[], None).await;
    assert!(list.body.contains("三街社区"), "{}", list.body);
    let audit = global.post("/api/admin/audit", &[]).await;
    assert!(audit.body.contains("新增社区：三街社区"), "{}", audit.body);
    assert!(
        audit.body.contains("Community added: 三街社区"),
        "kept in English for admins who read in English: {}",
        audit.body
    );
}
