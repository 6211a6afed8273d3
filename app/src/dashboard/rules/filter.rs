//! The dashboard filter: checking the GET form, and the days and months of a period.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::dashboard::model::{DashboardFilter, DashboardQuery};
use crate::error::{AppError, AppResult};

/// Days shown when the form names no period (today and the 29 days before).
pub const DEFAULT_DAYS: u64 = 30;
/// The longest period one page covers.
pub const MAX_DAYS: i64 = 366;

impl DashboardQuery {
    /// The checked filter: missing dates default to the last 30 days up to `today`.
    pub fn parse(&self, today: NaiveDate) -> AppResult<DashboardFilter> {
        let from = date_field(&self.from)?;
        let to = date_field(&self.to)?;
        let to = to.unwrap_or(today);
        let from = from.unwrap_or(to - Days::new(DEFAULT_DAYS - 1));
        if from > to {
            return Err(AppError::invalid(crate::tr!(
                "开始日期不能晚于结束日期。",
                "The start date cannot be after the end date."
            )));
        }
        if (to - from).num_days() + 1 > MAX_DAYS {
            return Err(AppError::invalid(crate::tr!(
                "时间范围最长 366 天，请缩短后再查看。",
                "The period can be at most 366 days. Please shorten it."
            )));
        }
        Ok(DashboardFilter {
            from,
            to,
            community: community_field(&self.community)?,
        })
    }
}

fn date_field(value: &Option<String>) -> AppResult<Option<NaiveDate>> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                AppError::invalid(crate::tr!(
                    "日期格式应为 2026-11-24。",
                    "Please write the date like 2026-11-24."
                ))
            }),
    }
}

fn community_field(value: &Option<String>) -> AppResult<Option<i64>> {
    match value.as_deref().map(str::trim) {
        None | Some("") | Some("all") => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| {
            AppError::invalid(crate::tr!("请选择社区。", "Please choose a community."))
        }),
    }
}

impl DashboardFilter {
    /// The query string that shows this filter again (links, CSV downloads).
    pub fn query_string(&self) -> String {
        let community = self.community.map(|c| c.to_string()).unwrap_or_default();
        format!("from={}&to={}&community={community}", self.from, self.to)
    }
}

/// Unix seconds of the first instant of `from` and of the day after `to`, Asia/Shanghai.
pub fn day_bounds(from: NaiveDate, to: NaiveDate) -> (i64, i64) {
    let start = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp())
            - i64::from(crate::clock::SHANGHAI_UTC_OFFSET_SECS)
    };
    (start(from), start(to + Days::new(1)))
}

/// Every day from `from` to `to`, both included.
pub fn days(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    from.iter_days().take_while(|d| *d <= to).collect()
}

/// "2026-11"
pub fn month_of(date: NaiveDate) -> String {
    date.format("%Y-%m").to_string()
}

/// Every month the period touches, oldest first: "2026-10", "2026-11".
pub fn months(from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut month = first_of_month(from);
    let mut list = Vec::new();
    while month <= to {
        list.push(month_of(month));
        month = month + Months::new(1);
    }
    list
}

/// The first and last day of the month of `date`.
pub fn month_span(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = first_of_month(date);
    (first, first + Months::new(1) - Days::new(1))
}

/// The first and last day of the month before the month of `date`.
pub fn previous_month_span(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    month_span(first_of_month(date) - Days::new(1))
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn query(from: &str, to: &str, community: &str) -> DashboardQuery {
        DashboardQuery {
            from: Some(from.into()),
            to: Some(to.into()),
            community: Some(community.into()),
        }
    }

    #[test]
    fn an_empty_form_shows_the_last_thirty_days_of_every_community() {
        let filter = DashboardQuery::default().parse(day("2026-11-24")).unwrap();
        assert_eq!(filter.from, day("2026-10-26"));
        assert_eq!(filter.to, day("2026-11-24"));
        assert_eq!(filter.community, None);
        assert_eq!(days(filter.from, filter.to).len(), 30);
    }

    #[test]
    fn the_start_may_not_come_after_the_end() {
        let error = query("2026-11-02", "2026-11-01", "")
            .parse(day("2026-11-24"))
            .unwrap_err();
        assert!(
            error.to_string().contains("开始日期不能晚于结束日期"),
            "{error}"
        );
        assert!(query("2026-11-01", "2026-11-01", "7")
            .parse(day("2026-11-24"))
            .is_ok());
    }

    #[test]
    fn a_period_is_at_most_366_days() {
        let today = day("2026-11-24");
        assert!(query("2025-01-01", "2025-12-31", "").parse(today).is_ok());
        assert!(
            query("2024-01-01", "2024-12-31", "").parse(today).is_ok(),
            "leap year"
        );
        assert!(
            query("2025-01-01", "2026-01-01", "").parse(today).is_ok(),
            "366 days"
        );
        let error = query("2025-01-01", "2026-01-02", "")
            .parse(today)
            .unwrap_err();
        assert!(error.to_string().contains("366"), "{error}");
    }

    #[test]
    fn bad_dates_and_communities_are_refused_in_chinese() {
        let today = day("2026-11-24");
        let error = query("2026/11/01", "", "").parse(today).unwrap_err();
        assert!(error.to_string().contains("日期格式"), "{error}");
        let error = query("", "", "七").parse(today).unwrap_err();
        assert!(error.to_string().contains("社区"), "{error}");
        assert_eq!(query("", "", "7").parse(today).unwrap().community, Some(7));
    }

    #[test]
    fn months_of_a_period_cross_the_year() {
        assert_eq!(
            months(day("2025-11-30"), day("2026-01-01")),
            ["2025-11", "2025-12", "2026-01"]
        );
        assert_eq!(months(day("2026-02-10"), day("2026-02-11")), ["2026-02"]);
    }

    #[test]
    fn the_month_before_january_is_december() {
        assert_eq!(
            previous_month_span(day("2026-01-15")),
            (day("2025-12-01"), day("2025-12-31"))
        );
        assert_eq!(
            month_span(day("2024-02-10")),
            (day("2024-02-01"), day("2024-02-29"))
        );
    }

    #[test]
    fn a_day_starts_at_midnight_in_shanghai() {
        let (from, to) = day_bounds(day("2026-11-24"), day("2026-11-24"));
        assert_eq!(to - from, 86_400);
        // 2026-11-24 00:00 +08:00 is 2026-11-23 16:00 UTC.
        assert_eq!(from, 1_795_449_600);
    }
}
