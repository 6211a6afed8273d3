//! Reading a cookie out of a `Cookie:` header (server) or `document.cookie` (browser).

/// The value of cookie `name` in a `Cookie:` header string.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then_some(value)
    })
}

/// The request's `Cookie:` header during a server render or server function.
#[cfg(feature = "ssr")]
pub fn request_cookie_header() -> Option<String> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    let header = parts.headers.get(http::header::COOKIE)?.to_str().ok()?;
    Some(header.to_string())
}

/// Adds a `Set-Cookie:` header to the response of this server function or render.
#[cfg(feature = "ssr")]
pub fn set_cookie(value: String) -> crate::error::AppResult<()> {
    use crate::error::AppError;
    let options = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
        .ok_or_else(|| AppError::internal("set cookie", "ResponseOptions missing"))?;
    let header =
        http::HeaderValue::from_str(&value).map_err(|e| AppError::internal("cookie header", e))?;
    options.append_header(http::header::SET_COOKIE, header);
    Ok(())
}

/// `document.cookie` in the browser (only cookies readable by scripts).
#[cfg(not(feature = "ssr"))]
pub fn request_cookie_header() -> Option<String> {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    document
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()?
        .cookie()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_among_several_with_spaces() {
        let header = "xf_mode=large; xf_session=abc123; other=1";
        assert_eq!(cookie_value(header, "xf_session"), Some("abc123"));
        assert_eq!(cookie_value(header, "xf_mode"), Some("large"));
        assert_eq!(cookie_value(header, "missing"), None);
    }

    #[test]
    fn a_name_that_is_a_prefix_of_another_does_not_match() {
        assert_eq!(cookie_value("xf_session_old=1", "xf_session"), None);
    }
}
