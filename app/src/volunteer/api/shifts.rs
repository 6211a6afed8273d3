//! Volunteer server functions under /api/volunteer/. Signing up needs the volunteer role;
//! creating shifts and seeing who signed up needs staff of the shift's community.

use leptos::prelude::*;

use crate::error::AppError;
use crate::volunteer::model::shifts::{ShiftForm, ShiftView, SignupView};

/// Shifts from `from` (default today) for two weeks, optionally of one community.
#[server(endpoint = "volunteer/shifts")]
pub async fn list_shifts(
    community: Option<i64>,
    from: Option<String>,
) -> Result<Vec<ShiftView>, AppError> {
    let user = crate::auth::session::require_user().await?;
    let start = crate::clock::date_or_today(from)?;
    let to = start + chrono::Days::new(13);
    crate::volunteer::db::shifts::list(&crate::state::pool()?, user.id, community, start, to, false)
        .await
}

/// The caller's shifts from yesterday on.
#[server(endpoint = "volunteer/mine")]
pub async fn my_shifts() -> Result<Vec<ShiftView>, AppError> {
    let user = crate::auth::session::require_user().await?;
    let today = crate::clock::today_in_shanghai();
    let from = today - chrono::Days::new(1);
    let to = today + chrono::Days::new(60);
    crate::volunteer::db::shifts::list(&crate::state::pool()?, user.id, None, from, to, true).await
}

#[server(endpoint = "volunteer/sign-up")]
pub async fn sign_up_shift(shift_id: i64) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::volunteer::policy::require_volunteer(
        &user,
        &crate::tr!("报名班次", "Signing up for shifts"),
    )?;
    crate::volunteer::db::shifts::sign_up(
        &crate::state::writer()?,
        shift_id,
        user.id,
        chrono::Utc::now(),
    )
    .await
    .map(|_| ())
}

#[server(endpoint = "volunteer/cancel")]
pub async fn cancel_shift(shift_id: i64) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::volunteer::db::shifts::cancel(
        &crate::state::writer()?,
        shift_id,
        user.id,
        chrono::Utc::now(),
    )
    .await
}

#[server(endpoint = "volunteer/manage/create")]
pub async fn create_shift(form: ShiftForm) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    let shift = form.parse(crate::clock::today_in_shanghai())?;
    crate::volunteer::policy::require_staff_of(&user, shift.community_id)?;
    crate::volunteer::db::shifts::create(&crate::state::pool()?, &shift, user.id)
        .await
        .map(|_| ())
}

/// Offers the day's delivery routes of a canteen service as volunteer shifts.
#[server(endpoint = "volunteer/manage/offer-routes")]
pub async fn offer_delivery_routes(service_id: i64, date: String) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    crate::canteen::policy::require_canteen_staff(&pool, &user, service_id).await?;
    let date = crate::clock::date_or_today(Some(date))?;
    let offered =
        crate::volunteer::db::shifts::offer_routes(&pool, service_id, date, user.id).await?;
    if offered == 0 {
        return Err(AppError::conflict(crate::tr!(
            "没有可以发布的路线：请先排路线，已发布过的路线不会重复发布。",
            "There are no routes to offer. Please plan the routes first; routes already offered are not offered again."
        )));
    }
    Ok(())
}

/// The past week's and coming shifts of the communities the caller is staff of, each with who signed up.
#[server(endpoint = "volunteer/manage/shifts")]
pub async fn managed_shifts() -> Result<Vec<(ShiftView, Vec<SignupView>)>, AppError> {
    use crate::volunteer::db;
    let (user, pool) = crate::auth::session::caller().await?;
    let today = crate::clock::today_in_shanghai();
    let (from, to) = (today, today + chrono::Days::new(30));
    let communities = crate::volunteer::policy::managed_communities(&user)?;
    let mut out = Vec::new();
    for community in communities {
        for shift in db::shifts::list(&pool, user.id, community, from, to, false).await? {
            let signups = db::shifts::signups(&pool, shift.id).await?;
            out.push((shift, signups));
        }
    }
    Ok(out)
}
