//! Service requests as the pages and server functions exchange them.

use serde::{Deserialize, Serialize};

use crate::domain::code::coded_enum;

coded_enum!(wire = code; RequestCategory {
    Haircut = ("haircut", "上门理发", "Haircut at home"),
    Escort = ("escort", "陪诊", "Hospital escort"),
    Shopping = ("shopping", "代购", "Shopping"),
    Repair = ("repair", "维修", "Repairs"),
    Company = ("company", "聊天陪伴", "Company and a chat"),
    Other = ("other", "其他", "Other"),
});

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
