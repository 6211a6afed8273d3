//! The language of the messages in a response, from the request's `xf_lang` cookie, known to
//! every layer and handler inside this one (see `app::i18n::message`).

use axum::body::Body;
use axum::http::{header, Request};
use axum::middleware::Next;
use axum::response::Response;

use app::ui::prefs::UiPrefs;

pub async fn answer_in_request_locale(request: Request<Body>, next: Next) -> Response {
    let cookies = request
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let locale = UiPrefs::from_cookie_header(cookies).locale;
    app::i18n::message::answer_in(locale, next.run(request)).await
}
