//! Enrollments. A class never seats more than its capacity: every change that counts seats
//! runs in one `BEGIN IMMEDIATE` transaction. A freed seat (a drop, a declined or lapsed offer,
//! a capacity increase) is offered to the first on the waitlist in the same transaction, with
//! a time limit, and the family is told in the notification centre.

use crate::db::{Connection, Pool};
use chrono::NaiveDate;

use crate::domain::age::age_on;
use crate::error::{AppError, AppResult};
use crate::i18n::dates::time_label;
use crate::i18n::message::EachLanguage;
use crate::school::model::enrollment::EnrollmentStatus;
use crate::school::rules::enrollment::{
    check_applicant, check_window, place_for, Applicant, Window,
};
use crate::school::rules::timetable::{person_clash, Slot};
use crate::ui::prefs::Locale;

pub fn already_enrolled() -> String {
    crate::tr!("已经报过这个班了。", "Already enrolled in this class.")
}

struct ClassRow {
    semester_id: i64,
    name: String,
    capacity: i64,
    min_age: i64,
    returning_opens: NaiveDate,
    enroll_opens: NaiveDate,
    enroll_closes: NaiveDate,
    max_classes_per_person: i64,
    offer_hours: i64,
}

async fn class_row(conn: &mut Connection, class_id: i64) -> AppResult<ClassRow> {
    sqlx::query_as!(
        ClassRow,
        r#"SELECT c.semester_id, c.name, c.capacity, c.min_age,
                  s.returning_opens AS "returning_opens: NaiveDate", s.enroll_opens AS "enroll_opens: NaiveDate",
                  s.enroll_closes AS "enroll_closes: NaiveDate", s.max_classes_per_person, s.offer_hours
           FROM classes c JOIN semesters s ON s.id = c.semester_id WHERE c.id = $1"#,
        class_id
    )
    .fetch_optional(conn)
    .await?
    .ok_or(AppError::NotFound)
}

async fn slots_of(conn: &mut Connection, class_id: i64) -> AppResult<Vec<Slot>> {
    let rows = sqlx::query!(
        "SELECT sl.weekday, sl.start_time, sl.end_time, r.site_id, sl.room_id
         FROM class_slots sl JOIN rooms r ON r.id = sl.room_id WHERE sl.class_id = $1",
        class_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| slot(r.weekday, &r.start_time, &r.end_time, r.site_id, r.room_id))
        .collect())
}

pub fn slot(weekday: i64, start: &str, end: &str, site_id: i64, room_id: i64) -> Option<Slot> {
    Some(Slot {
        weekday: u32::try_from(weekday).ok()?,
        start: chrono::NaiveTime::parse_from_str(start, "%H:%M").ok()?,
        end: chrono::NaiveTime::parse_from_str(end, "%H:%M").ok()?,
        site_id,
        room_id,
    })
}

/// The outcome of an enrollment: a seat, or a place on the waitlist (1 = next).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnrollOutcome {
    pub status: EnrollmentStatus,
    pub position: i64,
}

