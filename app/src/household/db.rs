//! Elder and family-link storage.

use crate::db::Pool;
use chrono::NaiveDate;

use crate::auth::db::insert_role;
use crate::domain::age::age_on;
use crate::domain::elder::{
    join_codes, split_codes, Allergen, DietNeed, ElderForSave, SubsidyCategory,
};
use crate::domain::role::{Role, RoleGrant};
use crate::error::{AppError, AppResult};
use crate::household::model::ElderView;

/// Which elders to list. Fields that are set are alternatives (OR).
#[derive(Debug, Default, Clone, Copy)]
pub struct ElderFilter {
    /// Elders this account looks after, or is.
    pub family_of: Option<i64>,
    pub community: Option<i64>,
    pub elder_id: Option<i64>,
}

struct ElderRow {
    id: i64,
    name: String,
    birth_date: NaiveDate,
    community_id: i64,
    community_name: String,
    building: String,
    unit: String,
    room: String,
    phone: String,
    needs_delivery: bool,
    allergies: String,
    diet_needs: String,
    subsidy_category: String,
    notes: String,
    relation: String,
    own_phone: Option<String>,
    is_family: bool,
    is_self: bool,
}

impl ElderRow {
    fn ownership(&self) -> ElderOwnership {
        ElderOwnership {
            community_id: self.community_id,
            is_family: self.is_family,
            is_self: self.is_self,
        }
    }

    fn into_view(self, today: NaiveDate) -> ElderView {
        let age = age_on(self.birth_date, today);
        ElderView {
            id: self.id,
            name: self.name,
            birth_date: self.birth_date,
            age,
            community_id: self.community_id,
            community_name: self.community_name,
            building: self.building,
            unit: self.unit,
            room: self.room,
            phone: self.phone,
            needs_delivery: self.needs_delivery,
            allergies: split_codes(&self.allergies, Allergen::from_code),
            diet_needs: split_codes(&self.diet_needs, DietNeed::from_code),
            subsidy_category: SubsidyCategory::from_code(&self.subsidy_category)
                .unwrap_or(SubsidyCategory::None),
            notes: self.notes,
            relation: self.relation,
            own_login: self.own_phone.map(|p| mask(&p)),
        }
    }
}

fn mask(phone: &str) -> String {
    crate::domain::phone::PhoneNumber::parse(phone)
        .map(|p| p.masked())
        .unwrap_or_else(|_| phone.to_string())
}

/// Whose elders a listing covers: those `viewer` looks after (or is), then every elder of
/// `communities` (of every community when `None`). `household::policy::elder_scope` builds it
/// from the caller's roles.
pub struct ElderScope {
    pub viewer: i64,
    pub communities: Option<Vec<i64>>,
}

/// The elders of `scope`: the viewer's own first, then those of its communities.
pub async fn elders_in_scope(pool: &Pool, scope: &ElderScope) -> AppResult<Vec<ElderView>> {
    let today = crate::clock::today_in_shanghai();
    let mine = ElderFilter {
        family_of: Some(scope.viewer),
        ..Default::default()
    };
    let mut elders = find_elders(pool, mine, scope.viewer, today).await?;
    let communities = match &scope.communities {
        Some(ids) => ids.clone(),
        None => crate::community::db::all_communities(pool)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect(),
    };
    for community in communities {
        let filter = ElderFilter {
            community: Some(community),
            ..Default::default()
        };
        for elder in find_elders(pool, filter, scope.viewer, today).await? {
            if !elders.iter().any(|e| e.id == elder.id) {
                elders.push(elder);
            }
        }
    }
    Ok(elders)
}

/// Elders matching `filter`, with `viewer`'s relation to each, ordered by name. Each filter is
/// its own indexed lookup (a NULL filter matches nothing), so one elder costs one lookup, not a
/// scan of every elder.
pub async fn find_elders(
    pool: &Pool,
    filter: ElderFilter,
    viewer: i64,
    today: NaiveDate,
) -> AppResult<Vec<ElderView>> {
    let rows = elder_rows(pool, filter, viewer).await?;
    Ok(rows.into_iter().map(|row| row.into_view(today)).collect())
}

