//! Storing the school's set-up: semesters, teaching sites and rooms, travel times, teachers,
//! courses and classes. Names that must be unique are refused with a message, not an error.

use crate::db::Pool;
use chrono::NaiveDate;

use crate::db::is_unique_violation;
use crate::error::{AppError, AppResult};
use crate::school::model::setup::{ClassForm, SemesterForm};
use crate::school::model::setup::{CourseRow, SchoolSetup, SetupClassRow, SiteRow, TeacherRow};
use crate::school::rules::setup::{ClassTerms, Semester};

fn unique_or(error: sqlx::Error, message: &str) -> AppError {
    if is_unique_violation(&error) {
        AppError::conflict(message)
    } else {
        error.into()
    }
}

/// The latest semester's id, 0 when there is none.
pub async fn latest_semester(pool: &Pool) -> AppResult<i64> {
    Ok(super::semester::latest(pool).await?.map_or(0, |s| s.id))
}

/// The school's set-up, nothing of it marked editable (`school::policy::mark_editable` does).
pub async fn overview(pool: &Pool) -> AppResult<SchoolSetup> {
    let semester_id = latest_semester(pool).await?;
    let semester = sqlx::query!(
        r#"SELECT name, starts_on AS "starts_on: NaiveDate", ends_on AS "ends_on: NaiveDate",
                  returning_opens AS "returning_opens: NaiveDate", enroll_opens AS "enroll_opens: NaiveDate",
                  enroll_closes AS "enroll_closes: NaiveDate", max_classes_per_person, offer_hours, open_at_committed
           FROM semesters WHERE id = $1"#,
        semester_id
    )
    .fetch_optional(pool)
    .await?
    .map(|s| SemesterForm {
        name: s.name,
        starts_on: s.starts_on.to_string(),
        ends_on: s.ends_on.to_string(),
        returning_opens: s.returning_opens.to_string(),
        enroll_opens: s.enroll_opens.to_string(),
        enroll_closes: s.enroll_closes.to_string(),
        max_classes_per_person: s.max_classes_per_person.to_string(),
        offer_hours: s.offer_hours.to_string(),
        open_at_committed: s.open_at_committed.to_string(),
    })
    .unwrap_or_default();
    let site_rows = sqlx::query!(
        r#"SELECT s.id AS "id!", s.community_id, c.name AS community, s.name, s.address
           FROM school_sites s JOIN communities c ON c.id = s.community_id ORDER BY s.id"#
    )
    .fetch_all(pool)
    .await?;
    let mut sites = Vec::with_capacity(site_rows.len());
    for s in site_rows {
        let rooms = sqlx::query!(
            r#"SELECT id AS "id!", name FROM rooms WHERE site_id = $1 ORDER BY id"#,
            s.id
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
        sites.push(SiteRow {
            id: s.id,
            community_id: s.community_id,
            community: s.community,
            name: s.name,
            address: s.address,
            rooms,
            editable: false,
        });
    }
    let travel = sqlx::query!(
        "SELECT t.from_site, t.to_site, a.name AS a_name, b.name AS b_name, t.minutes
         FROM site_travel t JOIN school_sites a ON a.id = t.from_site JOIN school_sites b ON b.id = t.to_site
         ORDER BY t.from_site, t.to_site"
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|t| (t.from_site, t.to_site, format!("{} ↔ {}", t.a_name, t.b_name), t.minutes))
    .collect();
    let teachers = sqlx::query_as!(
        TeacherRow,
        r#"SELECT id AS "id!", name, phone, subjects FROM teachers ORDER BY id"#
    )
    .fetch_all(pool)
    .await?;
    let courses = sqlx::query_as!(
        CourseRow,
        r#"SELECT id AS "id!", name, description FROM courses ORDER BY id"#
    )
    .fetch_all(pool)
    .await?;
    let classes = sqlx::query!(
        r#"SELECT id AS "id!", name, course_id, teacher_id, community_id, capacity, fee_fen, min_age
           FROM classes WHERE semester_id = $1 ORDER BY id"#,
        semester_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|c| SetupClassRow {
        editable: false,
        id: c.id,
        name: c.name,
        course_id: c.course_id,
        teacher_id: c.teacher_id,
        community_id: c.community_id.unwrap_or(0),
        capacity: c.capacity,
        fee_fen: c.fee_fen,
        min_age: c.min_age,
    })
    .collect();
    let communities = crate::community::db::all_communities(pool)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    Ok(SchoolSetup {
        semester,
        semester_id,
        may_edit_semester: false,
        sites,
        travel,
        teachers,
        courses,
        classes,
        communities,
    })
}

pub async fn save_semester(
    pool: &Pool,
    semester_id: i64,
    s: &Semester,
    actor: i64,
) -> AppResult<()> {
    let (starts, ends, returning, opens, closes) = (
        s.starts_on,
        s.ends_on,
        s.returning_opens,
        s.enroll_opens,
        s.enroll_closes,
    );
    let mut tx = pool.begin().await?;
    if semester_id == 0 {
        sqlx::query!(
            "INSERT INTO semesters (name, starts_on, ends_on, returning_opens, enroll_opens, enroll_closes,
                                    max_classes_per_person, offer_hours, open_at_committed)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            s.name,
            starts,
            ends,
            returning,
            opens,
            closes,
            s.max_classes_per_person,
            s.offer_hours,
            s.open_at_committed
        )
        .execute(&mut *tx)
        .await?;
    } else {
        let changed = sqlx::query!(
            "UPDATE semesters SET name = $1, starts_on = $2, ends_on = $3, returning_opens = $4, enroll_opens = $5,
                    enroll_closes = $6, max_classes_per_person = $7, offer_hours = $8, open_at_committed = $9
             WHERE id = $10",
            s.name,
            starts,
            ends,
            returning,
            opens,
            closes,
            s.max_classes_per_person,
            s.offer_hours,
            s.open_at_committed,
            semester_id
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(AppError::NotFound);
        }
    }
    let detail = crate::tr_each!(
        "学期：{} {} – {}",
        "Semester: {} {} – {}",
        s.name,
        starts,
        ends
    );
    crate::db::record_audit(&mut tx, actor, "school.semester", &detail).await?;
    tx.commit().await?;
    Ok(())
}

