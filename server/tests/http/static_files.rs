//! Static files from the site root: precompressed bodies by `Accept-Encoding`, a year of
//! caching for content-hashed names and revalidation for the rest, and 304 on a matching ETag.

use std::path::PathBuf;

use app::db::Pool;
use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use server::assets::{Assets, CACHE_IMMUTABLE, CACHE_REVALIDATE};
use tower::ServiceExt;

use crate::support::TestApp;

const BUNDLE: &str = "/pkg/xingfu.Xq3b_9-ZZk1mPq2W4rT8aA.js";

/// A site root with a hashed script and its compressed siblings, and an unhashed icon.
fn site() -> PathBuf {
    let root = std::env::temp_dir().join(format!(
        "xingfu-static-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    let script = root.join(BUNDLE.trim_start_matches('/'));
    std::fs::write(&script, "console.log('幸福里');").unwrap();
    std::fs::write(script.with_extension("js.br"), "brotli bytes").unwrap();
    std::fs::write(script.with_extension("js.gz"), "gzip bytes").unwrap();
    std::fs::write(root.join("favicon.svg"), "<svg/>").unwrap();
    root
}

struct Got {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Got {
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or_default()
    }
}

async fn fetch(pool: &Pool, request: Request<Body>) -> Got {
    let root = site();
    let app = TestApp::new(pool.clone());
    let router = server::router::router_with_assets(app.state(), Assets::load(&root).unwrap());
    let response = router.oneshot(request).await.unwrap();
    let _ = std::fs::remove_dir_all(&root);
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap()
        .to_vec();
    Got {
        status,
        headers,
        body,
    }
}

fn get(path: &str, accept_encoding: &str) -> Request<Body> {
    Request::get(path)
        .header(header::ACCEPT_ENCODING, accept_encoding)
        .body(Body::empty())
        .unwrap()
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_hashed_bundle_file_is_sent_precompressed_and_cached_for_a_year(pool: Pool) {
    let got = fetch(&pool, get(BUNDLE, "gzip, deflate, br, zstd")).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.body, b"brotli bytes");
    assert_eq!(got.header(header::CONTENT_ENCODING), "br");
    assert_eq!(
        got.header(header::CONTENT_TYPE),
        "text/javascript; charset=utf-8"
    );
    assert_eq!(got.header(header::CACHE_CONTROL), CACHE_IMMUTABLE);
    assert_eq!(got.header(header::VARY), "Accept-Encoding");
    assert_eq!(got.header(header::CONTENT_LENGTH), "12");

    let gzip = fetch(&pool, get(BUNDLE, "gzip")).await;
    assert_eq!(gzip.body, b"gzip bytes");
    assert_eq!(gzip.header(header::CONTENT_ENCODING), "gzip");

    let plain = fetch(&pool, get(BUNDLE, "")).await;
    assert_eq!(plain.body, "console.log('幸福里');".as_bytes());
    assert_eq!(plain.header(header::CONTENT_ENCODING), "");
    assert_ne!(plain.header(header::ETAG), got.header(header::ETAG));
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_matching_etag_gets_304_without_a_body(pool: Pool) {
    let first = fetch(&pool, get(BUNDLE, "br")).await;
    let etag = first.header(header::ETAG).to_string();
    assert!(etag.starts_with('"'), "{etag}");

    let again = Request::get(BUNDLE)
        .header(header::ACCEPT_ENCODING, "br")
        .header(header::IF_NONE_MATCH, &etag)
        .body(Body::empty())
        .unwrap();
    let revalidated = fetch(&pool, again).await;
    assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED);
    assert!(revalidated.body.is_empty());
    assert_eq!(revalidated.header(header::ETAG), etag);

    let stale = Request::get(BUNDLE)
        .header(header::IF_NONE_MATCH, "\"something-else\"")
        .body(Body::empty())
        .unwrap();
    assert_eq!(fetch(&pool, stale).await.status, StatusCode::OK);
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn a_file_without_a_hash_is_revalidated_each_time(pool: Pool) {
    let icon = fetch(&pool, get("/favicon.svg", "br")).await;
    assert_eq!(icon.status, StatusCode::OK);
    assert_eq!(icon.body, b"<svg/>");
    assert_eq!(icon.header(header::CONTENT_TYPE), "image/svg+xml");
    assert_eq!(icon.header(header::CACHE_CONTROL), CACHE_REVALIDATE);
    assert_eq!(icon.header(header::CONTENT_ENCODING), "");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn head_has_the_headers_and_no_body_and_posts_are_not_static(pool: Pool) {
    let head = Request::head(BUNDLE)
        .header(header::ACCEPT_ENCODING, "br")
        .body(Body::empty())
        .unwrap();
    let got = fetch(&pool, head).await;
    assert_eq!(got.status, StatusCode::OK);
    assert!(got.body.is_empty());
    assert_eq!(got.header(header::CONTENT_LENGTH), "12");

    let post = Request::post(BUNDLE).body(Body::empty()).unwrap();
    assert_ne!(fetch(&pool, post).await.body, b"brotli bytes");
}

#[sqlx::test(migrator = "server::database::MIGRATOR")]
async fn an_unknown_path_is_the_app_s_404_page(pool: Pool) {
    let got = fetch(&pool, get("/pkg/missing.js", "br")).await;
    assert_eq!(got.status, StatusCode::NOT_FOUND);
}
