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

    let refused = app.call("/api/communities/add", &form, Some(&local)).await;
    assert!(refused.body.contains("Forbidden"), "{}", refused.body);
    let added = app.call("/api/communities/add", &form, Some(&global)).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let again = app.call("/api/communities/add", &form, Some(&global)).await;
    assert!(again.body.contains("同名的社区"), "{}", again.body);
    let blank = app
        .call(
            "/api/communities/add",
            &[("subdistrict_id", "2"), ("name", "  ")],
            Some(&global),
        )
        .await;
    assert!(blank.body.contains("请填写社区名称"), "{}", blank.body);

    let list = app.call("/api/communities", &[], None).await;
    assert!(list.body.contains("三街社区"), "{}", list.body);
    let audit = app.call("/api/admin/audit", &[], Some(&global)).await;
    assert!(audit.body.contains("新增社区：三街社区"), "{}", audit.body);
    assert!(
        audit.body.contains("Community added: 三街社区"),
        "kept in English for admins who read in English: {}",
        audit.body
    );
}
