//! CSV downloads for staff. These are plain GET handlers (a browser saves the file), so they
//! check the session cookie and the caller's canteen role themselves.

use app::auth::model::CurrentUser;
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

#[derive(Deserialize)]
pub struct MonthQuery {
    canteen: Option<i64>,
    month: Option<String>,
}

/// GET /canteen/manage/settlement.csv?canteen=1&month=2026-11
pub async fn settlement_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<MonthQuery>,
) -> Response {
    let result = async {
        let user = caller(&state, &headers).await?;
        let report = app::canteen::settlement_api::monthly(
            &state.pool,
            &user,
            query.canteen,
            query.month.clone(),
        )
        .await?;
        Ok::<_, AppError>(report)
    }
    .await;
    match result {
        Ok(report) => csv(
            &format!("settlement-{}.csv", report.month),
            app::canteen::settlement::settlement_csv(&report),
        ),
        Err(error) => refusal(error),
    }
}

/// The signed-in account of a plain request.
async fn caller(state: &AppState, headers: &HeaderMap) -> Result<CurrentUser, AppError> {
    let cookies = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    app::auth::session::user_for_cookies(state, cookies)
        .await?
        .ok_or(AppError::NotLoggedIn)
}

/// GET /canteen/manage/prep.csv?service=1&date=2026-11-24
pub async fn prep_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<SheetQuery>,
) -> Response {
    let result = async {
        let user = caller(&state, &headers).await?;
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

#[derive(Deserialize)]
pub struct HoursQuery {
    community: Option<i64>,
    month: Option<String>,
}

/// GET /volunteer/manage/hours.csv?community=7&month=2026-11 — hours per volunteer, for
/// certificates; staff of the community only (without `community`: their first one, or every
/// community for an admin of all of them).
pub async fn hours_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HoursQuery>,
) -> Response {
    let result = async {
        let user = caller(&state, &headers).await?;
        let community = match (query.community, user.staff_communities()) {
            (Some(id), _) if user.is_staff_of(id) => Some(id),
            (None, Some(ids)) => Some(*ids.first().ok_or(AppError::Forbidden)?),
            // An admin of every community gets every community.
            (None, None) => None,
            _ => return Err(AppError::Forbidden),
        };
        let month = query
            .month
            .clone()
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| app::clock::today_in_shanghai().format("%Y-%m").to_string());
        let (from, to) = app::volunteer::db::points::month_bounds(&month)?;
        let body = app::volunteer::db::points::hours_csv(&state.pool, community, from, to).await?;
        Ok::<_, AppError>((month, body))
    }
    .await;
    match result {
        Ok((month, body)) => csv(&format!("volunteer-hours-{month}.csv"), body),
        Err(error) => refusal(error),
    }
}

/// GET /school/calendar/{token}.ics — an elder's or a teacher's timetable for calendar apps, which cannot log
/// in: the secret in the link is the key, and it shows only class names, times and rooms.
pub async fn school_calendar(
    State(state): State<AppState>,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return refusal(AppError::NotFound);
    };
    match app::school::db::calendar::calendar_feed(&state.pool, token).await {
        Ok(body) => (
            [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
            body,
        )
            .into_response(),
        Err(error) => refusal(error),
    }
}

#[derive(Deserialize)]
pub struct RosterQuery {
    class: i64,
}

/// GET /school/manage/roster.csv?class=3 — a class's students with phone, fee status and
/// attendance; staff of the community running the class only.
pub async fn roster_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<RosterQuery>,
) -> Response {
    let result = async {
        let user = caller(&state, &headers).await?;
        app::school::policy::require_class_staff(&state.pool, &user, query.class).await?;
        let today = app::clock::today_in_shanghai();
        app::school::db::roster::roster_csv(&state.pool, query.class, today).await
    }
    .await;
    match result {
        Ok(body) => csv(&format!("class-{}-roster.csv", query.class), body),
        Err(error) => refusal(error),
    }
}
