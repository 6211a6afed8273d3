//! Adding, moving and removing class slots, and reading the week by site, teacher or room.
//! Adding and moving: the new slot is checked against every other slot of the
//! semester (room, teacher, travel between sites) inside the write transaction, so two admins
//! cannot book the same room at once.

use crate::db::Pool;

use crate::error::{AppError, AppResult};
use crate::school::db::enrollment::slot;
use crate::school::db::setup::latest_semester;
use crate::school::model::timetable::{GridEntry, SlotRow, TimetableClass, WeekGrid};
use crate::school::rules::timetable::{clash, BookedSlot, Slot};

/// Adds a slot to a class (or moves `slot_id` when given), refusing with the reason when it
/// clashes. Returns the slot's id.
pub async fn save_slot(
    pool: &Pool,
    class_id: i64,
    slot_id: Option<i64>,
    wanted: &Slot,
) -> AppResult<i64> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let class = sqlx::query!(
        "SELECT semester_id, teacher_id FROM classes WHERE id = $1",
        class_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let site = sqlx::query_scalar!("SELECT site_id FROM rooms WHERE id = $1", wanted.room_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| AppError::invalid(crate::tr!("请选择教室。", "Please choose a room.")))?;
    let wanted = Slot {
        site_id: site,
        ..wanted.clone()
    };
    let rows = sqlx::query!(
        r#"SELECT sl.id AS "id!", sl.weekday, sl.start_time, sl.end_time, sl.room_id, r.site_id, r.name AS room,
                  s.name AS site, c.teacher_id, c.name AS class_name
           FROM class_slots sl JOIN classes c ON c.id = sl.class_id
           JOIN rooms r ON r.id = sl.room_id JOIN school_sites s ON s.id = r.site_id
           WHERE c.semester_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR sl.id <> $2)"#,
        class.semester_id,
        slot_id
    )
    .fetch_all(&mut *tx)
    .await?;
    let booked: Vec<BookedSlot> = rows
        .into_iter()
        .filter_map(|r| {
            Some(BookedSlot {
                slot: slot(r.weekday, &r.start_time, &r.end_time, r.site_id, r.room_id)?,
                teacher_id: r.teacher_id,
                class_name: r.class_name,
                room_name: r.room,
                site_name: r.site,
            })
        })
        .collect();
    let travel: Vec<(i64, i64, i64)> =
        sqlx::query!("SELECT from_site, to_site, minutes FROM site_travel")
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|t| (t.from_site, t.to_site, t.minutes))
            .collect();
    if let Some(reason) = clash(&wanted, class.teacher_id, &booked, &travel) {
        return Err(AppError::conflict(reason));
    }
    let (weekday, start, end) = (
        i64::from(wanted.weekday),
        wanted.start.format("%H:%M").to_string(),
        wanted.end.format("%H:%M").to_string(),
    );
    let id = match slot_id {
        Some(id) => {
            sqlx::query!(
                "UPDATE class_slots SET room_id = $1, weekday = $2, start_time = $3, end_time = $4 WHERE id = $5 AND class_id = $6",
                wanted.room_id,
                weekday,
                start,
                end,
                id,
                class_id
            )
            .execute(&mut *tx)
            .await?;
            id
        }
        None => sqlx::query_scalar!(
            r#"INSERT INTO class_slots (class_id, room_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4, $5)
           RETURNING id AS "id!: i64""#,
            class_id,
            wanted.room_id,
            weekday,
            start,
            end
        )
        .fetch_one(&mut *tx)
        .await?,
    };
    tx.commit().await?;
    Ok(id)
}

