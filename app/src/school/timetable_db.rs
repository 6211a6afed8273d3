//! Adding and moving class slots: the new slot is checked against every other slot of the
//! semester (room, teacher, travel between sites) inside the write transaction, so two admins
//! cannot book the same room at once.

use sqlx::SqlitePool;

use crate::error::{AppError, AppResult};
use crate::school::enroll_db::slot;
use crate::school::timetable::{clash, BookedSlot, Slot};

/// Adds a slot to a class (or moves `slot_id` when given), refusing with the reason when it
/// clashes. Returns the slot's id.
pub async fn save_slot(
    pool: &SqlitePool,
    class_id: i64,
    slot_id: Option<i64>,
    wanted: &Slot,
) -> AppResult<i64> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let class = sqlx::query!(
        "SELECT semester_id, teacher_id FROM classes WHERE id = ?",
        class_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let site = sqlx::query_scalar!("SELECT site_id FROM rooms WHERE id = ?", wanted.room_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| AppError::invalid("请选择教室。"))?;
    let wanted = Slot {
        site_id: site,
        ..wanted.clone()
    };
    let rows = sqlx::query!(
        r#"SELECT sl.id AS "id!", sl.weekday, sl.start_time, sl.end_time, sl.room_id, r.site_id, r.name AS room,
                  s.name AS site, c.teacher_id, c.name AS class_name
           FROM class_slots sl JOIN classes c ON c.id = sl.class_id
           JOIN rooms r ON r.id = sl.room_id JOIN school_sites s ON s.id = r.site_id
           WHERE c.semester_id = ?1 AND (?2 IS NULL OR sl.id <> ?2)"#,
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
                "UPDATE class_slots SET room_id = ?, weekday = ?, start_time = ?, end_time = ? WHERE id = ? AND class_id = ?",
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
        None => sqlx::query!(
            "INSERT INTO class_slots (class_id, room_id, weekday, start_time, end_time) VALUES (?, ?, ?, ?, ?)",
            class_id,
            wanted.room_id,
            weekday,
            start,
            end
        )
        .execute(&mut *tx)
        .await?
        .last_insert_rowid(),
    };
    tx.commit().await?;
    Ok(id)
}
