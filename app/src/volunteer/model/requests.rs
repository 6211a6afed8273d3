//! Service requests as the pages and server functions exchange them.

use serde::{Deserialize, Serialize};

use crate::domain::code::coded_enum;
use crate::ui::prefs::Locale;

coded_enum!(wire = code;
    /// Where a service request stands: 点单 → 领单 (or 派单) → 服务完成, or cancelled.
    RequestStatus {
    Open = ("open", "待接单", "Waiting for a volunteer"),
    Taken = ("taken", "服务中", "In progress"),
    Done = ("done", "已完成", "Done"),
    Cancelled = ("cancelled", "已取消", "Cancelled"),
});

impl RequestStatus {
    /// The label people see: a done request the resident has rated is 已评价.
    pub fn label_for_in(self, rated: bool, locale: Locale) -> &'static str {
        match (self, rated, locale) {
            (RequestStatus::Done, true, Locale::Zh) => "已评价",
            (RequestStatus::Done, true, Locale::En) => "Rated",
            _ => self.label_in(locale),
        }
    }
}

coded_enum!(wire = code;
    /// A step in a request's timeline.
    RequestStep {
    Posted = ("posted", "发布", "Posted"),
    Dispatched = ("dispatched", "派单", "Dispatched"),
    Taken = ("taken", "接单", "Taken"),
    Done = ("done", "完成", "Done"),
    Cancelled = ("cancelled", "取消", "Cancelled"),
    Rated = ("rated", "评价", "Rated"),
});

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
    pub category: RequestCategory,
    pub detail: String,
    pub wished_time: String,
    /// Only for the parties.
    pub place: String,
    pub status: RequestStatus,
    pub volunteer: String,
    pub volunteer_phone: String,
    /// Each step taken with its time (Unix seconds), in order.
    pub timeline: Vec<(RequestStep, i64)>,
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
