//! Storing and reading notifications.

use crate::db::{Connection, Pool};

use crate::error::AppResult;
use crate::i18n::message::EachLanguage;
use crate::notify::model::NotificationView;
use crate::ui::prefs::Locale;

/// Adds a notification for `user_id`, in each language, inside the caller's transaction so it
/// exists exactly when the change it reports does.
pub async fn notify(
    conn: &mut Connection,
    user_id: i64,
    message: &EachLanguage,
    link: &str,
) -> AppResult<()> {
    sqlx::query!(
        "INSERT INTO notifications (user_id, message, message_en, link) VALUES ($1, $2, $3, $4)",
        user_id,
        message.zh,
        message.en,
        link
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The latest 50 notifications of an account, newest first, in `locale` (in Chinese where a
/// notification has no English).
pub async fn latest(pool: &Pool, user_id: i64, locale: Locale) -> AppResult<Vec<NotificationView>> {
    let english = locale == Locale::En;
    let rows = sqlx::query_as!(
        NotificationView,
        r#"SELECT id AS "id!",
                  CASE WHEN $2 AND message_en <> '' THEN message_en ELSE message END AS "message!: String",
                  link, created_at, read_at IS NOT NULL AS "read!: bool"
           FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 50"#,
        user_id,
        english
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

pub async fn mark_all_read(pool: &Pool, user_id: i64) -> AppResult<()> {
    sqlx::query!(
        "UPDATE notifications SET read_at = unixepoch() WHERE user_id = $1 AND read_at IS NULL",
        user_id
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Deletes notifications read before `before` (the housekeeping job); unread ones stay.
pub async fn delete_read_before(pool: &Pool, before: i64) -> AppResult<u64> {
    let done = sqlx::query!(
        "DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at < $1",
        before
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}