pub async fn enroll(
    pool: &Pool,
    class_id: i64,
    elder_id: i64,
    enrolled_by: i64,
    today: NaiveDate,
) -> AppResult<EnrollOutcome> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let class = class_row(&mut tx, class_id).await?;
    let birth = sqlx::query_scalar!(
        r#"SELECT birth_date AS "birth_date: NaiveDate" FROM elders WHERE id = $1"#,
        elder_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let person = sqlx::query!(
        r#"SELECT
             (SELECT count(*) FROM enrollments e JOIN classes c ON c.id = e.class_id
               WHERE e.elder_id = $1 AND c.semester_id < $2 AND e.status = 'enrolled') AS "earlier!: i64",
             (SELECT count(*) FROM enrollments e JOIN classes c ON c.id = e.class_id
               WHERE e.elder_id = $1 AND c.semester_id = $2 AND e.status IN ('enrolled', 'waitlisted', 'offered')) AS "now!: i64""#,
        elder_id,
        class.semester_id
    )
    .fetch_one(&mut *tx)
    .await?;
    let applicant = Applicant {
        age: age_on(birth, today),
        returning: person.earlier > 0,
        classes_this_semester: person.now,
    };
    let window = Window {
        returning_opens: class.returning_opens,
        opens: class.enroll_opens,
        closes: class.enroll_closes,
    };
    check_window(window, applicant, today)?;
    check_applicant(
        class.min_age as i32,
        class.max_classes_per_person,
        applicant,
    )?;

    let wanted = slots_of(&mut tx, class_id).await?;
    let theirs_classes = sqlx::query!(
        r#"SELECT c.id AS "id!", c.name FROM enrollments e JOIN classes c ON c.id = e.class_id
           WHERE e.elder_id = $1 AND c.semester_id = $2 AND e.status IN ('enrolled', 'offered') AND c.id <> $3"#,
        elder_id,
        class.semester_id,
        class_id
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut theirs = Vec::new();
    for other in theirs_classes {
        for s in slots_of(&mut tx, other.id).await? {
            theirs.push((other.name.clone(), s));
        }
    }
    if let Some(name) = person_clash(&wanted, &theirs) {
        return Err(AppError::conflict(crate::tr!(
            "和已报的“{name}”上课时间冲突。",
            "The class times clash with “{name}”, which is already in the timetable."
        )));
    }

    let counts = sqlx::query!(
        r#"SELECT count(*) FILTER (WHERE status IN ('enrolled', 'offered')) AS "held!: i64",
                  count(*) FILTER (WHERE status = 'waitlisted') AS "waiting!: i64"
           FROM enrollments WHERE class_id = $1"#,
        class_id
    )
    .fetch_one(&mut *tx)
    .await?;
    let status = place_for(counts.held, class.capacity, counts.waiting);
    let code = status.code();
    let inserted = sqlx::query_scalar!(
        r#"INSERT INTO enrollments (class_id, elder_id, status, enrolled_by) VALUES ($1, $2, $3, $4)
           RETURNING id AS "id!: i64""#,
        class_id,
        elder_id,
        code,
        enrolled_by
    )
    .fetch_one(&mut *tx)
    .await;
    let id = match inserted {
        Ok(id) => id,
        Err(e) if crate::db::is_unique_violation(&e) => {
            return Err(AppError::conflict(already_enrolled()))
        }
        Err(e) => return Err(e.into()),
    };
    let position = if status == EnrollmentStatus::Waitlisted {
        waitlist_position(&mut tx, class_id, id).await?
    } else {
        0
    };
    tx.commit().await?;
    crate::figures::place("enrollment", status != EnrollmentStatus::Waitlisted);
    Ok(EnrollOutcome { status, position })
}

async fn waitlist_position(conn: &mut Connection, class_id: i64, id: i64) -> AppResult<i64> {
    let n = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM enrollments WHERE class_id = $1 AND status = 'waitlisted' AND id <= $2"#,
        class_id,
        id
    )
    .fetch_one(conn)
    .await?;
    Ok(n)
}

/// Tells the elder (if they have an account) and their family, linking to 我的课表.
pub async fn notify_family(
    conn: &mut Connection,
    elder_id: i64,
    message: &EachLanguage,
) -> AppResult<()> {
    let people = sqlx::query_scalar!(
        r#"SELECT user_id AS "user_id!" FROM family_links WHERE elder_id = $1
           UNION SELECT user_id AS "user_id!" FROM elders WHERE id = $1 AND user_id IS NOT NULL"#,
        elder_id
    )
    .fetch_all(&mut *conn)
    .await?;
    for user in people {
        crate::notify::db::notify(conn, user, message, "/school/mine").await?;
    }
    Ok(())
}

