//! Volunteer profiles: community, skills, 党员 flag, weekly availability.

use crate::db::Pool;

use crate::error::AppResult;
use crate::volunteer::model::points::VolunteerProfile;

pub async fn load(pool: &Pool, user_id: i64) -> AppResult<VolunteerProfile> {
    let row = sqlx::query!(
        r#"SELECT community_id, skills, is_party_member AS "is_party_member: bool", availability
           FROM volunteer_profiles WHERE user_id = $1"#,
        user_id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row
        .map(|r| VolunteerProfile {
            community_id: r.community_id,
            skills: r.skills,
            is_party_member: r.is_party_member,
            availability: r.availability,
        })
        .unwrap_or_default())
}

pub async fn save(pool: &Pool, user_id: i64, profile: &VolunteerProfile) -> AppResult<()> {
    sqlx::query!(
        "INSERT INTO volunteer_profiles (user_id, community_id, skills, is_party_member, availability)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE SET community_id = excluded.community_id, skills = excluded.skills,
             is_party_member = excluded.is_party_member, availability = excluded.availability",
        user_id,
        profile.community_id,
        profile.skills,
        profile.is_party_member,
        profile.availability
    )
    .execute(pool)
    .await?;
    Ok(())
}
