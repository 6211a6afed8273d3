//! Points, hours and profile server functions under /api/volunteer/points/: each volunteer
//! sees their own ledger; the monthly leaderboard of their community; staff confirm shifts
//! done; admins of every community edit the rules.

use leptos::prelude::*;

use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::volunteer::model::points::VolunteerProfile;
use crate::volunteer::model::points::{PointsOverview, PointsRule};

#[server(endpoint = "volunteer/points")]
pub async fn my_points() -> Result<PointsOverview, AppError> {
    use crate::volunteer::db;
    let (user, pool) = crate::auth::session::caller().await?;
    let (minutes, points, entries) = db::points::ledger(&pool, user.id).await?;
    let profile = crate::volunteer::db::profile::load(&pool, user.id).await?;
    let month = crate::clock::today_in_shanghai()
        .format("%Y-%m")
        .to_string();
    let (community, leaders) = match profile.community_id {
        Some(id) => {
            let name = crate::community::db::all_communities(&pool)
                .await?
                .into_iter()
                .find(|c| c.id == id)
                .map(|c| c.name)
                .unwrap_or_default();
            (name, db::points::leaderboard(&pool, id, &month).await?)
        }
        None => (String::new(), Vec::new()),
    };
    Ok(PointsOverview {
        minutes,
        points,
        entries,
        profile,
        community,
        month,
        leaders,
    })
}

#[server(endpoint = "volunteer/profile")]
pub async fn save_profile(
    community_id: String,
    skills: String,
    party_member: Option<String>,
    availability: String,
) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let community = community_id.trim().parse::<i64>().map_err(|_| {
        AppError::invalid(crate::tr!(
            "请选择所在社区。",
            "Please choose your community."
        ))
    })?;
    if !crate::community::db::community_exists(&pool, community).await? {
        return Err(AppError::invalid(crate::tr!(
            "请选择所在社区。",
            "Please choose your community."
        )));
    }
    let limit = |text: &str, what: &str| {
        let text = text.trim();
        if text.chars().count() > 100 {
            Err(AppError::invalid(crate::tr!(
                "{what}请不要超过 100 个字。",
                "Please keep {what} to 100 characters or fewer."
            )))
        } else {
            Ok(text.to_string())
        }
    };
    let profile = VolunteerProfile {
        community_id: Some(community),
        skills: limit(&skills, &crate::tr!("特长", "your skills"))?,
        is_party_member: party_member.is_some(),
        availability: limit(
            &availability,
            &crate::tr!("可服务时间", "your availability"),
        )?,
    };
    crate::volunteer::db::profile::save(&pool, user.id, &profile).await
}

/// Staff confirm a shift done: every confirmed volunteer is credited once.
#[server(endpoint = "volunteer/manage/complete")]
pub async fn complete_shift(shift_id: i64) -> Result<(), AppError> {
    let (user, pool) = crate::auth::session::caller().await?;
    let community = crate::volunteer::db::shifts::community_of(&pool, shift_id).await?;
    crate::volunteer::policy::require_staff_of(&user, community)?;
    let today = crate::clock::today_in_shanghai();
    crate::volunteer::db::points::complete_shift(&pool, shift_id, today)
        .await
        .map(|_| ())
}

/// The rules, and whether the caller may change them.
#[server(endpoint = "volunteer/points/rules")]
pub async fn points_rules() -> Result<(Vec<PointsRule>, bool), AppError> {
    let user = crate::auth::session::require_user().await?;
    let rules = crate::volunteer::db::points::rules(&crate::state::pool()?).await?;
    let may_edit = crate::volunteer::policy::require_rules_editor(&user).is_ok();
    Ok((rules, may_edit))
}

#[server(endpoint = "volunteer/points/rules/save")]
pub async fn save_points_rule(
    kind: String,
    minutes: String,
    points_per_hour: String,
    bonus: String,
) -> Result<(), AppError> {
    let user = crate::auth::session::require_user().await?;
    crate::volunteer::policy::require_rules_editor(&user)?;
    let number = |text: &str, what: &str, max: i64| {
        let message = crate::tr!(
            "{what}请填 0 到 {max} 的整数。",
            "Please enter a whole number from 0 to {max} for {what}."
        );
        crate::domain::number::whole_number(text, 0..=max, &message)
    };
    let rule = PointsRule {
        kind,
        minutes: number(&minutes, &crate::tr!("时长（分钟）", "minutes each"), 1440)?,
        points_per_hour: number(
            &points_per_hour,
            &crate::tr!("每小时积分", "points per hour"),
            1000,
        )?,
        bonus: number(&bonus, &crate::tr!("好评奖励", "the bonus"), 1000)?,
    };
    crate::volunteer::db::points::update_rule(&crate::state::pool()?, user.id, &rule).await
}
