//! The points ledger: crediting hours and points once per shift, request or bonus (a unique
//! key makes a second submission a no-op), totals, the monthly leaderboard, the rules, and the
//! hours export.

use crate::db::{Connection, Pool};
use chrono::NaiveDate;

use crate::error::{AppError, AppResult};
use crate::volunteer::model::points::{LeaderRow, LedgerEntry, PointsRule, PointsSource};
use crate::volunteer::model::requests::RequestCategory;
use crate::volunteer::rules::points::points_for;

pub struct Credit<'a> {
    pub user_id: i64,
    pub community_id: i64,
    pub source: &'a str,
    pub source_id: i64,
    pub minutes: i64,
    pub points: i64,
    pub note: &'a str,
}

/// Records a credit; returns false when this source already credited this volunteer.
pub async fn credit(conn: &mut Connection, c: &Credit<'_>) -> AppResult<bool> {
    let done = sqlx::query!(
        "INSERT INTO points_ledger (user_id, community_id, source, source_id, minutes, points, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
        c.user_id,
        c.community_id,
        c.source,
        c.source_id,
        c.minutes,
        c.points,
        c.note
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// (minutes, points per hour, bonus) for a kind of work.
pub async fn rule(conn: &mut Connection, kind: &str) -> AppResult<(i64, i64, i64)> {
    let r = sqlx::query!(
        "SELECT minutes, points_per_hour, bonus FROM points_rules WHERE kind = $1",
        kind
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| AppError::internal("missing points rule", kind))?;
    Ok((r.minutes, r.points_per_hour, r.bonus))
}

/// Marks a shift done and credits every confirmed volunteer once. Refused before the day of
/// the shift. Returns how many volunteers were newly credited.
pub async fn complete_shift(pool: &Pool, shift_id: i64, today: NaiveDate) -> AppResult<usize> {
    let mut tx = crate::db::begin_immediate(pool).await?;
    let shift = sqlx::query!(
        r#"SELECT kind, title, date AS "date: NaiveDate", community_id FROM shifts WHERE id = $1"#,
        shift_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if shift.date > today {
        return Err(AppError::conflict(crate::tr!(
            "班次还没有开始，结束后再确认完成。",
            "This shift has not started yet. Please confirm it done after it ends."
        )));
    }
    sqlx::query!(
        "UPDATE shifts SET completed_at = unixepoch() WHERE id = $1 AND completed_at IS NULL",
        shift_id
    )
    .execute(&mut *tx)
    .await?;
    let (minutes, per_hour, _) = rule(&mut tx, &shift.kind).await?;
    let people = sqlx::query_scalar!(
        "SELECT user_id FROM shift_signups WHERE shift_id = $1 AND status = 'confirmed'",
        shift_id
    )
    .fetch_all(&mut *tx)
    .await?;
    let note = format!("{} {}", shift.date, shift.title);
    let mut credited = 0;
    for user_id in people {
        let c = Credit {
            user_id,
            community_id: shift.community_id,
            source: "shift",
            source_id: shift_id,
            minutes,
            points: points_for(minutes, per_hour),
            note: &note,
        };
        if credit(&mut tx, &c).await? {
            credited += 1;
        }
    }
    tx.commit().await?;
    Ok(credited)
}

/// A volunteer's totals (minutes, points) and latest 100 entries.
pub async fn ledger(pool: &Pool, user_id: i64) -> AppResult<(i64, i64, Vec<LedgerEntry>)> {
    let totals = sqlx::query!(
        r#"SELECT CAST(coalesce(sum(minutes), 0) AS BIGINT) AS "minutes!: i64",
                  CAST(coalesce(sum(points), 0) AS BIGINT) AS "points!: i64"
           FROM points_ledger WHERE user_id = $1"#,
        user_id
    )
    .fetch_one(pool)
    .await?;
    let rows = sqlx::query!(
        r#"SELECT l.id AS "id!", l.source AS "source: PointsSource", l.note, l.minutes, l.points,
                  l.created_at, r.category AS "category?: RequestCategory"
           FROM points_ledger l
           LEFT JOIN service_requests r ON r.id = l.source_id AND l.source <> 'shift'
           WHERE l.user_id = $1 ORDER BY l.created_at DESC, l.id DESC LIMIT 100"#,
        user_id
    )
    .fetch_all(pool)
    .await?;
    let entries = rows
        .into_iter()
        .map(|r| LedgerEntry {
            id: r.id,
            created_at: r.created_at,
            source: r.source,
            note: r.note,
            category: r.category,
            minutes: r.minutes,
            points: r.points,
        })
        .collect();
    Ok((totals.minutes, totals.points, entries))
}

/// The month's ("2026-11") top volunteers of a community by points.
pub async fn leaderboard(pool: &Pool, community_id: i64, month: &str) -> AppResult<Vec<LeaderRow>> {
    let (from, to) = crate::clock::month_bounds(month)?;
    let rows = sqlx::query!(
        r#"SELECT u.display_name AS name, CAST(sum(l.minutes) AS BIGINT) AS "minutes!: i64",
                  CAST(sum(l.points) AS BIGINT) AS "points!: i64"
           FROM points_ledger l JOIN users u ON u.id = l.user_id
           WHERE l.community_id = $1 AND l.created_at >= $2 AND l.created_at < $3
           GROUP BY u.id ORDER BY 3 DESC, 2 DESC, u.display_name LIMIT 20"#,
        community_id,
        from,
        to
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| LeaderRow {
            name: r.name,
            minutes: r.minutes,
            points: r.points,
        })
        .collect())
}

pub async fn rules(pool: &Pool) -> AppResult<Vec<PointsRule>> {
    let rows = sqlx::query_as!(
        PointsRule,
        r#"SELECT kind AS "kind!", minutes, points_per_hour, bonus FROM points_rules
           ORDER BY CASE kind WHEN 'delivery' THEN 0 WHEN 'class_assistant' THEN 1 WHEN 'event' THEN 2 ELSE 3 END"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

pub async fn update_rule(pool: &Pool, actor: i64, rule: &PointsRule) -> AppResult<()> {
    let mut tx = pool.begin().await?;
    let done = sqlx::query!(
        "UPDATE points_rules SET minutes = $1, points_per_hour = $2, bonus = $3 WHERE kind = $4",
        rule.minutes,
        rule.points_per_hour,
        rule.bonus,
        rule.kind
    )
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    let kind = crate::volunteer::model::shifts::ShiftKind::from_code(&rule.kind);
    let detail = crate::tr_each!(locale =>
        "积分规则 {}：默认 {} 分钟，每小时 {} 分，另加 {} 分",
        "Points rule {}: {} minutes by default, {} points an hour, {} extra",
        kind.map_or(crate::tr!(locale => "服务点单", "service requests"), |k| k.label_in(locale).to_string()),
        rule.minutes,
        rule.points_per_hour,
        rule.bonus
    );
    crate::db::record_audit(&mut tx, actor, "update_points_rule", &detail).await?;
    tx.commit().await?;
    Ok(())
}

/// Hours per volunteer of a community (or of all) between two Unix times, for certificates (CSV).
pub async fn hours_csv(
    pool: &Pool,
    community_id: Option<i64>,
    from: i64,
    to: i64,
) -> AppResult<String> {
    let rows = sqlx::query!(
        r#"SELECT u.display_name AS name, u.phone, count(*) FILTER (WHERE l.source <> 'rating_bonus') AS "entries!: i64",
                  CAST(sum(l.minutes) AS BIGINT) AS "minutes!: i64",
                  CAST(sum(l.points) AS BIGINT) AS "points!: i64"
           FROM points_ledger l JOIN users u ON u.id = l.user_id
           WHERE (CAST($1 AS BIGINT) IS NULL OR l.community_id = $1) AND l.created_at >= $2 AND l.created_at < $3
           GROUP BY u.id ORDER BY u.display_name"#,
        community_id,
        from,
        to
    )
    .fetch_all(pool)
    .await?;
    let mut out = String::from("\u{feff}姓名,手机号,服务次数,服务时长(小时),积分\r\n");
    for r in rows {
        let tenths = (r.minutes * 10 + 30) / 60;
        out.push_str(&format!(
            "{},{},{},{}.{},{}\r\n",
            crate::export::csv_field(&r.name),
            r.phone,
            r.entries,
            tenths / 10,
            tenths % 10,
            r.points
        ));
    }
    Ok(out)
}
