//! Hours, points, the leaderboard and volunteer profiles as the pages see them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub id: i64,
    pub when: String,
    pub source: String,
    pub note: String,
    pub hours: String,
    pub points: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderRow {
    pub name: String,
    pub hours: String,
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
    pub hours: String,
    pub points: i64,
    pub entries: Vec<LedgerEntry>,
    pub profile: VolunteerProfile,
    /// The leaderboard's community and month ("2026-11").
    pub community: String,
    pub month: String,
    pub leaders: Vec<LeaderRow>,
}
