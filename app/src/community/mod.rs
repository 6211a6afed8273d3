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
