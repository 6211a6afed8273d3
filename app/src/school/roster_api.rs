//! Class roster server functions under /api/school/roster/, for staff of the community that
//! runs the class: who is enrolled (with phone and age), fees marked paid, attendance per
//! meeting, and the waitlist.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterStudent {
    pub enrollment_id: i64,
    pub elder_id: i64,
    pub name: String,
    pub age: i32,
    pub phone: String,
    pub paid: bool,
    /// At the chosen meeting: present, absent, or not recorded yet.
    pub present: Option<bool>,
    /// Meetings attended so far.
    pub attended: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub class_id: i64,
    pub class_name: String,
    pub teacher: String,
    pub fee_fen: i64,
    /// Meeting dates of the semester, "2027-03-01".
    pub sessions: Vec<String>,
    /// The chosen meeting, or "" when the class has no times yet.
    pub session: String,
    /// Meetings with attendance taken.
    pub taken: i64,
    pub students: Vec<RosterStudent>,
    /// Waiting or offered: (name, "候补第 2 位" / "有空位待确认").
    pub waiting: Vec<(String, String)>,
}

/// The attendance form: the meeting and the students present (unticked are absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceForm {
    pub class_id: i64,
    pub session_date: String,
    #[serde(default)]
    pub present: Vec<i64>,
}

/// Staff of the community running the class, or an admin of every community.
#[cfg(feature = "ssr")]
pub async fn require_class_staff(
    pool: &sqlx::SqlitePool,
    user: &crate::auth::model::CurrentUser,
    class_id: i64,
) -> Result<(), AppError> {
    let community = crate::school::setup_db::class_community(pool, class_id).await?;
    if community.is_some_and(|c| user.is_staff_of(c)) || user.is_global_admin() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[server(endpoint = "school/roster")]
pub async fn load_roster(class_id: i64, session: Option<String>) -> Result<Roster, AppError> {
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    require_class_staff(&pool, &user, class_id).await?;
    let session = session.and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    crate::school::roster_db::roster(&pool, class_id, session, crate::clock::today_in_shanghai())
        .await
}

#[server(endpoint = "school/roster/fee")]
pub async fn set_fee_paid(enrollment_id: i64, paid: bool) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    let class_id = crate::school::roster_db::class_of_enrollment(&pool, enrollment_id).await?;
    require_class_staff(&pool, &user, class_id).await?;
    crate::school::roster_db::set_paid(
        &pool,
        enrollment_id,
        paid,
        user.id,
        crate::clock::now_unix(),
    )
    .await
}

#[server(endpoint = "school/roster/attendance")]
pub async fn save_attendance(form: AttendanceForm) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    let pool = crate::state::pool()?;
    require_class_staff(&pool, &user, form.class_id).await?;
    let date = chrono::NaiveDate::parse_from_str(form.session_date.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid("请选择上课日期。"))?;
    crate::school::roster_db::save_attendance(
        &pool,
        &form,
        date,
        user.id,
        crate::clock::today_in_shanghai(),
    )
    .await
}
