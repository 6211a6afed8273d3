//! Pages for visitors who are not signed in come from a cache a few seconds fresh; signed-in
//! pages, other display modes and refused-form pages are rendered for each request.

use std::io::Read;

use app::db::Pool;
use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use server::page_cache::FRESH_FOR;
use tower::ServiceExt;

use crate::support::{demo, TestApp};

async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> String {
    app.get(path, cookie).await.body
}

async fn rename_canteen(app: &TestApp, name: &str) {
    sqlx::query("UPDATE canteens SET name = $1 WHERE id = 1")
        .bind(name)
        .execute(&app.pool)
        .await
        .unwrap();
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_visitor_gets_the_page_rendered_moments_ago_until_it_is_stale(pool: Pool) {
    let app = demo(pool).await;
    assert!(page(&app, "/canteen/1", None)
        .await
        .contains("十九街社区幸福食堂"));
    rename_canteen(&app, "红钢城食堂").await;
    assert!(page(&app, "/canteen/1", None)
        .await
        .contains("十九街社区幸福食堂"));

    let signed_in = app.log_in_demo("13900000005").await;
    assert!(page(&app, "/canteen/1", Some(&signed_in))
        .await
        .contains("红钢城食堂"));

    tokio::time::sleep(FRESH_FOR).await;
    assert!(page(&app, "/canteen/1", None).await.contains("红钢城食堂"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn each_display_mode_and_language_is_kept_apart(pool: Pool) {
    let app = demo(pool).await;
    assert!(!page(&app, "/", None).await.contains("elder-mode"));
    assert!(page(&app, "/", Some("xf_mode=elder"))
        .await
        .contains("elder-mode"));
    assert!(page(&app, "/", Some("xf_lang=en"))
        .await
        .contains("lang=\"en\""));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_page_showing_a_refused_form_is_not_kept(pool: Pool) {
    let app = demo(pool).await;
    let refused = "/canteen/1?__err=x";
    page(&app, refused, None).await;
    rename_canteen(&app, "红钢城食堂").await;
    assert!(page(&app, refused, None).await.contains("红钢城食堂"));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_kept_page_is_sent_compressed_as_the_browser_accepts(pool: Pool) {
    let app = demo(pool).await;
    let plain = page(&app, "/canteen/1", None).await;
    let request = Request::get("/canteen/1")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
    assert_eq!(response.headers()[header::VARY], "Accept-Encoding");
    let bytes = to_bytes(response.into_body(), 1 << 20).await.unwrap();
    let mut html = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut html)
        .unwrap();
    assert_eq!(html, plain);
}
