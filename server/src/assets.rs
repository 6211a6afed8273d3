//! Static files: the browser bundle in `pkg/` and the public assets, read into memory once at
//! start-up and answered from there before any other layer runs. Each file's precompressed
//! `.br` / `.gz` sibling (written by the release build) is sent as it is when the browser
//! accepts it, with `Vary: Accept-Encoding`, an `ETag` (304 when it still matches) and a
//! `Cache-Control` that keeps content-hashed files for a year and revalidates the rest.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};

/// For files whose name carries a hash of their content: a new build gives them a new name.
pub const CACHE_IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For files that keep their name across builds: ask the server each time (a 304 is cheap).
pub const CACHE_REVALIDATE: &str = "no-cache";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    fn suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => "-br",
            Encoding::Gzip => "-gz",
            Encoding::Identity => "",
        }
    }

    pub fn header(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
            Encoding::Identity => None,
        }
    }
}

/// The encodings an `Accept-Encoding` header allows, best first (brotli, gzip, none).
pub fn accepted_encodings(accept: &str) -> Vec<Encoding> {
    let allows = |wanted: &str| {
        accept.split(',').any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case(wanted) || name == "*") && !refused
        })
    };
    let mut encodings = Vec::with_capacity(3);
    if allows("br") {
        encodings.push(Encoding::Brotli);
    }
    if allows("gzip") {
        encodings.push(Encoding::Gzip);
    }
    encodings.push(Encoding::Identity);
    encodings
}

/// Whether a file name carries a content hash: a dot-separated part of 22 URL-safe base64
/// characters, as the release build names the bundle (`xingfu.Ab3…Z9.wasm`).
pub fn is_content_hashed(file_name: &str) -> bool {
    file_name.split('.').any(|part| {
        part.len() == 22
            && part.bytes().any(|b| b != b'_')
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

pub fn content_type(file_name: &str) -> &'static str {
    match file_name.rsplit('.').next().unwrap_or_default() {
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

struct Asset {
    content_type: HeaderValue,
    cache_control: HeaderValue,
    /// The hash part of the ETag; each encoding adds its suffix.
    tag: String,
    bodies: Vec<(Encoding, Bytes)>,
}

impl Asset {
    fn etag(&self, encoding: Encoding) -> String {
        format!("\"{}{}\"", self.tag, encoding.suffix())
    }

    /// Whether an `If-None-Match` header names this file's current content, in any encoding.
    fn matches(&self, if_none_match: &str) -> bool {
        if_none_match.split(',').map(str::trim).any(|tag| {
            let tag = tag.trim_start_matches("W/");
            tag == "*"
                || self
                    .bodies
                    .iter()
                    .any(|(encoding, _)| tag == self.etag(*encoding))
        })
    }

    fn identity(&self) -> (Encoding, Bytes) {
        let body = self
            .bodies
            .last()
            .map(|(_, b)| b.clone())
            .unwrap_or_default();
        (Encoding::Identity, body)
    }

    fn respond(&self, method: &Method, headers: &HeaderMap) -> Response {
        let accept = header_str(headers, header::ACCEPT_ENCODING);
        let (encoding, body) = accepted_encodings(accept)
            .into_iter()
            .find_map(|wanted| {
                self.bodies
                    .iter()
                    .find(|(encoding, _)| *encoding == wanted)
                    .cloned()
            })
            .unwrap_or_else(|| self.identity());
        let not_modified = self.matches(header_str(headers, header::IF_NONE_MATCH));
        let mut response = Response::new(if not_modified || method == Method::HEAD {
            Body::empty()
        } else {
            Body::from(body.clone())
        });
        if not_modified {
            *response.status_mut() = StatusCode::NOT_MODIFIED;
        }
        let out = response.headers_mut();
        out.insert(header::CONTENT_TYPE, self.content_type.clone());
        out.insert(header::CACHE_CONTROL, self.cache_control.clone());
        out.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        if let Ok(etag) = HeaderValue::from_str(&self.etag(encoding)) {
            out.insert(header::ETAG, etag);
        }
        if !not_modified {
            if let Some(name) = encoding.header() {
                out.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
            }
            out.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        }
        response
    }
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> &str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// Every file under the site root, by URL path (`/pkg/xingfu.css`).
#[derive(Clone, Default)]
pub struct Assets(Arc<HashMap<String, Asset>>);

impl Assets {
    /// Reads the site root. A missing root gives no files (the pages still work, unstyled).
    pub fn load(site_root: &Path) -> std::io::Result<Self> {
        let mut files = HashMap::new();
        if site_root.is_dir() {
            load_dir(site_root, site_root, &mut files)?;
        }
        Ok(Self(Arc::new(files)))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn response(&self, request: &Request) -> Option<Response> {
        if !matches!(*request.method(), Method::GET | Method::HEAD) {
            return None;
        }
        let asset = self.0.get(request.uri().path())?;
        Some(asset.respond(request.method(), request.headers()))
    }
}

fn load_dir(root: &Path, dir: &Path, files: &mut HashMap<String, Asset>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            load_dir(root, &path, files)?;
            continue;
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        let identity = Bytes::from(std::fs::read(&path)?);
        let mut bodies = vec![(Encoding::Identity, identity.clone())];
        for (encoding, suffix) in [(Encoding::Brotli, "br"), (Encoding::Gzip, "gz")] {
            let sibling = path.with_file_name(format!("{name}.{suffix}"));
            if let Ok(bytes) = std::fs::read(&sibling) {
                // Kept in order brotli, gzip, then the file itself.
                bodies.insert(bodies.len() - 1, (encoding, Bytes::from(bytes)));
            }
        }
        let digest = Sha256::digest(&identity);
        let tag = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
        let cache_control = if is_content_hashed(name) {
            CACHE_IMMUTABLE
        } else {
            CACHE_REVALIDATE
        };
        let relative = path.strip_prefix(root).unwrap_or(&path);
        let url = format!("/{}", relative.to_string_lossy().replace('\\', "/"));
        files.insert(
            url,
            Asset {
                content_type: HeaderValue::from_static(content_type(name)),
                cache_control: HeaderValue::from_static(cache_control),
                tag,
                bodies,
            },
        );
    }
    Ok(())
}

/// Middleware: answers GET and HEAD for a known static path; every other request goes on.
pub async fn serve_static(State(assets): State<Assets>, request: Request, next: Next) -> Response {
    match assets.response(&request) {
        Some(response) => response,
        None => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brotli_is_preferred_and_a_zero_quality_refuses_an_encoding() {
        use Encoding::*;
        assert_eq!(
            accepted_encodings("gzip, deflate, br"),
            [Brotli, Gzip, Identity]
        );
        assert_eq!(accepted_encodings("gzip, br;q=0"), [Gzip, Identity]);
        assert_eq!(accepted_encodings(""), [Identity]);
        assert_eq!(accepted_encodings("*"), [Brotli, Gzip, Identity]);
    }

    #[test]
    fn only_names_with_a_content_hash_are_immutable() {
        assert!(is_content_hashed("xingfu.Xq3b_9-ZZk1mPq2W4rT8aA.wasm"));
        assert!(!is_content_hashed("xingfu.wasm"));
        assert!(!is_content_hashed("__wasm_split.______________________.js"));
        assert!(!is_content_hashed("favicon.svg"));
    }

    #[test]
    fn bundle_files_get_their_content_types() {
        assert_eq!(content_type("a.wasm"), "application/wasm");
        assert_eq!(content_type("a.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("a.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("a"), "application/octet-stream");
    }
}
