//! Notification server functions under /api/notify/: each account reads only its own.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i64,
    pub message: String,
    pub link: String,
    /// Unix seconds.
    pub created_at: i64,
    pub read: bool,
}

#[server(endpoint = "notify/mine")]
pub async fn my_notifications() -> Result<Vec<NotificationView>, AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::notify::db::latest(&crate::state::pool()?, user.id).await
}

#[server(endpoint = "notify/read-all")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::notify::db::mark_all_read(&crate::state::pool()?, user.id).await
}