pub async fn class_of_slot(pool: &Pool, slot_id: i64) -> AppResult<i64> {
    sqlx::query_scalar!("SELECT class_id FROM class_slots WHERE id = $1", slot_id)
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn remove_slot(pool: &Pool, slot_id: i64) -> AppResult<()> {
    sqlx::query!("DELETE FROM class_slots WHERE id = $1", slot_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// One weekly slot of the latest semester with what it belongs to.
struct SemesterSlot {
    id: i64,
    class_id: i64,
    room_id: i64,
    site_id: i64,
    teacher_id: i64,
    weekday: i64,
    start: String,
    end: String,
    class: String,
    teacher: String,
    site: String,
    room: String,
}

impl SemesterSlot {
    fn place(&self) -> String {
        format!("{} {}", self.site, self.room)
    }

    fn row(&self) -> SlotRow {
        SlotRow {
            id: self.id,
            room_id: self.room_id,
            weekday: self.weekday,
            start: self.start.clone(),
            end: self.end.clone(),
            site: self.site.clone(),
            room: self.room.clone(),
        }
    }

    fn entry(&self) -> GridEntry {
        GridEntry {
            weekday: self.weekday,
            start: self.start.clone(),
            end: self.end.clone(),
            class: self.class.clone(),
            teacher: self.teacher.clone(),
            place: self.place(),
        }
    }
}

async fn semester_slots(pool: &Pool, semester_id: i64) -> AppResult<Vec<SemesterSlot>> {
    Ok(sqlx::query_as!(
        SemesterSlot,
        r#"SELECT sl.id AS "id!", sl.class_id, sl.room_id, r.site_id, c.teacher_id, sl.weekday,
                  sl.start_time AS start, sl.end_time AS end, c.name AS class, t.name AS teacher,
                  s.name AS site, r.name AS room
           FROM class_slots sl JOIN classes c ON c.id = sl.class_id JOIN teachers t ON t.id = c.teacher_id
           JOIN rooms r ON r.id = sl.room_id JOIN school_sites s ON s.id = r.site_id
           WHERE c.semester_id = $1 ORDER BY sl.weekday, sl.start_time, s.id, r.id"#,
        semester_id
    )
    .fetch_all(pool)
    .await?)
}

/// The latest semester's classes, each with its community and its slots.
pub async fn classes_with_slots(pool: &Pool) -> AppResult<Vec<(Option<i64>, TimetableClass)>> {
    let semester = latest_semester(pool).await?;
    let slots = semester_slots(pool, semester).await?;
    let classes = sqlx::query!(
        r#"SELECT c.id AS "id!", c.name, t.name AS teacher, c.community_id
           FROM classes c JOIN teachers t ON t.id = c.teacher_id WHERE c.semester_id = $1 ORDER BY c.id"#,
        semester
    )
    .fetch_all(pool)
    .await?;
    Ok(classes
        .into_iter()
        .map(|c| {
            let class = TimetableClass {
                slots: slots
                    .iter()
                    .filter(|s| s.class_id == c.id)
                    .map(SemesterSlot::row)
                    .collect(),
                id: c.id,
                name: c.name,
                teacher: c.teacher,
            };
            (c.community_id, class)
        })
        .collect())
}

/// The latest semester's week at a site, for a teacher or in a room (`by`), the first one
/// when `id` is not given.
pub async fn week_grid(pool: &Pool, by: &str, id: Option<i64>) -> AppResult<WeekGrid> {
    let by = match by {
        "teacher" | "room" => by,
        _ => "site",
    };
    let options: Vec<(i64, String)> = match by {
        "teacher" => sqlx::query!(r#"SELECT id AS "id!", name FROM teachers ORDER BY id"#)
            .fetch_all(pool)
            .await?
            .into_iter()
            .map(|t| (t.id, t.name))
            .collect(),
        "room" => crate::school::db::catalog::rooms(pool)
            .await?
            .into_iter()
            .map(|(id, _, name)| (id, name))
            .collect(),
        _ => crate::school::db::catalog::sites(pool).await?,
    };
    let (chosen, title) = options
        .iter()
        .find(|(option, _)| id.is_none_or(|id| id == *option))
        .cloned()
        .ok_or(AppError::NotFound)?;
    let semester = latest_semester(pool).await?;
    let semester_name = sqlx::query_scalar!("SELECT name FROM semesters WHERE id = $1", semester)
        .fetch_optional(pool)
        .await?
        .unwrap_or_default();
    let entries = semester_slots(pool, semester)
        .await?
        .iter()
        .filter(|s| match by {
            "teacher" => s.teacher_id == chosen,
            "room" => s.room_id == chosen,
            _ => s.site_id == chosen,
        })
        .map(SemesterSlot::entry)
        .collect();
    let calendar = if by == "teacher" {
        let token = crate::school::db::calendar::teacher_calendar_token(pool, chosen).await?;
        format!("/school/calendar/{token}.ics")
    } else {
        String::new()
    };
    Ok(WeekGrid {
        semester: semester_name,
        by: by.to_string(),
        chosen,
        title,
        options,
        entries,
        calendar,
    })
}
