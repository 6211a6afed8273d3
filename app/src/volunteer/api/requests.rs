//! Service-request server functions under /api/volunteer/requests/. Posting for an elder needs
//! a relation to the elder; claiming needs the volunteer role; dispatching needs staff of the
//! request's community; completing, cancelling and rating belong to the parties.

use leptos::prelude::*;

use crate::error::AppError;
use crate::volunteer::model::requests::{RequestForm, RequestView};

#[server(endpoint = "volunteer/requests")]
pub async fn list_requests() -> Result<Vec<RequestView>, AppError> {
    let user = crate::auth::session::require_user().await?;
    let recent = crate::volunteer::db::requests::recent(&crate::state::pool()?).await?;
    Ok(crate::volunteer::policy::visible_requests(&user, recent))
}

/// 点单: a resident, a family for their elder, or staff for a caller posts a need.
#[server(endpoint = "volunteer/requests/post")]
pub async fn post_request(form: RequestForm) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let request = form.parse()?;
    let community_id = match (request.elder_id, request.community_id) {
        (Some(elder), _) => {
            crate::household::policy::authorize(&pool, &user, elder)
                .await?
                .community_id
        }
        (None, Some(community)) => {
            if !crate::community::db::community_exists(&pool, community).await? {
                return Err(AppError::invalid(crate::tr!(
                    "请选择所在社区。",
                    "Please choose your community."
                )));
            }
            community
        }
        (None, None) => {
            return Err(AppError::invalid(crate::tr!(
                "请选择所在社区。",
                "Please choose your community."
            )))
        }
    };
    crate::volunteer::db::requests::create(&pool, &request, community_id, user.id).await?;
    Ok(())
}

/// 领单
#[server(endpoint = "volunteer/requests/claim")]
pub async fn claim_request(request_id: i64) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::volunteer::policy::require_volunteer(&user, &crate::tr!("接单", "Taking requests"))?;
    let pool = crate::state::pool()?;
    let parties = crate::volunteer::db::requests::parties(&pool, request_id).await?;
    if parties.requester_id == user.id {
        return Err(AppError::conflict(crate::tr!(
            "不能接自己发布的需求。",
            "You cannot take a request you posted yourself."
        )));
    }
    crate::volunteer::db::requests::claim(&crate::state::writer()?, request_id, user.id).await
}

/// 派单: staff give the request to the volunteer with this mobile number.
#[server(endpoint = "volunteer/requests/dispatch")]
pub async fn dispatch_request(request_id: i64, phone: String) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let parties = crate::volunteer::db::requests::parties(&pool, request_id).await?;
    crate::volunteer::policy::require_staff_of(&user, parties.community_id)?;
    let phone = crate::domain::phone::PhoneNumber::parse(&phone)?;
    let not_found = || {
        AppError::invalid(crate::tr!(
            "没有找到这个手机号的志愿者。",
            "No volunteer was found with this mobile number."
        ))
    };
    let volunteer_id = crate::auth::db::user_id_by_phone(&pool, phone.as_str())
        .await?
        .ok_or_else(not_found)?;
    let volunteer = crate::auth::db::load_user(&pool, volunteer_id)
        .await?
        .filter(|u| u.has_role(crate::domain::role::Role::Volunteer))
        .ok_or_else(not_found)?;
    crate::volunteer::db::requests::dispatch(
        &crate::state::writer()?,
        request_id,
        user.id,
        volunteer.id,
    )
    .await
}

#[server(endpoint = "volunteer/requests/done")]
pub async fn complete_request(request_id: i64) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::volunteer::db::requests::complete(&crate::state::writer()?, request_id, user.id).await
}

#[server(endpoint = "volunteer/requests/cancel")]
pub async fn cancel_request(request_id: i64) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::volunteer::db::requests::cancel(&crate::state::writer()?, request_id, user.id).await
}

/// 评单
#[server(endpoint = "volunteer/requests/rate")]
pub async fn rate_request(request_id: i64, stars: String, comment: String) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    let (stars, comment) = crate::domain::rating::parse_rating(&stars, &comment)?;
    crate::volunteer::db::requests::rate(
        &crate::state::writer()?,
        request_id,
        user.id,
        stars,
        &comment,
    )
    .await
}
