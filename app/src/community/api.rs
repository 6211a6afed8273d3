//! Community server functions under /api/: the list (public, since registration forms need
//! it) and adding a community (admins of every community).

use leptos::prelude::*;

use crate::community::model::Community;
use crate::error::AppError;

/// Every community, grouped by sub-district; public, since registration forms need it.
#[server(endpoint = "communities")]
pub async fn list_communities() -> Result<Vec<Community>, AppError> {
    crate::community::db::all_communities(&crate::state::pool()?).await
}

/// An admin of every community adds a community to a sub-district.
#[server(endpoint = "communities/add")]
pub async fn add_community(subdistrict_id: i64, name: String) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    if !user.is_global_admin() {
        return Err(AppError::Forbidden);
    }
    let name = name.trim();
    match name.chars().count() {
        0 => {
            return Err(AppError::invalid(crate::tr!(
                "请填写社区名称。",
                "Please fill in the community name."
            )))
        }
        1..=30 => {}
        _ => {
            return Err(AppError::invalid(crate::tr!(
                "社区名称不能超过 30 个字。",
                "The community name can have at most 30 characters."
            )))
        }
    }
    let pool = crate::state::pool()?;
    if !crate::community::db::subdistricts(&pool)
        .await?
        .iter()
        .any(|s| s.id == subdistrict_id)
    {
        return Err(AppError::invalid(crate::tr!(
            "请选择街道。",
            "Please choose a sub-district."
        )));
    }
    crate::community::db::add_community(&pool, user.id, subdistrict_id, name).await?;
    Ok(())
}
