//! Storing and reading notifications.

use sqlx::{SqliteConnection, SqlitePool};

use crate::error::AppResult;
use crate::notify::model::NotificationView;

/// Adds a notification for `user_id`, inside the caller's transaction so it exists exactly
/// when the change it reports does.
pub async fn notify(
    conn: &mut SqliteConnection,
    user_id: i64,
    message: &str,
    link: &str,
) -> AppResult<()> {
    sqlx::query!(
        "INSERT INTO notifications (user_id, message, link) VALUES (?, ?, ?)",
        user_id,
        message,
        link
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The latest 50 notifications of an account, newest first.
pub async fn latest(pool: &SqlitePool, user_id: i64) -> AppResult<Vec<NotificationView>> {
    let rows = sqlx::query_as!(
        NotificationView,
        r#"SELECT id AS "id!", message, link, created_at, read_at IS NOT NULL AS "read!: bool"
           FROM notifications WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT 50"#,
        user_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

pub async fn mark_all_read(pool: &SqlitePool, user_id: i64) -> AppResult<()> {
    sqlx::query!(
        "UPDATE notifications SET read_at = unixepoch() WHERE user_id = ? AND read_at IS NULL",
        user_id
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Deletes notifications read before `before` (the housekeeping job); unread ones stay.
pub async fn delete_read_before(pool: &SqlitePool, before: i64) -> AppResult<u64> {
    let done = sqlx::query!(
        "DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at < ?",
        before
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}