/// Offers freed seats to the waitlist in order, each until `now + offer_hours`.
pub async fn offer_free_seats(conn: &mut Connection, class_id: i64, now: i64) -> AppResult<usize> {
    let class = class_row(conn, class_id).await?;
    let mut offered = 0;
    loop {
        let held = sqlx::query_scalar!(
            r#"SELECT count(*) AS "n!: i64" FROM enrollments WHERE class_id = $1 AND status IN ('enrolled', 'offered')"#,
            class_id
        )
        .fetch_one(&mut *conn)
        .await?;
        if held >= class.capacity {
            break;
        }
        let Some(next) = sqlx::query!(
            r#"SELECT id AS "id!", elder_id FROM enrollments WHERE class_id = $1 AND status = 'waitlisted' ORDER BY id LIMIT 1"#,
            class_id
        )
        .fetch_optional(&mut *conn)
        .await?
        else {
            break;
        };
        let expires = now + class.offer_hours * 3600;
        sqlx::query!(
            "UPDATE enrollments SET status = 'offered', offer_expires_at = $1, changed_at = $2 WHERE id = $3",
            expires,
            now,
            next.id
        )
        .execute(&mut *conn)
        .await?;
        let message = EachLanguage {
            zh: format!(
                "“{}”有空位了，请在 {} 前确认报名，过期会让给下一位。",
                class.name,
                time_label(expires, Locale::Zh)
            ),
            en: format!(
                "A place is free in “{}”. Please confirm the enrollment before {}, or it goes to the next person.",
                class.name,
                time_label(expires, Locale::En)
            ),
        };
        notify_family(conn, next.elder_id, &message).await?;
        offered += 1;
    }
    Ok(offered)
}

/// Drops (an enrolled or waiting person leaves) and passes a freed seat on, in one transaction.
pub async fn drop_enrollment(pool: &Pool, enrollment_id: i64, now: i64) -> AppResult<()> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let class_id = sqlx::query_scalar!(
        "SELECT class_id FROM enrollments WHERE id = $1 AND status IN ('enrolled', 'waitlisted', 'offered')",
        enrollment_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| {
        AppError::conflict(crate::tr!(
            "这条报名已经不在了。",
            "This enrollment no longer exists."
        ))
    })?;
    sqlx::query!(
        "UPDATE enrollments SET status = 'dropped', changed_at = $1 WHERE id = $2",
        now,
        enrollment_id
    )
    .execute(&mut *tx)
    .await?;
    offer_free_seats(&mut tx, class_id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Accepts (true) or declines (false) an offer that has not lapsed; a decline passes it on.
pub async fn answer_offer(
    pool: &Pool,
    enrollment_id: i64,
    accept: bool,
    now: i64,
) -> AppResult<()> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let offer = sqlx::query!(
        "SELECT class_id, offer_expires_at FROM enrollments WHERE id = $1 AND status = 'offered'",
        enrollment_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| {
        AppError::conflict(crate::tr!(
            "这个空位已经不再为您保留。",
            "This seat is no longer held for you."
        ))
    })?;
    if offer.offer_expires_at.is_some_and(|t| t <= now) {
        return Err(AppError::conflict(crate::tr!(
            "确认时间已过，空位已让给下一位。",
            "The time to accept has passed, and the seat has gone to the next person."
        )));
    }
    let status = if accept { "enrolled" } else { "declined" };
    sqlx::query!(
        "UPDATE enrollments SET status = $1, offer_expires_at = NULL, changed_at = $2 WHERE id = $3",
        status,
        now,
        enrollment_id
    )
    .execute(&mut *tx)
    .await?;
    if !accept {
        offer_free_seats(&mut tx, offer.class_id, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Lets offers past their time lapse and offers the seats on; returns how many lapsed.
pub async fn lapse_offers(pool: &Pool, now: i64) -> AppResult<usize> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let expired = sqlx::query!(
        r#"SELECT id AS "id!", class_id FROM enrollments WHERE status = 'offered' AND offer_expires_at <= $1"#,
        now
    )
    .fetch_all(&mut *tx)
    .await?;
    for e in &expired {
        sqlx::query!(
            "UPDATE enrollments SET status = 'lapsed', changed_at = $1 WHERE id = $2",
            now,
            e.id
        )
        .execute(&mut *tx)
        .await?;
    }
    for e in &expired {
        offer_free_seats(&mut tx, e.class_id, now).await?;
    }
    tx.commit().await?;
    Ok(expired.len())
}

/// Raises (or lowers) a class's capacity; new seats go to the waitlist as offers.
pub async fn set_capacity(pool: &Pool, class_id: i64, capacity: i64, now: i64) -> AppResult<()> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    sqlx::query!(
        "UPDATE classes SET capacity = $1 WHERE id = $2",
        capacity,
        class_id
    )
    .execute(&mut *tx)
    .await?;
    offer_free_seats(&mut tx, class_id, now).await?;
    tx.commit().await?;
    Ok(())
}
