//! The 街道 → 社区 tree every service is organised by.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[cfg(feature = "ssr")]
pub mod db;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Community {
    pub id: i64,
    pub name: String,
    pub subdistrict_id: i64,
    pub subdistrict: String,
    pub district: String,
    pub city: String,
}

impl Community {
    /// "红卫街道 · 红河社区"
    pub fn full_name(&self) -> String {
        format!("{} · {}", self.subdistrict, self.name)
    }
}

/// Every community, grouped by sub-district; public, since registration forms need it.
#[server(endpoint = "communities")]
pub async fn list_communities() -> Result<Vec<Community>, AppError> {
    db::all_communities(&crate::state::pool()?).await
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
        0 => return Err(AppError::invalid("请填写社区名称。")),
        1..=30 => {}
        _ => return Err(AppError::invalid("社区名称不能超过 30 个字。")),
    }
    let pool = crate::state::pool()?;
    if !db::subdistricts(&pool)
        .await?
        .iter()
        .any(|s| s.id == subdistrict_id)
    {
        return Err(AppError::invalid("请选择街道。"));
    }
    db::add_community(&pool, user.id, subdistrict_id, name).await?;
    Ok(())
}
