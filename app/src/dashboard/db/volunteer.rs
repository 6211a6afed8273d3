//! 志愿服务 figures: hours credited per month, active volunteers, and how fast requests of
//! each kind were taken and done.

use crate::db::Pool;

use crate::dashboard::db::DashboardScope;
use crate::dashboard::model::{DashboardFilter, MonthMinutes, RequestTimes, VolunteerFigures};
use crate::dashboard::rules::filter::{day_bounds, months};
use crate::dashboard::rules::stats::{every_month, per_request_kind};
use crate::error::AppResult;
use crate::volunteer::model::requests::RequestCategory;

pub async fn figures(
    pool: &Pool,
    scope: &DashboardScope,
    filter: DashboardFilter,
) -> AppResult<VolunteerFigures> {
    let (from, to) = day_bounds(filter.from, filter.to);
    let credited = minutes_per_month(pool, scope, from, to).await?;
    let requests = request_times(pool, scope, from, to).await?;
    Ok(VolunteerFigures {
        hours_per_month: every_month(&months(filter.from, filter.to), &credited),
        active_volunteers: active_volunteers(pool, scope, from, to).await?,
        requests: per_request_kind(&requests),
    })
}

/// Minutes credited per month (Asia/Shanghai) between two Unix times.
pub async fn minutes_per_month(
    pool: &Pool,
    scope: &DashboardScope,
    from: i64,
    to: i64,
) -> AppResult<Vec<MonthMinutes>> {
    let communities = scope.json();
    let offset = i64::from(crate::clock::SHANGHAI_UTC_OFFSET_SECS);
    // Per day in SQL (days since 1970 in Asia/Shanghai), per month here: the engines name
    // months differently, days they count alike.
    let days = sqlx::query!(
        r#"SELECT (l.created_at + $4) / 86400 AS "day!: i64", CAST(sum(l.minutes) AS BIGINT) AS "minutes!: i64"
           FROM points_ledger l
           WHERE l.community_id IN (SELECT value FROM json_each($1))
             AND l.created_at >= $2 AND l.created_at < $3
           GROUP BY 1 ORDER BY 1"#,
        communities,
        from,
        to,
        offset
    )
    .fetch_all(pool)
    .await?;
    let mut months: Vec<MonthMinutes> = Vec::new();
    for day in days {
        let date = chrono::DateTime::from_timestamp(day.day * 86_400, 0)
            .ok_or_else(|| crate::error::AppError::internal("ledger day", day.day))?;
        let month = date.format("%Y-%m").to_string();
        match months.last_mut() {
            Some(last) if last.month == month => last.minutes += day.minutes,
            _ => months.push(MonthMinutes {
                month,
                minutes: day.minutes,
            }),
        }
    }
    Ok(months)
}

/// Volunteers with time credited between two Unix times.
pub async fn active_volunteers(
    pool: &Pool,
    scope: &DashboardScope,
    from: i64,
    to: i64,
) -> AppResult<i64> {
    let communities = scope.json();
    let count = sqlx::query_scalar!(
        r#"SELECT count(DISTINCT l.user_id) AS "n!: i64" FROM points_ledger l
           WHERE l.community_id IN (SELECT value FROM json_each($1))
             AND l.created_at >= $2 AND l.created_at < $3"#,
        communities,
        from,
        to
    )
    .fetch_one(pool)
    .await?;
    Ok(count)
}

/// Requests posted (点单) between two Unix times and not cancelled: minutes to 领单 and to
/// 服务完成, and the rating.
pub async fn request_times(
    pool: &Pool,
    scope: &DashboardScope,
    from: i64,
    to: i64,
) -> AppResult<Vec<RequestTimes>> {
    let communities = scope.json();
    let rows = sqlx::query_as!(
        RequestTimes,
        r#"SELECT r.category AS "category!: RequestCategory",
                  (r.taken_at - r.posted_at) / 60 AS "to_taken: i64",
                  (r.done_at - r.posted_at) / 60 AS "to_done: i64",
                  r.rating
           FROM service_requests r
           WHERE r.community_id IN (SELECT value FROM json_each($1))
             AND r.posted_at >= $2 AND r.posted_at < $3 AND r.status <> 'cancelled'"#,
        communities,
        from,
        to
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}