/// The community running a site, `None` for `site_id` 0 (a new site).
pub async fn site_community(pool: &Pool, site_id: i64) -> AppResult<Option<i64>> {
    if site_id == 0 {
        return Ok(None);
    }
    sqlx::query_scalar!(
        "SELECT community_id FROM school_sites WHERE id = $1",
        site_id
    )
    .fetch_optional(pool)
    .await?
    .map(Some)
    .ok_or(AppError::NotFound)
}

pub async fn save_site(
    pool: &Pool,
    site_id: i64,
    community_id: i64,
    name: &str,
    address: &str,
) -> AppResult<()> {
    let result = if site_id == 0 {
        sqlx::query!(
            "INSERT INTO school_sites (community_id, name, address) VALUES ($1, $2, $3)",
            community_id,
            name,
            address
        )
        .execute(pool)
        .await
    } else {
        sqlx::query!(
            "UPDATE school_sites SET community_id = $1, name = $2, address = $3 WHERE id = $4",
            community_id,
            name,
            address,
            site_id
        )
        .execute(pool)
        .await
    };
    result.map_err(|e| {
        unique_or(
            e,
            &crate::tr!(
                "已有同名的教学点。",
                "A teaching site with this name already exists."
            ),
        )
    })?;
    Ok(())
}

pub async fn save_room(pool: &Pool, site_id: i64, room_id: i64, name: &str) -> AppResult<()> {
    let result = if room_id == 0 {
        sqlx::query!(
            "INSERT INTO rooms (site_id, name) VALUES ($1, $2)",
            site_id,
            name
        )
        .execute(pool)
        .await
    } else {
        sqlx::query!(
            "UPDATE rooms SET name = $1 WHERE id = $2 AND site_id = $3",
            name,
            room_id,
            site_id
        )
        .execute(pool)
        .await
    };
    result.map_err(|e| {
        unique_or(
            e,
            &crate::tr!(
                "这个教学点已有同名的教室。",
                "This teaching site already has a room with this name."
            ),
        )
    })?;
    Ok(())
}

