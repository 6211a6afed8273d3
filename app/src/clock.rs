//! Time as the app sees it: Unix seconds for stored instants, and the calendar date in
//! Asia/Shanghai (UTC+8 all year, no daylight saving) for everything people read.

use chrono::{FixedOffset, NaiveDate, Utc};

fn shanghai() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

pub fn now_unix() -> i64 {
    Utc::now().timestamp()
}

/// Today's date in Asia/Shanghai.
pub fn today_in_shanghai() -> NaiveDate {
    Utc::now().with_timezone(&shanghai()).date_naive()
}
