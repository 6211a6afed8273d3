//! Timetable server functions under /api/school/manage/: adding, moving and removing weekly
//! slots (admins of the class's community), and week grids by site, teacher or room with a
//! teacher's calendar link (community staff).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotRow {
    pub id: i64,
    pub room_id: i64,
    pub weekday: i64,
    pub start: String,
    pub end: String,
    /// "周一 09:00–10:30 红河社区教学点 书画室"
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimetableClass {
    pub id: i64,
    pub name: String,
    pub teacher: String,
    pub slots: Vec<SlotRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timetable {
    /// Rooms the caller may schedule in: (id, "site · room").
    pub rooms: Vec<(i64, String)>,
    /// This semester's classes the caller runs.
    pub classes: Vec<TimetableClass>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridEntry {
    pub weekday: i64,
    pub start: String,
    pub end: String,
    pub class: String,
    pub teacher: String,
    /// "红河社区教学点 书画室"
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekGrid {
    pub semester: String,
    /// "site", "teacher" or "room".
    pub by: String,
    pub chosen: i64,
    pub title: String,
    /// What can be chosen for `by`: (id, name).
    pub options: Vec<(i64, String)>,
    pub entries: Vec<GridEntry>,
    /// The chosen teacher's calendar feed path, for `by` = "teacher".
    pub calendar: String,
}

/// Admins of the class's community, or of every community.
#[cfg(feature = "ssr")]
async fn require_class_admin(
    pool: &sqlx::SqlitePool,
    class_id: i64,
) -> Result<crate::auth::model::CurrentUser, AppError> {
    let user = crate::auth::session::require_user().await?;
    let community = crate::school::setup_db::class_community(pool, class_id).await?;
    if community.is_some_and(|c| user.is_admin_of(c)) || user.is_global_admin() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

#[cfg(feature = "ssr")]
async fn slot_in_room_of_admin(
    pool: &sqlx::SqlitePool,
    user: &crate::auth::model::CurrentUser,
    room_id: i64,
) -> Result<(), AppError> {
    let community = crate::school::catalog_db::room_community(pool, room_id).await?;
    if user.is_admin_of(community) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Adds a weekly slot to a class; refused with the reason when it clashes.
#[server(endpoint = "school/manage/slot")]
pub async fn add_class_slot(
    class_id: i64,
    room_id: i64,
    weekday: String,
    start_time: String,
    end_time: String,
) -> Result<(), AppError> {
    let pool = crate::state::pool()?;
    let user = require_class_admin(&pool, class_id).await?;
    slot_in_room_of_admin(&pool, &user, room_id).await?;
    let slot = crate::school::timetable::slot_from_form(room_id, &weekday, &start_time, &end_time)?;
    crate::school::timetable_db::save_slot(&pool, class_id, None, &slot)
        .await
        .map(|_| ())
}

/// Moves a slot to another room, day or time; refused with the reason when it clashes.
#[server(endpoint = "school/manage/slot/move")]
pub async fn move_class_slot(
    slot_id: i64,
    room_id: i64,
    weekday: String,
    start_time: String,
    end_time: String,
) -> Result<(), AppError> {
    let pool = crate::state::pool()?;
    let class_id = crate::school::timetable_db::class_of_slot(&pool, slot_id).await?;
    let user = require_class_admin(&pool, class_id).await?;
    slot_in_room_of_admin(&pool, &user, room_id).await?;
    let slot = crate::school::timetable::slot_from_form(room_id, &weekday, &start_time, &end_time)?;
    crate::school::timetable_db::save_slot(&pool, class_id, Some(slot_id), &slot)
        .await
        .map(|_| ())
}

#[server(endpoint = "school/manage/slot/remove")]
pub async fn remove_class_slot(slot_id: i64) -> Result<(), AppError> {
    let pool = crate::state::pool()?;
    let class_id = crate::school::timetable_db::class_of_slot(&pool, slot_id).await?;
    require_class_admin(&pool, class_id).await?;
    crate::school::timetable_db::remove_slot(&pool, slot_id).await
}

/// The rooms the caller may schedule in and the classes they run, with their slots.
#[server(endpoint = "school/manage/timetable")]
pub async fn load_timetable() -> Result<Timetable, AppError> {
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    let rooms: Vec<(i64, String)> = crate::school::catalog_db::rooms(&pool)
        .await?
        .into_iter()
        .filter(|(_, community, _)| user.is_admin_of(*community))
        .map(|(id, _, name)| (id, name))
        .collect();
    if rooms.is_empty() {
        return Err(AppError::Forbidden);
    }
    let classes = crate::school::timetable_db::classes_with_slots(&pool, &user).await?;
    Ok(Timetable { rooms, classes })
}

/// The semester's week at one site, for one teacher or in one room (`by`), for staff.
#[server(endpoint = "school/manage/week")]
pub async fn load_week_grid(by: String, id: Option<i64>) -> Result<WeekGrid, AppError> {
    let user = crate::auth::session::require_user().await?;
    if user.staff_communities().is_some_and(|c| c.is_empty()) {
        return Err(AppError::Forbidden);
    }
    let pool = crate::state::pool()?;
    crate::school::timetable_db::week_grid(&pool, &by, id).await
}
