//! Users and audit entries as the admin page shows them.

use serde::{Deserialize, Serialize};

use crate::domain::role::RoleGrant;
use crate::ui::prefs::Locale;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: i64,
    pub display_name: String,
    pub phone: String,
    pub roles: Vec<RoleGrant>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub actor: String,
    pub action: String,
    /// In Chinese, and in English (empty for entries written before it was kept).
    pub detail: String,
    pub detail_en: String,
    pub at: String,
}

impl AuditEntry {
    /// The detail in `locale`, in Chinese where the entry has no English.
    pub fn detail_in(&self, locale: Locale) -> &str {
        match locale {
            Locale::En if !self.detail_en.is_empty() => &self.detail_en,
            _ => &self.detail,
        }
    }
}
