//! 我的课表 as a calendar feed: the tokens in the links and the feed's rows.

use crate::db::Pool;

use crate::error::{AppError, AppResult};

/// The elder's calendar secret, made on first use.
pub async fn calendar_token(pool: &Pool, elder_id: i64) -> AppResult<String> {
    let fresh = crate::auth::session::new_token();
    sqlx::query_scalar!(
        "UPDATE elders SET calendar_token = coalesce(calendar_token, $1) WHERE id = $2 RETURNING calendar_token AS \"calendar_token!\"",
        fresh,
        elder_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// The teacher's calendar secret, made on first use.
pub async fn teacher_calendar_token(pool: &Pool, teacher_id: i64) -> AppResult<String> {
    let fresh = crate::auth::session::new_token();
    sqlx::query_scalar!(
        "UPDATE teachers SET calendar_token = coalesce(calendar_token, $1) WHERE id = $2 RETURNING calendar_token AS \"calendar_token!\"",
        fresh,
        teacher_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

/// The calendar owner holding `token` (an elder, or a teacher): their name, a uid suffix, and
/// the latest semester's meetings they attend or teach.
async fn feed_rows(
    pool: &Pool,
    token: &str,
    semester: i64,
) -> AppResult<(String, String, Vec<FeedRow>)> {
    if let Some(elder) = sqlx::query!(
        r#"SELECT id AS "id!", name FROM elders WHERE calendar_token = $1"#,
        token
    )
    .fetch_optional(pool)
    .await?
    {
        let rows = sqlx::query_as!(
            FeedRow,
            r#"SELECT sl.id AS "id!", c.name AS class, sl.weekday, sl.start_time, sl.end_time, s.name AS site, r.name AS room
               FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN class_slots sl ON sl.class_id = c.id
               JOIN rooms r ON r.id = sl.room_id JOIN school_sites s ON s.id = r.site_id
               WHERE e.elder_id = $1 AND e.status = 'enrolled' AND c.semester_id = $2"#,
            elder.id,
            semester
        )
        .fetch_all(pool)
        .await?;
        return Ok((
            format!("{}的课表", elder.name),
            format!("elder-{}", elder.id),
            rows,
        ));
    }
    let teacher = sqlx::query!(
        r#"SELECT id AS "id!", name FROM teachers WHERE calendar_token = $1"#,
        token
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let rows = sqlx::query_as!(
        FeedRow,
        r#"SELECT sl.id AS "id!", c.name AS class, sl.weekday, sl.start_time, sl.end_time, s.name AS site, r.name AS room
           FROM classes c JOIN class_slots sl ON sl.class_id = c.id
           JOIN rooms r ON r.id = sl.room_id JOIN school_sites s ON s.id = r.site_id
           WHERE c.teacher_id = $1 AND c.semester_id = $2"#,
        teacher.id,
        semester
    )
    .fetch_all(pool)
    .await?;
    Ok((
        format!("{}老师的课表", teacher.name),
        format!("teacher-{}", teacher.id),
        rows,
    ))
}

/// The .ics feed of the elder or teacher holding `token`: the latest semester's classes.
pub async fn calendar_feed(pool: &Pool, token: &str) -> AppResult<String> {
    use crate::school::rules::calendar::{ics, CalendarClass};
    let semester = super::semester::latest(pool)
        .await?
        .ok_or(AppError::NotFound)?;
    let (name, owner, rows) = feed_rows(pool, token, semester.id).await?;
    let time = |t: &str| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok();
    let classes: Vec<CalendarClass> = rows
        .into_iter()
        .filter_map(|r| {
            Some(CalendarClass {
                uid: format!("slot-{}-{owner}@xingfu", r.id),
                title: r.class,
                location: format!("{}, {}", r.site, r.room),
                weekday: u32::try_from(r.weekday).ok()?,
                start: time(&r.start_time)?,
                end: time(&r.end_time)?,
            })
        })
        .collect();
    Ok(ics(
        &name,
        &classes,
        semester.starts_on,
        semester.ends_on,
        chrono::Utc::now(),
    ))
}

/// One weekly meeting for a calendar feed.
struct FeedRow {
    id: i64,
    class: String,
    weekday: i64,
    start_time: String,
    end_time: String,
    site: String,
    room: String,
}
