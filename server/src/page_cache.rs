//! Pages as visitors who are not signed in see them (the home page, the canteens' weekly menus)
//! are rendered at most once every `FRESH_FOR` per address, display mode and language, and sent
//! from memory, already compressed, in between. A menu published now is on the public page
//! within that time. When a page goes stale, one request renders it again while the others
//! still get the stale copy (for at most `STALE_FOR`), so a busy page is never rendered by
//! hundreds of requests at once. Signed-in pages, form results (`__err`/`__form` in the
//! address) and any answer but a plain 200 HTML page are never kept. A kept page is sent with
//! the security policy of its render, so its script nonce is shared by the visitors of those
//! few seconds; these pages hold nothing a visitor typed, so there is nothing to inject into.

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::assets::{accepted_encodings, Encoding};

/// How long a rendered page is served before it is rendered again.
pub const FRESH_FOR: Duration = Duration::from_secs(2);
/// How long a stale page may still be sent while it is being rendered again.
pub const STALE_FOR: Duration = Duration::from_secs(10);
/// Distinct pages kept at once; when full, the cache starts over.
const MAX_PAGES: usize = 256;
/// Pages larger than this are not kept.
const MAX_PAGE_BYTES: usize = 512 * 1024;
/// Brotli quality for kept pages: compressed once, sent many times.
const BROTLI_QUALITY: u32 = 9;

struct Page {
    rendered: Instant,
    /// Set by the one request that renders the page again once it is stale.
    refreshing: AtomicBool,
    /// The rendered answer's headers (content type, security headers), without its length.
    headers: HeaderMap,
    /// Brotli, gzip, then the page itself.
    bodies: Vec<(Encoding, Bytes)>,
}

#[derive(Clone, Default)]
pub struct PageCache(Arc<RwLock<HashMap<String, Arc<Page>>>>);

/// The cache key of a request that may be answered from the cache: its address with the two
/// preference cookies that change how a page looks. `None` for anything else.
pub fn cache_key(request: &Request) -> Option<String> {
    if request.method() != Method::GET {
        return None;
    }
    let uri = request.uri();
    let path = uri.path();
    let query = uri.query().unwrap_or_default();
    if path.starts_with("/api/") || query.contains("__") {
        return None;
    }
    let cookies = request
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let signed_in = cookies.split(';').any(|pair| {
        let name = pair.trim().split('=').next().unwrap_or_default();
        name.ends_with("xf_session")
    });
    if signed_in {
        return None;
    }
    let prefs = app::ui::prefs::UiPrefs::from_cookie_header(cookies);
    Some(format!(
        "{path}?{query}|{:?}|{:?}",
        prefs.mode, prefs.locale
    ))
}

impl PageCache {
    /// A kept page to send now: a fresh one, or a stale one while another request renders
    /// it again. `None` means this request should render the page.
    fn usable(&self, key: &str) -> Option<Arc<Page>> {
        let page = self.0.read().ok()?.get(key).cloned()?;
        let age = page.rendered.elapsed();
        if age < FRESH_FOR {
            return Some(page);
        }
        let someone_else_renders = age < STALE_FOR && page.refreshing.swap(true, Ordering::AcqRel);
        someone_else_renders.then_some(page)
    }

    /// Lets another request try again after a render that could not be kept.
    fn render_failed(&self, key: &str) {
        if let Some(page) = self.0.read().ok().and_then(|pages| pages.get(key).cloned()) {
            page.refreshing.store(false, Ordering::Release);
        }
    }

    fn keep(&self, key: String, page: Page) -> Arc<Page> {
        let page = Arc::new(page);
        if let Ok(mut pages) = self.0.write() {
            if pages.len() >= MAX_PAGES && !pages.contains_key(&key) {
                pages.clear();
            }
            pages.insert(key, page.clone());
        }
        page
    }
}

fn compressed(html: &Bytes) -> std::io::Result<Vec<(Encoding, Bytes)>> {
    let mut brotli = Vec::with_capacity(html.len() / 4);
    {
        let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, BROTLI_QUALITY, 22);
        writer.write_all(html)?;
    }
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(html)?;
    Ok(vec![
        (Encoding::Brotli, Bytes::from(brotli)),
        (Encoding::Gzip, Bytes::from(gzip.finish()?)),
        (Encoding::Identity, html.clone()),
    ])
}

fn respond(page: &Page, accept_encoding: &str) -> Response {
    let (encoding, body) = accepted_encodings(accept_encoding)
        .into_iter()
        .find_map(|wanted| page.bodies.iter().find(|(e, _)| *e == wanted).cloned())
        .unwrap_or_else(|| {
            (
                Encoding::Identity,
                page.bodies[page.bodies.len() - 1].1.clone(),
            )
        });
    let mut response = Response::new(Body::from(body));
    *response.headers_mut() = page.headers.clone();
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Some(name) = encoding.header() {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
    }
    response
}

fn is_plain_html_page(response: &Response) -> bool {
    let headers = response.headers();
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING)
        && headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html"))
}

/// Middleware: answers a cacheable request from the cache, or renders it once (uncompressed,
/// so the cache compresses it itself) and keeps it.
pub async fn serve_cached(
    State(cache): State<PageCache>,
    request: Request,
    next: Next,
) -> Response {
    let Some(key) = cache_key(&request) else {
        return next.run(request).await;
    };
    let accept_encoding = header_string(request.headers(), header::ACCEPT_ENCODING);
    if let Some(page) = cache.usable(&key) {
        return respond(&page, &accept_encoding);
    }
    let mut request = request;
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    let response = next.run(request).await;
    if !is_plain_html_page(&response) {
        cache.render_failed(&key);
        return response;
    }
    let (parts, body) = response.into_parts();
    let html = match to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(html) => html,
        Err(error) => {
            cache.render_failed(&key);
            tracing::error!(%error, "page too large to keep, or broken while rendering");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    // Compressing a large page takes milliseconds: off the threads that answer requests.
    let to_compress = html.clone();
    let Ok(Ok(bodies)) = tokio::task::spawn_blocking(move || compressed(&to_compress)).await else {
        cache.render_failed(&key);
        return Response::from_parts(parts, Body::from(html));
    };
    let mut headers = parts.headers;
    headers.remove(header::CONTENT_LENGTH);
    let page = cache.keep(
        key,
        Page {
            rendered: Instant::now(),
            refreshing: AtomicBool::new(false),
            headers,
            bodies,
        },
    );
    respond(&page, &accept_encoding)
}

fn header_string(headers: &HeaderMap, name: header::HeaderName) -> String {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}
