//! CSV downloads for staff. These are plain GET handlers (a browser saves the file), so they
//! check the session cookie and the caller's canteen role themselves.

use app::canteen::kitchen_api::{date_or_today, require_canteen_staff};
use app::error::AppError;
use app::state::AppState;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct SheetQuery {
    service: i64,
    date: Option<String>,
}

fn refusal(error: AppError) -> Response {
    let status = match error {
        AppError::NotLoggedIn => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Invalid(_) | AppError::Conflict(_) => StatusCode::BAD_REQUEST,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    (status, error.to_string()).into_response()
}

fn csv(filename: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// GET /canteen/manage/prep.csv?service=1&date=2026-11-24
pub async fn prep_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<SheetQuery>,
) -> Response {
    let cookies = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let result = async {
        let user = app::auth::session::user_for_cookies(&state, cookies)
            .await?
            .ok_or(AppError::NotLoggedIn)?;
        let service = require_canteen_staff(&state.pool, &user, query.service).await?;
        let date = date_or_today(query.date.clone())?;
        let sheet = app::canteen::kitchen::prep_sheet(&state.pool, &service, &date).await?;
        Ok::<_, AppError>((date, app::canteen::kitchen::prep_csv(&sheet)))
    }
    .await;
    match result {
        Ok((date, body)) => csv(&format!("prep-{date}.csv"), body),
        Err(error) => refusal(error),
    }
}
