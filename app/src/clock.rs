//! Time as the app sees it: Unix seconds for stored instants, and the calendar date in
//! Asia/Shanghai (UTC+8 all year, no daylight saving) for everything people read.

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};

/// Asia/Shanghai's offset from UTC, the one definition of it in the app.
pub const SHANGHAI_UTC_OFFSET_SECS: i32 = 8 * 3600;

/// Asia/Shanghai as a fixed offset (China has no daylight saving time).
pub fn shanghai() -> FixedOffset {
    FixedOffset::east_opt(SHANGHAI_UTC_OFFSET_SECS).expect("UTC+8 is a valid offset")
}

/// The wall-clock time in Asia/Shanghai at the instant `now`.
pub fn shanghai_wall_clock(now: DateTime<Utc>) -> NaiveDateTime {
    now.with_timezone(&shanghai()).naive_local()
}

// The clock is read on the server only: WebAssembly in the browser has no system clock
// (calling one panics), and pages show the server's idea of "today".
#[cfg(feature = "ssr")]
pub fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Today's date in Asia/Shanghai.
#[cfg(feature = "ssr")]
pub fn today_in_shanghai() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&shanghai()).date_naive()
}

/// "2026-11-23 14:05" in Asia/Shanghai, for a stored Unix time (logs and audit entries).
pub fn local_date_time(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| {
            t.with_timezone(&shanghai())
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// "11月23日 14:05" in Asia/Shanghai, for a stored Unix time.
pub fn local_time_label(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| {
            t.with_timezone(&shanghai())
                .format("%-m月%-d日 %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// An ISO date from a form, or today (Asia/Shanghai) when empty.
#[cfg(feature = "ssr")]
pub fn date_or_today(date: Option<String>) -> Result<chrono::NaiveDate, crate::error::AppError> {
    match date.as_deref().map(str::trim) {
        None | Some("") => Ok(today_in_shanghai()),
        Some(text) => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            crate::error::AppError::invalid(crate::tr!(
                "日期格式应为 2026-11-24。",
                "Please write the date like 2026-11-24."
            ))
        }),
    }
}

/// A month from a form ("2026-11"), or this month (Asia/Shanghai) when empty.
#[cfg(feature = "ssr")]
pub fn month_or_this_month(month: Option<String>) -> Result<String, crate::error::AppError> {
    match month.as_deref().map(str::trim) {
        None | Some("") => Ok(today_in_shanghai().format("%Y-%m").to_string()),
        Some(text) => chrono::NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
            .map(|d| d.format("%Y-%m").to_string())
            .map_err(|_| {
                crate::error::AppError::invalid(crate::tr!(
                    "月份格式应为 2026-11。",
                    "Please write the month like 2026-11."
                ))
            }),
    }
}

/// Unix seconds of the first instant of the month and of the next, in Shanghai time.
pub fn month_bounds(month: &str) -> Result<(i64, i64), crate::error::AppError> {
    let bad = || {
        crate::error::AppError::invalid(crate::tr!(
            "月份格式应为 2026-11。",
            "Please write the month like 2026-11."
        ))
    };
    let first =
        chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").map_err(|_| bad())?;
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .ok_or_else(bad)?;
    let unix = |d: chrono::NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc().timestamp() - i64::from(SHANGHAI_UTC_OFFSET_SECS))
    };
    Ok((unix(first).ok_or_else(bad)?, unix(next).ok_or_else(bad)?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn stored_times_read_in_shanghai_time() {
        // 2026-11-23 06:05 UTC
        assert_eq!(super::local_time_label(1_795_413_900), "11月23日 14:05");
    }
}
