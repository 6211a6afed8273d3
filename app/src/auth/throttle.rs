//! Slows down password guessing: too many failed log-ins for one phone number or from one
//! address within a window lock further attempts until the oldest failure ages out.

use sqlx::SqlitePool;

use crate::domain::phone::PhoneNumber;
use crate::error::{AppError, AppResult};

pub const WINDOW_SECS: i64 = 15 * 60;
pub const MAX_FAILURES_PER_PHONE: i64 = 5;
pub const MAX_FAILURES_PER_IP: i64 = 20;

/// Minutes (rounded up) until a lock that began with the failure at `oldest` lifts.
pub fn minutes_until_unlocked(oldest: i64, now: i64) -> i64 {
    let remaining = (oldest + WINDOW_SECS - now).max(1);
    (remaining + 59) / 60
}

/// Refuses the attempt when the phone number or the address is locked.
pub async fn check(pool: &SqlitePool, phone: &str, ip: &str, now: i64) -> AppResult<()> {
    let since = now - WINDOW_SECS;
    let by_phone = sqlx::query!(
        r#"SELECT count(*) AS "count!: i64", min(at) AS "oldest: i64" FROM login_failures WHERE phone = ? AND at > ?"#,
        phone,
        since
    )
    .fetch_one(pool)
    .await?;
    if by_phone.count >= MAX_FAILURES_PER_PHONE {
        let phone = PhoneNumber::parse(phone)
            .map(|p| p.masked())
            .unwrap_or_default();
        tracing::warn!(%ip, %phone, "log-in throttled: too many failures for the number");
        return Err(AppError::TooManyAttempts(minutes_until_unlocked(
            by_phone.oldest.unwrap_or(now),
            now,
        )));
    }
    let by_ip = sqlx::query!(
        r#"SELECT count(*) AS "count!: i64", min(at) AS "oldest: i64" FROM login_failures WHERE ip = ? AND at > ?"#,
        ip,
        since
    )
    .fetch_one(pool)
    .await?;
    if by_ip.count >= MAX_FAILURES_PER_IP {
        tracing::warn!(%ip, "log-in throttled: too many failures from the address");
        return Err(AppError::TooManyAttempts(minutes_until_unlocked(
            by_ip.oldest.unwrap_or(now),
            now,
        )));
    }
    Ok(())
}

pub async fn record_failure(pool: &SqlitePool, phone: &str, ip: &str, now: i64) -> AppResult<()> {
    let stale = now - WINDOW_SECS;
    sqlx::query!("DELETE FROM login_failures WHERE at <= ?", stale)
        .execute(pool)
        .await?;
    sqlx::query!(
        "INSERT INTO login_failures (phone, ip, at) VALUES (?, ?, ?)",
        phone,
        ip,
        now
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// A successful log-in forgives that phone number's earlier failures.
pub async fn clear(pool: &SqlitePool, phone: &str) -> AppResult<()> {
    sqlx::query!("DELETE FROM login_failures WHERE phone = ?", phone)
        .execute(pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_lifts_fifteen_minutes_after_the_oldest_failure_rounded_up() {
        assert_eq!(minutes_until_unlocked(1_000, 1_000), 15);
        assert_eq!(minutes_until_unlocked(1_000, 1_000 + 14 * 60 + 1), 1);
        assert_eq!(minutes_until_unlocked(1_000, 1_000 + 20 * 60), 1);
    }
}
