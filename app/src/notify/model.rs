//! What a notification looks like to the pages.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i64,
    pub message: String,
    pub link: String,
    /// Unix seconds.
    pub created_at: i64,
    pub read: bool,
}
