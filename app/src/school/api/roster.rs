//! Class roster server functions under /api/school/roster/, for staff of the community that
//! runs the class: who is enrolled (with phone and age), fees marked paid, attendance per
//! meeting, and the waitlist.

use leptos::prelude::*;

use crate::error::AppError;
use crate::school::model::roster::{AttendanceForm, Roster};
#[cfg(feature = "ssr")]
use crate::school::policy::require_class_staff;

#[server(endpoint = "school/roster")]
pub async fn load_roster(class_id: i64, session: Option<String>) -> Result<Roster, AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    require_class_staff(&pool, &user, class_id).await?;
    let session = session.and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    crate::school::db::roster::roster(&pool, class_id, session, crate::clock::today_in_shanghai())
        .await
}

#[server(endpoint = "school/roster/fee")]
pub async fn set_fee_paid(enrollment_id: i64, paid: bool) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let class_id = crate::school::db::roster::class_of_enrollment(&pool, enrollment_id).await?;
    require_class_staff(&pool, &user, class_id).await?;
    crate::school::db::roster::set_paid(
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
    let (user, pool) = crate::auth::session::caller().await?;
    require_class_staff(&pool, &user, form.class_id).await?;
    let date =
        chrono::NaiveDate::parse_from_str(form.session_date.trim(), "%Y-%m-%d").map_err(|_| {
            AppError::invalid(crate::tr!(
                "请选择上课日期。",
                "Please choose a class date."
            ))
        })?;
    crate::school::db::roster::save_attendance(
        &pool,
        &form,
        date,
        user.id,
        crate::clock::today_in_shanghai(),
    )
    .await
}
