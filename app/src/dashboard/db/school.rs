//! 老年学校 figures: places, waiting lists, attendance and fees per class of the semester.

use crate::db::Pool;
use chrono::NaiveDate;

use crate::dashboard::db::DashboardScope;
use crate::dashboard::model::{ClassFigures, DashboardFilter, SchoolFigures};
use crate::dashboard::rules::stats::per_site;
use crate::error::AppResult;

/// The semester running on `day`, else the latest one: (id, name).
pub async fn semester_on(pool: &Pool, day: NaiveDate) -> AppResult<Option<(i64, String)>> {
    let row = sqlx::query!(
        r#"SELECT id AS "id!", name FROM semesters
           ORDER BY ($1 BETWEEN starts_on AND ends_on) DESC, starts_on DESC LIMIT 1"#,
        day
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| (r.id, r.name)))
}

pub async fn figures(
    pool: &Pool,
    scope: &DashboardScope,
    filter: DashboardFilter,
) -> AppResult<SchoolFigures> {
    let Some((semester_id, name)) = semester_on(pool, filter.to).await? else {
        return Ok(SchoolFigures {
            semester: None,
            classes: Vec::new(),
            sites: Vec::new(),
        });
    };
    let classes = classes(pool, scope, semester_id, filter.from, filter.to).await?;
    Ok(SchoolFigures {
        semester: Some(name),
        sites: per_site(&classes),
        classes,
    })
}

/// The semester's classes run by the scope's communities, with attendance marked in the period.
pub async fn classes(
    pool: &Pool,
    scope: &DashboardScope,
    semester_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<ClassFigures>> {
    let communities = scope.json();
    let rows = sqlx::query!(
        r#"SELECT c.id AS "class_id!", c.name, c.capacity, c.fee_fen,
                  coalesce((SELECT si.name FROM class_slots sl JOIN rooms r ON r.id = sl.room_id
                            JOIN school_sites si ON si.id = r.site_id
                            WHERE sl.class_id = c.id ORDER BY sl.id LIMIT 1), '') AS "site!: String",
                  (SELECT count(*) FROM enrollments en WHERE en.class_id = c.id AND en.status = 'enrolled') AS "enrolled!: i64",
                  (SELECT count(*) FROM enrollments en WHERE en.class_id = c.id
                     AND en.status IN ('waitlisted', 'offered')) AS "waitlisted!: i64",
                  (SELECT count(*) FROM enrollments en WHERE en.class_id = c.id AND en.status = 'enrolled'
                     AND en.paid_at IS NOT NULL) AS "paid!: i64",
                  (SELECT count(*) FROM attendance a WHERE a.class_id = c.id AND a.present = TRUE
                     AND a.session_date BETWEEN $3 AND $4) AS "present!: i64",
                  (SELECT count(*) FROM attendance a WHERE a.class_id = c.id
                     AND a.session_date BETWEEN $3 AND $4) AS "marked!: i64"
           FROM classes c
           WHERE c.semester_id = $1 AND c.community_id IN (SELECT value FROM json_each($2))
           ORDER BY 5, c.name"#,
        semester_id,
        communities,
        from,
        to
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let charged = r.fee_fen > 0;
            ClassFigures {
                class_id: r.class_id,
                name: r.name,
                site: r.site,
                capacity: r.capacity,
                enrolled: r.enrolled,
                waitlisted: r.waitlisted,
                present: r.present,
                marked: r.marked,
                paid: if charged { r.paid } else { 0 },
                unpaid: if charged { r.enrolled - r.paid } else { 0 },
                fee_fen: r.fee_fen,
            }
        })
        .collect())
}
