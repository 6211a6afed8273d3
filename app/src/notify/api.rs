//! Notification server functions under /api/notify/: each account reads only its own.

use leptos::prelude::*;

use crate::error::AppError;
use crate::notify::model::NotificationView;

#[server(endpoint = "notify/mine")]
pub async fn my_notifications() -> Result<Vec<NotificationView>, AppError> {
    let user = crate::auth::session::require_user().await?;
    let locale = crate::i18n::message_locale();
    crate::notify::db::latest(&crate::state::pool()?, user.id, locale).await
}

#[server(endpoint = "notify/read-all")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::notify::db::mark_all_read(&crate::state::pool()?, user.id).await
}
