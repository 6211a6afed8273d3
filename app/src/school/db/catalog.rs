//! Reading the school: the current semester's classes with seats left and the waitlist, a
//! household's enrollments, and the rooms admins schedule in.

use crate::db::Pool;

use crate::error::{AppError, AppResult};
use crate::school::model::enrollment::{ClassView, EnrollmentStatus, EnrollmentView, SlotView};

/// Each weekly slot of a class, by day and time.
async fn class_slots(pool: &Pool, class_id: i64) -> AppResult<Vec<SlotView>> {
    let rows = sqlx::query!(
        "SELECT sl.weekday, sl.start_time, sl.end_time, s.id AS site_id, s.name AS site, r.name AS room
         FROM class_slots sl JOIN rooms r ON r.id = sl.room_id JOIN school_sites s ON s.id = r.site_id
         WHERE sl.class_id = $1 ORDER BY sl.weekday, sl.start_time",
        class_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| SlotView {
            weekday: u32::try_from(r.weekday).unwrap_or(0),
            start_time: r.start_time,
            end_time: r.end_time,
            site_id: r.site_id,
            site: r.site,
            room: r.room,
        })
        .collect())
}

/// The latest semester's name, enrollment window and classes, optionally only those meeting
/// at a site or on a weekday.
pub async fn catalog(
    pool: &Pool,
    site: Option<i64>,
    weekday: Option<i64>,
) -> AppResult<(String, String, Vec<ClassView>)> {
    let semester = super::semester::latest_or_refuse(pool).await?;
    let rows = sqlx::query!(
        r#"SELECT c.id AS "id!", c.name, co.name AS course, t.name AS teacher, c.capacity, c.fee_fen, c.min_age,
                  (SELECT count(*) FROM enrollments e WHERE e.class_id = c.id AND e.status IN ('enrolled', 'offered')) AS "held!: i64",
                  (SELECT count(*) FROM enrollments e WHERE e.class_id = c.id AND e.status = 'waitlisted') AS "waiting!: i64"
           FROM classes c JOIN courses co ON co.id = c.course_id JOIN teachers t ON t.id = c.teacher_id
           WHERE c.semester_id = $1 ORDER BY c.id"#,
        semester.id
    )
    .fetch_all(pool)
    .await?;
    let mut classes = Vec::with_capacity(rows.len());
    for r in rows {
        let slots = class_slots(pool, r.id).await?;
        let shown = slots.iter().any(|slot| {
            site.is_none_or(|want| want == slot.site_id)
                && weekday.is_none_or(|want| want == i64::from(slot.weekday))
        });
        if !shown && (site.is_some() || weekday.is_some()) {
            continue;
        }
        classes.push(ClassView {
            slots,
            id: r.id,
            name: r.name,
            course: r.course,
            teacher: r.teacher,
            capacity: r.capacity,
            seats_left: (r.capacity - r.held).max(0),
            waiting: r.waiting,
            fee_fen: r.fee_fen,
            min_age: r.min_age,
        });
    }
    let window = format!("{} – {}", semester.enroll_opens, semester.enroll_closes);
    Ok((semester.name, window, classes))
}

/// Live and recent enrollments of these elders.
pub async fn enrollments_of(pool: &Pool, elder_ids: &[i64]) -> AppResult<Vec<EnrollmentView>> {
    let ids = format!(
        "[{}]",
        elder_ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",")
    );
    let rows = sqlx::query!(
        r#"SELECT e.id AS "id!", e.class_id, el.name AS elder_name, c.name AS class_name,
                  e.status AS "status: EnrollmentStatus", e.offer_expires_at,
                  (SELECT count(*) FROM enrollments w WHERE w.class_id = e.class_id AND w.status = 'waitlisted'
                     AND e.status = 'waitlisted' AND w.id <= e.id) AS "position!: i64"
           FROM enrollments e JOIN classes c ON c.id = e.class_id JOIN elders el ON el.id = e.elder_id
           WHERE e.elder_id IN (SELECT value FROM json_each($1)) AND e.status IN ('enrolled', 'waitlisted', 'offered', 'lapsed')
           ORDER BY el.name, e.id"#,
        ids
    )
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(EnrollmentView {
            id: r.id,
            elder_name: r.elder_name,
            class_name: r.class_name,
            slots: class_slots(pool, r.class_id).await?,
            status: r.status,
            position: r.position,
            offer_expires: r.offer_expires_at,
        });
    }
    Ok(out)
}

pub async fn elder_of(pool: &Pool, enrollment_id: i64) -> AppResult<i64> {
    sqlx::query_scalar!(
        "SELECT elder_id FROM enrollments WHERE id = $1",
        enrollment_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)
}

pub async fn room_community(pool: &Pool, room_id: i64) -> AppResult<i64> {
    sqlx::query_scalar!(
        "SELECT s.community_id FROM rooms r JOIN school_sites s ON s.id = r.site_id WHERE r.id = $1",
        room_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or_else(|| AppError::invalid(crate::tr!("请选择教室。", "Please choose a room.")))
}

/// Every room: (id, community of its site, "site · room").
pub async fn rooms(pool: &Pool) -> AppResult<Vec<(i64, i64, String)>> {
    let rows = sqlx::query!(
        r#"SELECT r.id AS "id!", s.community_id, s.name AS site, r.name AS room
           FROM rooms r JOIN school_sites s ON s.id = r.site_id ORDER BY s.id, r.id"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.id, r.community_id, format!("{} · {}", r.site, r.room)))
        .collect())
}

/// Every teaching site: (id, name).
pub async fn sites(pool: &Pool) -> AppResult<Vec<(i64, String)>> {
    let rows = sqlx::query!(r#"SELECT id AS "id!", name FROM school_sites ORDER BY id"#)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}
