//! Downloads for staff (CSV) and calendar apps (iCalendar). These are plain GET handlers, since
//! a browser saves the file: `Caller` reads the session cookie, the feature's policy decides,
//! and a refusal is an `AppError` with the same status a server function would answer.

use app::auth::session::Caller;
use app::error::AppError;
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// A CSV file the browser saves under `name` (UTF-8; the body starts with a BOM).
pub struct CsvDownload {
    name: String,
    body: String,
}

impl CsvDownload {
    /// `body` offered as a download named `name`.
    pub fn new(name: String, body: String) -> Self {
        CsvDownload { name, body }
    }
}

impl IntoResponse for CsvDownload {
    fn into_response(self) -> Response {
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", self.name),
                ),
            ],
            self.body,
        )
            .into_response()
    }
}

#[derive(Deserialize)]
pub struct SheetQuery {
    service: i64,
    date: Option<String>,
}

/// GET /canteen/manage/prep.csv?service=1&date=2026-11-24
pub async fn prep_csv(
    State(state): State<AppState>,
    Caller(user): Caller,
    Query(query): Query<SheetQuery>,
) -> Result<CsvDownload, AppError> {
    let service =
        app::canteen::policy::require_canteen_staff(&state.pool, &user, query.service).await?;
    let date = app::clock::date_or_today(query.date)?;
    let sheet = app::canteen::db::kitchen::prep_sheet(&state.pool, &service, date).await?;
    let body = app::canteen::rules::kitchen::prep_csv(&sheet);
    Ok(CsvDownload::new(format!("prep-{date}.csv"), body))
}

#[derive(Deserialize)]
pub struct MonthQuery {
    canteen: Option<i64>,
    month: Option<String>,
}

/// GET /canteen/manage/settlement.csv?canteen=1&month=2026-11
pub async fn settlement_csv(
    State(state): State<AppState>,
    Caller(user): Caller,
    Query(query): Query<MonthQuery>,
) -> Result<CsvDownload, AppError> {
    let canteen = app::canteen::policy::managed_canteen(&state.pool, &user, query.canteen).await?;
    let month = app::clock::month_or_this_month(query.month)?;
    let report = app::canteen::db::settlement::monthly(&state.pool, canteen, month).await?;
    let body = app::canteen::rules::settlement::settlement_csv(&report);
    Ok(CsvDownload::new(
        format!("settlement-{}.csv", report.month),
        body,
    ))
}

#[derive(Deserialize)]
pub struct HoursQuery {
    community: Option<i64>,
    month: Option<String>,
}

/// GET /volunteer/manage/hours.csv?community=7&month=2026-11 — hours per volunteer, for
/// certificates; staff of the community only (see `volunteer::policy::hours_scope`).
pub async fn hours_csv(
    State(state): State<AppState>,
    Caller(user): Caller,
    Query(query): Query<HoursQuery>,
) -> Result<CsvDownload, AppError> {
    let community = app::volunteer::policy::hours_scope(&user, query.community)?;
    let month = app::clock::month_or_this_month(query.month)?;
    let (from, to) = app::clock::month_bounds(&month)?;
    let body = app::volunteer::db::points::hours_csv(&state.pool, community, from, to).await?;
    Ok(CsvDownload::new(
        format!("volunteer-hours-{month}.csv"),
        body,
    ))
}

#[derive(Deserialize)]
pub struct RosterQuery {
    class: i64,
}

/// GET /school/manage/roster.csv?class=3 — a class's students with phone, fee status and
/// attendance; staff of the community running the class only.
pub async fn roster_csv(
    State(state): State<AppState>,
    Caller(user): Caller,
    Query(query): Query<RosterQuery>,
) -> Result<CsvDownload, AppError> {
    app::school::policy::require_class_staff(&state.pool, &user, query.class).await?;
    let today = app::clock::today_in_shanghai();
    let body = app::school::db::roster::roster_csv(&state.pool, query.class, today).await?;
    Ok(CsvDownload::new(
        format!("class-{}-roster.csv", query.class),
        body,
    ))
}

/// GET /dashboard/{chart}.csv?from=2026-11-01&to=2026-11-30&community=7 — one dashboard
/// chart's numbers, in Chinese for the 街道 office; the same staff and communities as the page.
pub async fn dashboard_csv(
    State(state): State<AppState>,
    Caller(user): Caller,
    Path(file): Path<String>,
    Query(query): Query<app::dashboard::model::DashboardQuery>,
) -> Result<CsvDownload, AppError> {
    use app::dashboard::model::DashboardChart;
    let chart = file
        .strip_suffix(".csv")
        .and_then(DashboardChart::from_code)
        .ok_or(AppError::NotFound)?;
    app::dashboard::policy::require_viewer(&user)?;
    let filter = query.parse(app::clock::today_in_shanghai())?;
    let scope = app::dashboard::policy::scope(&state.pool, &user, filter.community).await?;
    let dashboard = app::dashboard::db::dashboard(&state.pool, &scope, filter).await?;
    let data = app::dashboard::charts::chart(&dashboard, chart, app::ui::prefs::Locale::Zh);
    let name = format!(
        "dashboard-{}-{}-{}.csv",
        chart.code(),
        filter.from,
        filter.to
    );
    Ok(CsvDownload::new(
        name,
        app::dashboard::rules::csv::chart_csv(&data),
    ))
}

/// GET /school/calendar/{token}.ics — an elder's or a teacher's timetable for calendar apps,
/// which cannot log in: the secret in the link is the key, and it shows only class names, times
/// and rooms.
pub async fn school_calendar(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let body = app::school::db::calendar::calendar_feed(&state.pool, token).await?;
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        body,
    )
        .into_response())
}
