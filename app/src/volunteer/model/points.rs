//! Hours, points, the leaderboard and volunteer profiles as the pages see them.

use serde::{Deserialize, Serialize};

use crate::domain::code::coded_enum;
use crate::volunteer::model::requests::RequestCategory;

coded_enum!(wire = code; PointsSource {
    Shift = ("shift", "班次", "Shift"),
    Request = ("request", "服务需求", "Service request"),
    RatingBonus = ("rating_bonus", "好评奖励", "Good-rating bonus"),
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub id: i64,
    /// Unix seconds.
    pub created_at: i64,
    pub source: PointsSource,
    /// What the work was: the shift's date and title as stored, or, for a service request,
    /// its category, labelled by the page.
    pub note: String,
    pub category: Option<RequestCategory>,
    pub minutes: i64,
    pub points: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderRow {
    pub name: String,
    pub minutes: i64,
    pub points: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointsRule {
    pub kind: String,
    pub minutes: i64,
    pub points_per_hour: i64,
    pub bonus: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolunteerProfile {
    pub community_id: Option<i64>,
    pub skills: String,
    pub is_party_member: bool,
    pub availability: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointsOverview {
    pub minutes: i64,
    pub points: i64,
    pub entries: Vec<LedgerEntry>,
    pub profile: VolunteerProfile,
    /// The leaderboard's community and month ("2026-11").
    pub community: String,
    pub month: String,
    pub leaders: Vec<LeaderRow>,
}
