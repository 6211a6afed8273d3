//! The 街道 → 社区 tree as the pages show it.

use serde::{Deserialize, Serialize};

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
