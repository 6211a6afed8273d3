//! Time as the app sees it: Unix seconds for stored instants, and the calendar date in
//! Asia/Shanghai (UTC+8 all year, no daylight saving) for everything people read.

use chrono::FixedOffset;

fn shanghai() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
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

#[cfg(test)]
mod tests {
    #[test]
    fn stored_times_read_in_shanghai_time() {
        // 2026-11-23 06:05 UTC
        assert_eq!(super::local_time_label(1_795_413_900), "11月23日 14:05");
    }
}
