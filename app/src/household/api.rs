//! Household server functions under /api/household/. Each checks the session, then the
//! caller's relation to the elder (family, self, or staff of the elder's community).

use leptos::prelude::*;

use crate::domain::elder::ElderForm;
use crate::error::AppError;
use crate::household::model::ElderView;

/// The elders the signed-in account looks after (or is).
#[server(endpoint = "household/mine")]
pub async fn my_elders() -> Result<Vec<ElderView>, AppError> {
    use crate::household::db::{find_elders, ElderFilter};
    let user = crate::auth::session::require_user().await?;
    let filter = ElderFilter {
        family_of: Some(user.id),
        ..Default::default()
    };
    find_elders(
        &crate::state::pool()?,
        filter,
        user.id,
        crate::clock::today_in_shanghai(),
    )
    .await
}

/// The elders of every community the caller is staff of.
#[server(endpoint = "household/community")]
pub async fn community_elders() -> Result<Vec<ElderView>, AppError> {
    use crate::household::db::{find_elders, ElderFilter};
    let (user, pool) = crate::auth::session::caller().await?;
    let communities = match user.staff_communities() {
        Some(ids) if ids.is_empty() => return Err(AppError::Forbidden),
        Some(ids) => ids,
        None => crate::community::db::all_communities(&pool)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect(),
    };
    let today = crate::clock::today_in_shanghai();
    let mut elders = Vec::new();
    for community in communities {
        let filter = ElderFilter {
            community: Some(community),
            ..Default::default()
        };
        elders.extend(find_elders(&pool, filter, user.id, today).await?);
    }
    Ok(elders)
}

#[server(endpoint = "household/elder")]
pub async fn get_elder(elder_id: i64) -> Result<ElderView, AppError> {
    use crate::household::db::{find_elders, ElderFilter};
    let (user, pool) = crate::auth::session::caller().await?;
    crate::household::policy::authorize(&pool, &user, elder_id).await?;
    let filter = ElderFilter {
        elder_id: Some(elder_id),
        ..Default::default()
    };
    let today = crate::clock::today_in_shanghai();
    find_elders(&pool, filter, user.id, today)
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)
}

/// Checks the form and that its community exists.
#[cfg(feature = "ssr")]
async fn parse_form(
    pool: &crate::db::Pool,
    form: &ElderForm,
) -> Result<crate::domain::elder::ElderForSave, AppError> {
    let elder = form.parse(crate::clock::today_in_shanghai())?;
    if !crate::community::db::community_exists(pool, elder.community_id).await? {
        return Err(AppError::invalid(crate::tr!(
            "请选择所在社区。",
            "Please choose the community."
        )));
    }
    Ok(elder)
}

/// A family member registers an elder they look after.
#[server(endpoint = "household/add")]
pub async fn add_elder(form: ElderForm) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let elder = parse_form(&pool, &form).await?;
    crate::household::db::create_elder(&pool, &elder, user.id, true).await?;
    leptos_axum::redirect("/family");
    Ok(())
}

/// Community staff register an elder of their community (phone bookings, no family account).
#[server(endpoint = "household/add-for-community")]
pub async fn add_community_elder(form: ElderForm) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let elder = parse_form(&pool, &form).await?;
    if !user.is_staff_of(elder.community_id) {
        return Err(AppError::Forbidden);
    }
    crate::household::db::create_elder(&pool, &elder, user.id, false).await?;
    leptos_axum::redirect("/community/elders");
    Ok(())
}

#[server(endpoint = "household/update")]
pub async fn update_elder(elder_id: i64, form: ElderForm) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let owned = crate::household::policy::authorize(&pool, &user, elder_id).await?;
    let elder = parse_form(&pool, &form).await?;
    let acting_as_staff = !owned.is_family && !owned.is_self;
    if acting_as_staff && !user.is_staff_of(elder.community_id) {
        return Err(AppError::conflict(crate::tr!(
            "您不是新社区的工作人员，不能把长者转到那个社区。",
            "You are not staff of the new community, so you cannot move the elder there."
        )));
    }
    let relation_of = owned.is_family.then_some(user.id);
    crate::household::db::update_elder(&pool, elder_id, &elder, relation_of).await?;
    leptos_axum::redirect(if acting_as_staff {
        "/community/elders"
    } else {
        "/family"
    });
    Ok(())
}

/// Links the elder's own account so they can use the app themselves.
#[server(endpoint = "household/link-login")]
pub async fn link_elder_login(elder_id: i64, phone: String) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    crate::household::policy::authorize(&pool, &user, elder_id).await?;
    let phone = crate::domain::phone::PhoneNumber::parse(&phone)?;
    crate::household::db::link_own_login(&pool, elder_id, phone.as_str()).await
}
