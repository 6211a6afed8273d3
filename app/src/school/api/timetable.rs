//! Timetable server functions under /api/school/manage/: adding, moving and removing weekly
//! slots (admins of the class's community), and week grids by site, teacher or room with a
//! teacher's calendar link (community staff).

use leptos::prelude::*;

use crate::error::AppError;
use crate::school::model::timetable::{Timetable, WeekGrid};
#[cfg(feature = "ssr")]
use crate::school::policy::{require_class_admin, require_room_admin};

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
    let times = [weekday, start_time, end_time];
    save_checked_slot(&pool, class_id, None, room_id, &times).await
}

/// Saves a class's slot (a new one, or `slot_id` moved) for an admin of the class and the room:
/// `times` is the form's weekday, start and end.
#[cfg(feature = "ssr")]
async fn save_checked_slot(
    pool: &crate::db::Pool,
    class_id: i64,
    slot_id: Option<i64>,
    room_id: i64,
    [weekday, start_time, end_time]: &[String; 3],
) -> Result<(), AppError> {
    let user = require_class_admin(pool, class_id).await?;
    require_room_admin(pool, &user, room_id).await?;
    let slot =
        crate::school::rules::timetable::slot_from_form(room_id, weekday, start_time, end_time)?;
    crate::school::db::timetable::save_slot(pool, class_id, slot_id, &slot)
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
    let class_id = crate::school::db::timetable::class_of_slot(&pool, slot_id).await?;
    let times = [weekday, start_time, end_time];
    save_checked_slot(&pool, class_id, Some(slot_id), room_id, &times).await
}

#[server(endpoint = "school/manage/slot/remove")]
pub async fn remove_class_slot(slot_id: i64) -> Result<(), AppError> {
    let pool = crate::state::pool()?;
    let class_id = crate::school::db::timetable::class_of_slot(&pool, slot_id).await?;
    require_class_admin(&pool, class_id).await?;
    crate::school::db::timetable::remove_slot(&pool, slot_id).await
}

/// The rooms the caller may schedule in and the classes they run, with their slots.
#[server(endpoint = "school/manage/timetable")]
pub async fn load_timetable() -> Result<Timetable, AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let rooms: Vec<(i64, String)> = crate::school::db::catalog::rooms(&pool)
        .await?
        .into_iter()
        .filter(|(_, community, _)| user.is_admin_of(*community))
        .map(|(id, _, name)| (id, name))
        .collect();
    if rooms.is_empty() {
        return Err(AppError::Forbidden);
    }
    let classes = crate::school::db::timetable::classes_with_slots(&pool)
        .await?
        .into_iter()
        .filter(|(community, _)| crate::school::policy::may_run_class(&user, *community))
        .map(|(_, class)| class)
        .collect();
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
    crate::school::db::timetable::week_grid(&pool, &by, id).await
}
