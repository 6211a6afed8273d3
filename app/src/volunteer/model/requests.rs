//! Service requests as the pages and server functions exchange them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestCategory {
    Haircut,
    Escort,
    Shopping,
    Repair,
    Company,
    Other,
}

impl RequestCategory {
    pub const ALL: [RequestCategory; 6] = [
        Self::Haircut,
        Self::Escort,
        Self::Shopping,
        Self::Repair,
        Self::Company,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Haircut => "haircut",
            Self::Escort => "escort",
            Self::Shopping => "shopping",
            Self::Repair => "repair",
            Self::Company => "company",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Haircut => "上门理发",
            Self::Escort => "陪诊",
            Self::Shopping => "代购",
            Self::Repair => "维修",
            Self::Company => "聊天陪伴",
            Self::Other => "其他",
        }
    }
}

/// A service request as posted: for an elder (id) or for the poster, in a community.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    pub elder_id: String,
    #[serde(default)]
    pub community_id: String,
    pub category: String,
    pub detail: String,
    pub wished_time: String,
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestView {
    pub id: i64,
    pub community: String,
    pub elder_name: String,
    pub requester: String,
    /// Only for the parties (requester, volunteer, staff).
    pub requester_phone: String,
    pub category: String,
    pub detail: String,
    pub wished_time: String,
    /// Only for the parties.
    pub place: String,
    pub status: String,
    pub status_label: String,
    pub volunteer: String,
    pub volunteer_phone: String,
    /// "发布 11月23日 14:05", one line per step.
    pub timeline: Vec<String>,
    pub rating: Option<i64>,
    pub rating_comment: String,
    pub mine: bool,
    pub taken_by_me: bool,
    pub can_cancel: bool,
    pub can_claim: bool,
    pub can_dispatch: bool,
    pub can_complete: bool,
    pub can_rate: bool,
}