/// Stores the travel time once per pair of sites, whichever way round it was entered.
pub async fn save_travel(pool: &Pool, a: i64, b: i64, minutes: i64) -> AppResult<()> {
    let (from, to) = (a.min(b), a.max(b));
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "DELETE FROM site_travel WHERE (from_site = $1 AND to_site = $2) OR (from_site = $2 AND to_site = $1)",
        from,
        to
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO site_travel (from_site, to_site, minutes) VALUES ($1, $2, $3)",
        from,
        to,
        minutes
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn save_teacher(
    pool: &Pool,
    teacher_id: i64,
    name: &str,
    phone: &str,
    subjects: &str,
) -> AppResult<()> {
    if teacher_id == 0 {
        sqlx::query!(
            "INSERT INTO teachers (name, phone, subjects) VALUES ($1, $2, $3)",
            name,
            phone,
            subjects
        )
        .execute(pool)
        .await?;
    } else {
        sqlx::query!(
            "UPDATE teachers SET name = $1, phone = $2, subjects = $3 WHERE id = $4",
            name,
            phone,
            subjects,
            teacher_id
        )
        .execute(pool)
        .await?;
    }
    Ok(())
}

pub async fn save_course(
    pool: &Pool,
    course_id: i64,
    name: &str,
    description: &str,
) -> AppResult<()> {
    let result = if course_id == 0 {
        sqlx::query!(
            "INSERT INTO courses (name, description) VALUES ($1, $2)",
            name,
            description
        )
        .execute(pool)
        .await
    } else {
        sqlx::query!(
            "UPDATE courses SET name = $1, description = $2 WHERE id = $3",
            name,
            description,
            course_id
        )
        .execute(pool)
        .await
    };
    result.map_err(|e| {
        unique_or(
            e,
            &crate::tr!(
                "已有同名的课程。",
                "A course with this name already exists."
            ),
        )
    })?;
    Ok(())
}

/// The community running a class (`None` for classes from before classes had one).
pub async fn class_community(pool: &Pool, class_id: i64) -> AppResult<Option<i64>> {
    sqlx::query_scalar!("SELECT community_id FROM classes WHERE id = $1", class_id)
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)
}

/// Opens a class in the latest semester or changes one. Places cannot go below the seats
/// already taken; extra places are offered to the waitlist in the same transaction.
pub async fn save_class(
    pool: &Pool,
    form: &ClassForm,
    terms: &ClassTerms,
    now: i64,
) -> AppResult<()> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let known = sqlx::query_scalar!(
        r#"SELECT (SELECT count(*) FROM courses WHERE id = $1) + (SELECT count(*) FROM teachers WHERE id = $2) AS "n!: i64""#,
        form.course_id,
        form.teacher_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if known != 2 {
        return Err(AppError::invalid(crate::tr!(
            "请选择课程和老师。",
            "Please choose a course and a teacher."
        )));
    }
    if form.class_id == 0 {
        let semester = sqlx::query_scalar!(
            r#"SELECT id AS "id!" FROM semesters ORDER BY starts_on DESC LIMIT 1"#
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| {
            AppError::conflict(crate::tr!(
                "请先设置学期。",
                "Please set up the semester first."
            ))
        })?;
        sqlx::query!(
            "INSERT INTO classes (semester_id, course_id, teacher_id, community_id, name, capacity, fee_fen, min_age)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            semester,
            form.course_id,
            form.teacher_id,
            form.community_id,
            terms.name,
            terms.capacity,
            terms.fee_fen,
            terms.min_age
        )
        .execute(&mut *tx)
        .await?;
    } else {
        let held = sqlx::query_scalar!(
            r#"SELECT count(*) AS "n!: i64" FROM enrollments WHERE class_id = $1 AND status IN ('enrolled', 'offered')"#,
            form.class_id
        )
        .fetch_one(&mut *tx)
        .await?;
        if terms.capacity < held {
            return Err(AppError::conflict(crate::tr!(
                "已有 {held} 人报名或在确认中，名额不能少于 {held}。",
                "{held} people hold or are being offered a seat, so there must be at least {held} places."
            )));
        }
        sqlx::query!(
            "UPDATE classes SET course_id = $1, teacher_id = $2, community_id = $3, name = $4, capacity = $5, fee_fen = $6, min_age = $7
             WHERE id = $8",
            form.course_id,
            form.teacher_id,
            form.community_id,
            terms.name,
            terms.capacity,
            terms.fee_fen,
            terms.min_age,
            form.class_id
        )
        .execute(&mut *tx)
        .await?;
        crate::school::db::enrollment::offer_free_seats(&mut tx, form.class_id, now).await?;
    }
    tx.commit().await?;
    Ok(())
}