async fn elder_rows(pool: &Pool, filter: ElderFilter, viewer: i64) -> AppResult<Vec<ElderRow>> {
    let rows = sqlx::query_as!(
        ElderRow,
        r#"SELECT e.id AS "id!", e.name, e.birth_date AS "birth_date: NaiveDate", e.community_id, c.name AS community_name,
                  e.building, e.unit, e.room, e.phone, e.needs_delivery AS "needs_delivery: bool",
                  e.allergies, e.diet_needs, e.subsidy_category, e.notes,
                  coalesce(f.relation, '') AS "relation!: String", u.phone AS "own_phone?: String",
                  f.user_id IS NOT NULL AS "is_family!: bool", coalesce(e.user_id = $1, FALSE) AS "is_self!: bool"
           FROM (SELECT id FROM elders WHERE user_id = $2
                 UNION SELECT elder_id FROM family_links WHERE user_id = $2
                 UNION SELECT id FROM elders WHERE community_id = $3
                 UNION SELECT id FROM elders WHERE id = $4) AS chosen
           JOIN elders e ON e.id = chosen.id
           JOIN communities c ON c.id = e.community_id
           LEFT JOIN family_links f ON f.elder_id = e.id AND f.user_id = $1
           LEFT JOIN users u ON u.id = e.user_id
           ORDER BY e.name, e.id"#,
        viewer,
        filter.family_of,
        filter.community,
        filter.elder_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

#[derive(Debug, Clone, Copy)]
pub struct ElderOwnership {
    pub community_id: i64,
    pub is_family: bool,
    pub is_self: bool,
}

/// How `user_id` relates to the elder, or `None` when there is no such elder.
pub async fn ownership(
    pool: &Pool,
    elder_id: i64,
    user_id: i64,
) -> AppResult<Option<ElderOwnership>> {
    let row = sqlx::query!(
        r#"SELECT e.community_id,
                  EXISTS(SELECT 1 FROM family_links WHERE elder_id = e.id AND user_id = $2) AS "is_family!: bool",
                  coalesce(e.user_id = $2, FALSE) AS "is_self!: bool"
           FROM elders e WHERE e.id = $1"#,
        elder_id,
        user_id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| ElderOwnership {
        community_id: r.community_id,
        is_family: r.is_family,
        is_self: r.is_self,
    }))
}

/// One elder as [`find_elders`] shows them, with `viewer`'s relation for the policy to judge:
/// one lookup where an action needs both. `None` when there is no such elder.
pub async fn elder_with_ownership(
    pool: &Pool,
    elder_id: i64,
    viewer: i64,
    today: NaiveDate,
) -> AppResult<Option<(ElderView, ElderOwnership)>> {
    let filter = ElderFilter {
        elder_id: Some(elder_id),
        ..Default::default()
    };
    let row = elder_rows(pool, filter, viewer).await?.pop();
    Ok(row.map(|row| {
        let owned = row.ownership();
        (row.into_view(today), owned)
    }))
}

/// The profile fields that are stored as text: ISO date, codes joined by commas.
struct StoredColumns {
    phone: String,
    allergies: String,
    diet_needs: String,
    subsidy_category: &'static str,
}

impl StoredColumns {
    fn of(elder: &ElderForSave) -> Self {
        Self {
            phone: elder
                .phone
                .as_ref()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
            allergies: join_codes(&elder.allergies, Allergen::code),
            diet_needs: join_codes(&elder.diet_needs, DietNeed::code),
            subsidy_category: elder.subsidy_category.code(),
        }
    }
}

/// Saves a new elder; with `family` the creating account is linked as family (and gains the
/// family role). One transaction: an elder never exists half-registered.
pub async fn create_elder(
    pool: &Pool,
    elder: &ElderForSave,
    created_by: i64,
    family: bool,
) -> AppResult<i64> {
    let mut tx = pool.begin().await?;
    let columns = StoredColumns::of(elder);
    let id = sqlx::query_scalar!(
        r#"INSERT INTO elders (name, birth_date, community_id, building, unit, room, phone, needs_delivery,
                             allergies, diet_needs, subsidy_category, notes, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           RETURNING id AS "id!: i64""#,
        elder.name,
        elder.birth_date,
        elder.community_id,
        elder.building,
        elder.unit,
        elder.room,
        columns.phone,
        elder.needs_delivery,
        columns.allergies,
        columns.diet_needs,
        columns.subsidy_category,
        elder.notes,
        created_by
    )
    .fetch_one(&mut *tx)
    .await?;
    if family {
        sqlx::query!(
            "INSERT INTO family_links (elder_id, user_id, relation) VALUES ($1, $2, $3)",
            id,
            created_by,
            elder.relation
        )
        .execute(&mut *tx)
        .await?;
        insert_role(
            &mut tx,
            created_by,
            &RoleGrant {
                role: Role::Family,
                community_id: None,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Updates a profile; `relation_of` names the family member whose relation is updated too.
pub async fn update_elder(
    pool: &Pool,
    elder_id: i64,
    elder: &ElderForSave,
    relation_of: Option<i64>,
) -> AppResult<()> {
    let mut tx = pool.begin().await?;
    let columns = StoredColumns::of(elder);
    let updated = sqlx::query!(
        "UPDATE elders SET name = $1, birth_date = $2, community_id = $3, building = $4, unit = $5, room = $6,
                phone = $7, needs_delivery = $8, allergies = $9, diet_needs = $10, subsidy_category = $11, notes = $12,
                updated_at = unixepoch()
         WHERE id = $13",
        elder.name,
        elder.birth_date,
        elder.community_id,
        elder.building,
        elder.unit,
        elder.room,
        columns.phone,
        elder.needs_delivery,
        columns.allergies,
        columns.diet_needs,
        columns.subsidy_category,
        elder.notes,
        elder_id
    )
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    if let Some(user_id) = relation_of {
        sqlx::query!(
            "UPDATE family_links SET relation = $1 WHERE elder_id = $2 AND user_id = $3",
            elder.relation,
            elder_id,
            user_id
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Links the elder's own account (found by phone) and gives it the elder role.
pub async fn link_own_login(pool: &Pool, elder_id: i64, phone: &str) -> AppResult<()> {
    let mut tx = pool.begin().await?;
    let user = sqlx::query!(r#"SELECT id AS "id!" FROM users WHERE phone = $1"#, phone)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| {
            AppError::invalid(crate::tr!(
                "这个手机号还没有注册，请长者先用它注册账号。",
                "This mobile number is not registered yet. Please ask the elder to register with it first."
            ))
        })?;
    let linked = sqlx::query!(
        "UPDATE elders SET user_id = $1 WHERE id = $2",
        user.id,
        elder_id
    )
    .execute(&mut *tx)
    .await;
    match linked {
        Ok(_) => {}
        Err(e) if crate::db::is_unique_violation(&e) => {
            return Err(AppError::conflict(crate::tr!(
                "这个账号已经关联了另一位长者。",
                "This account is already linked to another elder."
            )));
        }
        Err(e) => return Err(e.into()),
    }
    insert_role(
        &mut tx,
        user.id,
        &RoleGrant {
            role: Role::Elder,
            community_id: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
