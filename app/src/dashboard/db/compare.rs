//! Communities side by side: the headline numbers of each community of the scope.

use crate::db::Pool;

use crate::dashboard::db::DashboardScope;
use crate::dashboard::model::{CommunityHeadline, DashboardFilter};
use crate::dashboard::rules::filter::day_bounds;
use crate::error::AppResult;

/// Per community of the scope: meals served and subsidy in the period, places taken in the
/// semester shown, and volunteer minutes credited in the period.
pub async fn headlines(
    pool: &Pool,
    scope: &DashboardScope,
    filter: DashboardFilter,
) -> AppResult<Vec<CommunityHeadline>> {
    let communities = scope.json();
    let names = sqlx::query!(
        r#"SELECT c.id AS "id!", c.name FROM communities c
           WHERE c.id IN (SELECT value FROM json_each($1)) ORDER BY c.subdistrict_id, c.id"#,
        communities
    )
    .fetch_all(pool)
    .await?;
    let mut rows: Vec<CommunityHeadline> = names
        .into_iter()
        .map(|c| CommunityHeadline {
            community_id: c.id,
            name: c.name,
            ..Default::default()
        })
        .collect();
    let meals = sqlx::query!(
        r#"SELECT k.community_id AS "community_id!", count(*) AS "meals!: i64",
                  CAST(sum(o.subsidy_fen) AS BIGINT) AS "subsidy_fen!: i64"
           FROM orders o JOIN meal_services s ON s.id = o.service_id JOIN canteens k ON k.id = s.canteen_id
           WHERE o.service_id IN (SELECT s2.id FROM meal_services s2 JOIN canteens k2 ON k2.id = s2.canteen_id
                                  WHERE k2.community_id IN (SELECT value FROM json_each($1)))
             AND o.date BETWEEN $2 AND $3 AND o.status = 'delivered'
           GROUP BY k.community_id"#,
        communities,
        filter.from,
        filter.to
    )
    .fetch_all(pool)
    .await?;
    for m in meals {
        if let Some(row) = rows.iter_mut().find(|r| r.community_id == m.community_id) {
            row.meals = m.meals;
            row.subsidy_fen = m.subsidy_fen;
        }
    }
    if let Some((semester_id, _)) =
        crate::dashboard::db::school::semester_on(pool, filter.to).await?
    {
        let places = sqlx::query!(
            r#"SELECT c.community_id AS "community_id!", CAST(sum(c.capacity) AS BIGINT) AS "capacity!: i64",
                      CAST(sum((SELECT count(*) FROM enrollments en WHERE en.class_id = c.id
                                  AND en.status = 'enrolled')) AS BIGINT) AS "enrolled!: i64"
               FROM classes c
               WHERE c.semester_id = $1 AND c.community_id IN (SELECT value FROM json_each($2))
               GROUP BY c.community_id"#,
            semester_id,
            communities
        )
        .fetch_all(pool)
        .await?;
        for p in places {
            if let Some(row) = rows.iter_mut().find(|r| r.community_id == p.community_id) {
                row.capacity = p.capacity;
                row.enrolled = p.enrolled;
            }
        }
    }
    let (from, to) = day_bounds(filter.from, filter.to);
    let hours = sqlx::query!(
        r#"SELECT l.community_id AS "community_id!", CAST(sum(l.minutes) AS BIGINT) AS "minutes!: i64"
           FROM points_ledger l
           WHERE l.community_id IN (SELECT value FROM json_each($1))
             AND l.created_at >= $2 AND l.created_at < $3
           GROUP BY l.community_id"#,
        communities,
        from,
        to
    )
    .fetch_all(pool)
    .await?;
    for h in hours {
        if let Some(row) = rows.iter_mut().find(|r| r.community_id == h.community_id) {
            row.volunteer_minutes = h.minutes;
        }
    }
    Ok(rows)
}
