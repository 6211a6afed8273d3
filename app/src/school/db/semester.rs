//! The latest semester: the one the catalog, the course votes, the set-up and the calendar
//! feeds work in.

use crate::db::Pool;
use chrono::NaiveDate;

use crate::error::{AppError, AppResult};

pub struct Semester {
    pub id: i64,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub enroll_opens: NaiveDate,
    pub enroll_closes: NaiveDate,
    /// Committed sign-ups a course proposal needs to open as a class.
    pub open_at_committed: i64,
}

/// The latest semester, if one has been set up.
pub async fn latest(pool: &Pool) -> AppResult<Option<Semester>> {
    let semester = sqlx::query_as!(
        Semester,
        r#"SELECT id AS "id!", name, starts_on AS "starts_on: NaiveDate",
                  ends_on AS "ends_on: NaiveDate", enroll_opens AS "enroll_opens: NaiveDate",
                  enroll_closes AS "enroll_closes: NaiveDate", open_at_committed
           FROM semesters ORDER BY starts_on DESC LIMIT 1"#
    )
    .fetch_optional(pool)
    .await?;
    Ok(semester)
}

/// The latest semester, or the refusal that there is none yet.
pub async fn latest_or_refuse(pool: &Pool) -> AppResult<Semester> {
    latest(pool).await?.ok_or_else(|| {
        AppError::conflict(crate::tr!(
            "还没有开设学期。",
            "No semester has been set up yet."
        ))
    })
}
