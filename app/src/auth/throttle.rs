//! Slows down password guessing: too many failed log-ins for one phone number or from one
//! address within a window lock further attempts until the oldest failure ages out.

use crate::db::Pool;

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
pub async fn check(pool: &Pool, phone: &str, ip: &str, now: i64) -> AppResult<()> {
    let since = now - WINDOW_SECS;
    let failures = sqlx::query!(
        r#"SELECT count(*) FILTER (WHERE phone = $1) AS "by_phone!: i64",
                  min(CASE WHEN phone = $1 THEN at END) AS "phone_oldest: i64",
                  count(*) FILTER (WHERE ip = $2) AS "by_ip!: i64",
                  min(CASE WHEN ip = $2 THEN at END) AS "ip_oldest: i64"
           FROM login_failures WHERE (phone = $1 OR ip = $2) AND at > $3"#,
        phone,
        ip,
        since
    )
    .fetch_one(pool)
    .await?;
    if failures.by_phone >= MAX_FAILURES_PER_PHONE {
        let phone = PhoneNumber::parse(phone)
            .map(|p| p.masked())
            .unwrap_or_default();
        tracing::warn!(%ip, %phone, "log-in throttled: too many failures for the number");
        let oldest = failures.phone_oldest.unwrap_or(now);
        return Err(AppError::TooManyAttempts(minutes_until_unlocked(
            oldest, now,
        )));
    }
    if failures.by_ip >= MAX_FAILURES_PER_IP {
        tracing::warn!(%ip, "log-in throttled: too many failures from the address");
        let oldest = failures.ip_oldest.unwrap_or(now);
        return Err(AppError::TooManyAttempts(minutes_until_unlocked(
            oldest, now,
        )));
    }
    Ok(())
}

pub async fn record_failure(pool: &Pool, phone: &str, ip: &str, now: i64) -> AppResult<()> {
    let stale = now - WINDOW_SECS;
    sqlx::query!("DELETE FROM login_failures WHERE at <= $1", stale)
        .execute(pool)
        .await?;
    sqlx::query!(
        "INSERT INTO login_failures (phone, ip, at) VALUES ($1, $2, $3)",
        phone,
        ip,
        now
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// A successful log-in forgives that phone number's earlier failures.
pub async fn clear(pool: &Pool, phone: &str) -> AppResult<()> {
    sqlx::query!("DELETE FROM login_failures WHERE phone = $1", phone)
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
