//! Community queries.

use sqlx::SqlitePool;

use super::Community;
use crate::error::AppResult;

pub async fn all_communities(pool: &SqlitePool) -> AppResult<Vec<Community>> {
    let rows = sqlx::query_as!(
        Community,
        r#"SELECT c.id AS "id!", c.name, s.name AS subdistrict, s.district, s.city
         FROM communities c JOIN subdistricts s ON s.id = c.subdistrict_id
         ORDER BY s.id, c.id"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

pub async fn community_exists(pool: &SqlitePool, id: i64) -> AppResult<bool> {
    let row = sqlx::query!(
        r#"SELECT count(*) AS "n!: i64" FROM communities WHERE id = ?"#,
        id
    )
    .fetch_one(pool)
    .await?;
    Ok(row.n > 0)
}
