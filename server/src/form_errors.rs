//! Keeps what people typed when a plain form post (JavaScript off) fails. Leptos answers such
//! a post with a redirect back to the form, the error in `__err`; this layer keeps the
//! submitted fields (never passwords) on the server (`app::ui::form_store`) and adds only their
//! random id as `__form`, from which the form fields fill themselves again. Typed addresses
//! and phones never appear in the address bar, history, logs or `Referer`.

use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderValue, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

const MAX_FORM_BYTES: usize = 64 * 1024;

fn is_plain_form_post(request: &Request<Body>) -> bool {
    let accepts_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    request.method() == Method::POST && request.uri().path().starts_with("/api/") && accepts_html
}

/// The submitted fields worth giving back: everything but passwords.
pub fn fields_to_keep(body: &[u8]) -> String {
    let kept = form_urlencoded::parse(body).filter(|(name, _)| !name.contains("password"));
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .finish()
}

pub async fn keep_form_on_error(request: Request<Body>, next: Next) -> Response {
    if !is_plain_form_post(&request) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            app::tr!("提交的内容太长了。", "What you sent is too long."),
        )
            .into_response();
    };
    let mut response = next
        .run(Request::from_parts(parts, Body::from(bytes.clone())))
        .await;
    let location = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok());
    if let Some(location) = location.filter(|l| l.contains("__err=")) {
        let id = app::ui::form_store::keep(fields_to_keep(&bytes));
        if let Ok(value) = HeaderValue::from_str(&format!("{location}&__form={id}")) {
            response.headers_mut().insert(header::LOCATION, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_given_back() {
        let kept = fields_to_keep(
            b"display_name=%E6%9D%8E&phone=138&password=secret&password_confirm=secret",
        );
        assert_eq!(kept, "display_name=%E6%9D%8E&phone=138");
    }

    #[test]
    fn nested_and_repeated_fields_are_kept_in_order() {
        let kept = fields_to_keep(
            b"form%5Bname%5D=a&form%5Ballergies%5D%5B%5D=egg&form%5Ballergies%5D%5B%5D=milk",
        );
        assert_eq!(
            kept,
            "form%5Bname%5D=a&form%5Ballergies%5D%5B%5D=egg&form%5Ballergies%5D%5B%5D=milk"
        );
    }
}
