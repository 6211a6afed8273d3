//! Community queries.

use crate::db::Pool;

use crate::community::model::Community;
use crate::error::AppResult;

pub async fn all_communities(pool: &Pool) -> AppResult<Vec<Community>> {
    let rows = sqlx::query_as!(
        Community,
        r#"SELECT c.id AS "id!", c.name, c.subdistrict_id, s.name AS subdistrict, s.district, s.city
         FROM communities c JOIN subdistricts s ON s.id = c.subdistrict_id
         ORDER BY s.id, c.id"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

pub async fn community_exists(pool: &Pool, id: i64) -> AppResult<bool> {
    let row = sqlx::query!(
        r#"SELECT count(*) AS "n!: i64" FROM communities WHERE id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?;
    Ok(row.n > 0)
}

pub struct Subdistrict {
    pub id: i64,
    pub name: String,
}

pub async fn subdistricts(pool: &Pool) -> AppResult<Vec<Subdistrict>> {
    let rows = sqlx::query_as!(
        Subdistrict,
        r#"SELECT id AS "id!", name FROM subdistricts ORDER BY id"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// Adds a community under a sub-district, with its audit entry, in one transaction.
pub async fn add_community(
    pool: &Pool,
    actor: i64,
    subdistrict_id: i64,
    name: &str,
) -> AppResult<i64> {
    let mut tx = pool.begin().await?;
    let inserted = sqlx::query_scalar!(
        r#"INSERT INTO communities (subdistrict_id, name) VALUES ($1, $2)
           RETURNING id AS "id!: i64""#,
        subdistrict_id,
        name
    )
    .fetch_one(&mut *tx)
    .await;
    let id = match inserted {
        Ok(id) => id,
        Err(e) if crate::db::is_unique_violation(&e) => {
            return Err(crate::error::AppError::conflict(crate::tr!(
                "这个街道下已经有同名的社区。",
                "This sub-district already has a community with that name."
            )));
        }
        Err(e) => return Err(e.into()),
    };
    let detail = crate::tr_each!("新增社区：{name}", "Community added: {name}");
    crate::db::record_audit(&mut tx, actor, "add_community", &detail).await?;
    tx.commit().await?;
    Ok(id)
}
